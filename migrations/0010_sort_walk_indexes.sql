DROP INDEX `articles_status_updated_idx`;--> statement-breakpoint
DROP INDEX `articles_status_created_idx`;--> statement-breakpoint
CREATE INDEX `articles_published_idx` ON `articles` (`published_sort`,`id`,`status`);--> statement-breakpoint
CREATE INDEX `articles_updated_idx` ON `articles` (`updated_at`,`id`,`status`);--> statement-breakpoint
CREATE INDEX `articles_created_idx` ON `articles` (`created_at`,`id`,`status`);