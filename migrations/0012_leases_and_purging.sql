CREATE TABLE `leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `purge_positions` (
	`url` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL
);
