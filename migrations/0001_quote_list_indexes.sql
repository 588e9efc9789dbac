DROP INDEX `quotes_source_idx`;--> statement-breakpoint
CREATE INDEX `quotes_created_idx` ON `quotes` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `quotes_source_idx` ON `quotes` (`source_id`,`created_at`,`id`);