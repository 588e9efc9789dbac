CREATE INDEX `articles_status_updated_idx` ON `articles` (`status`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `articles_status_created_idx` ON `articles` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `articles_visibility_idx` ON `articles` (`id`,`status`,`published_sort`);