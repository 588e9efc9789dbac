CREATE TABLE `article_authors` (
	`article_id` text NOT NULL,
	`author_id` text NOT NULL,
	`role` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`article_id`, `author_id`, `role`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "article_authors_role_check" CHECK(role in ('byline', 'reporter', 'producer', 'photographer', 'editor')),
	CONSTRAINT "article_authors_position_check" CHECK(position >= 0)
);
--> statement-breakpoint
CREATE INDEX `article_authors_author_idx` ON `article_authors` (`author_id`,`article_id`);--> statement-breakpoint
CREATE TABLE `articles` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`headline` text NOT NULL,
	`standfirst` text,
	`body` text NOT NULL,
	`language` text NOT NULL,
	`status` text NOT NULL,
	`published_at` text,
	`published_sort` text GENERATED ALWAYS AS (coalesce(published_at, '')) VIRTUAL NOT NULL,
	`publisher` text,
	`media` text NOT NULL,
	`notes` text NOT NULL,
	`word_count` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	CONSTRAINT "articles_status_check" CHECK(status in ('draft', 'published', 'withdrawn'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_slug_unique` ON `articles` (`slug`);--> statement-breakpoint
CREATE INDEX `articles_status_published_idx` ON `articles` (`status`,`published_sort`,`id`);--> statement-breakpoint
CREATE TABLE `authors` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`title` text,
	`organization` text,
	`location` text,
	`bio` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `authors_slug_unique` ON `authors` (`slug`);--> statement-breakpoint
CREATE INDEX `authors_name_idx` ON `authors` (`name`,`id`);--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` text PRIMARY KEY NOT NULL,
	`article_id` text NOT NULL,
	`source_id` text NOT NULL,
	`text` text NOT NULL,
	`kind` text NOT NULL,
	`block` integer NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`said_to_id` text,
	`channel` text,
	`cue` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`said_to_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "quotes_kind_check" CHECK(kind in ('direct', 'partial', 'paraphrase')),
	CONSTRAINT "quotes_location_check" CHECK(block >= 0 and start >= 0 and "end" > start),
	CONSTRAINT "quotes_text_check" CHECK(length(text) > 0)
);
--> statement-breakpoint
CREATE INDEX `quotes_article_idx` ON `quotes` (`article_id`,`block`,`start`,`id`);--> statement-breakpoint
CREATE INDEX `quotes_source_idx` ON `quotes` (`source_id`,`id`);--> statement-breakpoint
CREATE INDEX `quotes_said_to_idx` ON `quotes` (`said_to_id`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text,
	`description` text NOT NULL,
	`kind` text NOT NULL,
	`anonymous` integer NOT NULL,
	`affiliation` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	CONSTRAINT "sources_kind_check" CHECK(kind in ('person', 'organization', 'group')),
	CONSTRAINT "sources_anonymous_check" CHECK((anonymous = 1) = (name is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_slug_unique` ON `sources` (`slug`);