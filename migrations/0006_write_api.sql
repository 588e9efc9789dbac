CREATE TABLE `article_revisions` (
	`article_id` text NOT NULL,
	`number` integer NOT NULL,
	`document` text NOT NULL,
	`key_id` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`article_id`, `number`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `corrections` (
	`id` text PRIMARY KEY NOT NULL,
	`article_id` text NOT NULL,
	`revision` integer NOT NULL,
	`kind` text NOT NULL,
	`note` text NOT NULL,
	`blocks` text NOT NULL,
	`quote_ids` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "corrections_kind_check" CHECK(kind in ('correction', 'clarification', 'update', 'retraction'))
);
--> statement-breakpoint
CREATE INDEX `corrections_article_idx` ON `corrections` (`article_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `corrections_created_idx` ON `corrections` (`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`api_key_id` text NOT NULL,
	`key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`status` integer NOT NULL,
	`headers` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`api_key_id`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_created_idx` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
-- Hand-edited: drizzle-kit rebuilds the table to add a CHECK, which would drop the
-- full-text triggers on quotes (0004). ADD COLUMN keeps them; the check is the same.
ALTER TABLE `quotes` ADD `anchor` text DEFAULT 'exact' NOT NULL CONSTRAINT "quotes_anchor_check" CHECK(anchor in ('exact', 'moved', 'orphaned'));
