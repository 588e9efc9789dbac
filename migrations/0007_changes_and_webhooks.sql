CREATE TABLE `dirty` (
	`resource` text NOT NULL,
	`resource_id` text NOT NULL,
	PRIMARY KEY(`resource`, `resource_id`)
);
--> statement-breakpoint
CREATE TABLE `embargoes` (
	`article_id` text PRIMARY KEY NOT NULL,
	`until` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `embargoes_until_idx` ON `embargoes` (`until`);--> statement-breakpoint
CREATE TABLE `events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`resource` text NOT NULL,
	`resource_id` text NOT NULL,
	`version` integer NOT NULL,
	`at` text NOT NULL,
	CONSTRAINT "events_type_check" CHECK(type in ('created', 'updated', 'withdrawn', 'deleted')),
	CONSTRAINT "events_resource_check" CHECK(resource in ('article', 'author', 'source', 'quote', 'tag'))
);
--> statement-breakpoint
CREATE INDEX `events_resource_idx` ON `events` (`resource_id`,`seq`);--> statement-breakpoint
CREATE TABLE `syndicated` (
	`resource` text NOT NULL,
	`resource_id` text NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`resource`, `resource_id`)
);
--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`webhook_id` text NOT NULL,
	`event_seq` integer NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_status` integer,
	`last_error` text,
	`created_at` text NOT NULL,
	`delivered_at` text,
	FOREIGN KEY (`webhook_id`) REFERENCES `webhooks`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "webhook_deliveries_status_check" CHECK(status in ('pending', 'delivered', 'failed'))
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due_idx` ON `webhook_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_webhook_idx` ON `webhook_deliveries` (`webhook_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `webhooks` (
	`id` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`events` text NOT NULL,
	`secret` text NOT NULL,
	`key_id` text,
	`created_at` text NOT NULL,
	`disabled_at` text
);
--> statement-breakpoint
-- Hand-written: every write marks what it touched, inside its own transaction, so the
-- changes feed cannot miss a write whichever path made it (API, import, seed).
CREATE TRIGGER `dirty_articles_insert` AFTER INSERT ON `articles` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('article', new.id);
END;--> statement-breakpoint
CREATE TRIGGER `dirty_articles_update` AFTER UPDATE ON `articles` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('article', new.id);
END;--> statement-breakpoint
CREATE TRIGGER `dirty_articles_delete` AFTER DELETE ON `articles` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('article', old.id);
END;--> statement-breakpoint
CREATE TRIGGER `dirty_authors_insert` AFTER INSERT ON `authors` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('author', new.id);
END;--> statement-breakpoint
CREATE TRIGGER `dirty_authors_update` AFTER UPDATE ON `authors` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('author', new.id);
END;--> statement-breakpoint
CREATE TRIGGER `dirty_authors_delete` AFTER DELETE ON `authors` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('author', old.id);
END;--> statement-breakpoint
CREATE TRIGGER `dirty_sources_insert` AFTER INSERT ON `sources` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('source', new.id);
END;--> statement-breakpoint
CREATE TRIGGER `dirty_sources_update` AFTER UPDATE ON `sources` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('source', new.id);
END;--> statement-breakpoint
CREATE TRIGGER `dirty_sources_delete` AFTER DELETE ON `sources` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('source', old.id);
END;--> statement-breakpoint
CREATE TRIGGER `dirty_tags_insert` AFTER INSERT ON `tags` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('tag', new.id);
END;--> statement-breakpoint
CREATE TRIGGER `dirty_tags_update` AFTER UPDATE ON `tags` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('tag', new.id);
END;--> statement-breakpoint
CREATE TRIGGER `dirty_tags_delete` AFTER DELETE ON `tags` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('tag', old.id);
END;--> statement-breakpoint
-- A quote's source is public only through its quotes, so the source is touched too.
CREATE TRIGGER `dirty_quotes_insert` AFTER INSERT ON `quotes` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('quote', new.id);
  INSERT OR IGNORE INTO `dirty` VALUES ('source', new.source_id);
END;--> statement-breakpoint
CREATE TRIGGER `dirty_quotes_update` AFTER UPDATE ON `quotes` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('quote', new.id);
  INSERT OR IGNORE INTO `dirty` VALUES ('source', new.source_id);
  INSERT OR IGNORE INTO `dirty` VALUES ('source', old.source_id);
END;--> statement-breakpoint
CREATE TRIGGER `dirty_quotes_delete` AFTER DELETE ON `quotes` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('quote', old.id);
  INSERT OR IGNORE INTO `dirty` VALUES ('source', old.source_id);
END;--> statement-breakpoint
-- A tag is public only through the stories carrying it.
CREATE TRIGGER `dirty_article_tags_insert` AFTER INSERT ON `article_tags` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('tag', new.tag_id);
  INSERT OR IGNORE INTO `dirty` VALUES ('article', new.article_id);
END;--> statement-breakpoint
CREATE TRIGGER `dirty_article_tags_delete` AFTER DELETE ON `article_tags` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('tag', old.tag_id);
  INSERT OR IGNORE INTO `dirty` VALUES ('article', old.article_id);
END;--> statement-breakpoint
CREATE TRIGGER `dirty_article_authors_insert` AFTER INSERT ON `article_authors` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('article', new.article_id);
END;--> statement-breakpoint
CREATE TRIGGER `dirty_article_authors_delete` AFTER DELETE ON `article_authors` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('article', old.article_id);
END;--> statement-breakpoint
-- Rows stored before the feed existed are announced by the first reconciliation.
INSERT OR IGNORE INTO `dirty` SELECT 'article', id FROM `articles`;--> statement-breakpoint
INSERT OR IGNORE INTO `dirty` SELECT 'author', id FROM `authors`;--> statement-breakpoint
INSERT OR IGNORE INTO `dirty` SELECT 'source', id FROM `sources`;--> statement-breakpoint
INSERT OR IGNORE INTO `dirty` SELECT 'quote', id FROM `quotes`;--> statement-breakpoint
INSERT OR IGNORE INTO `dirty` SELECT 'tag', id FROM `tags`;
