CREATE TABLE `search_rows` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`ref` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_rows_ref_unique` ON `search_rows` (`kind`,`ref`);