ALTER TABLE `articles` ADD `anonymous_sourced` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Hand-written from here: the flag is derived data. Setting it changes nothing a reader of
-- the changes feed sees, so it does not mark the story for reconciliation; every other
-- update of a story still does (the app never writes the flag).
DROP TRIGGER `dirty_articles_update`;--> statement-breakpoint
CREATE TRIGGER `dirty_articles_update` AFTER UPDATE ON `articles`
WHEN old.anonymous_sourced IS new.anonymous_sourced BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('article', new.id);
END;--> statement-breakpoint
UPDATE `articles` SET `anonymous_sourced` = 1 WHERE `id` IN (
  SELECT q.article_id FROM `quotes` q JOIN `sources` s ON s.id = q.source_id WHERE s.anonymous
);--> statement-breakpoint
DROP INDEX `articles_visibility_idx`;--> statement-breakpoint
CREATE INDEX `articles_anonymous_published_idx` ON `articles` (`anonymous_sourced`,`status`,`published_sort`,`id`);--> statement-breakpoint
CREATE INDEX `articles_visibility_idx` ON `articles` (`id`,`status`,`published_sort`,`anonymous_sourced`);--> statement-breakpoint
-- Kept whichever path writes (API, import, seed, a hand-run statement): a quote from an
-- anonymous source sets it; removing or moving such a quote, or a source becoming named or
-- anonymous, computes it again for the stories concerned. A row is written only when its
-- flag changes.
CREATE TRIGGER `articles_anonymous_quote_insert` AFTER INSERT ON `quotes`
WHEN (SELECT anonymous FROM `sources` WHERE id = new.source_id) BEGIN
  UPDATE `articles` SET `anonymous_sourced` = 1 WHERE id = new.article_id AND NOT `anonymous_sourced`;
END;--> statement-breakpoint
CREATE TRIGGER `articles_anonymous_quote_delete` AFTER DELETE ON `quotes`
WHEN (SELECT anonymous FROM `sources` WHERE id = old.source_id) BEGIN
  UPDATE `articles` SET `anonymous_sourced` = 0 WHERE id = old.article_id AND NOT EXISTS (
    SELECT 1 FROM `quotes` q JOIN `sources` s ON s.id = q.source_id WHERE q.article_id = old.article_id AND s.anonymous
  );
END;--> statement-breakpoint
CREATE TRIGGER `articles_anonymous_quote_update` AFTER UPDATE OF source_id, article_id ON `quotes`
WHEN old.source_id IS NOT new.source_id OR old.article_id IS NOT new.article_id BEGIN
  UPDATE `articles` SET `anonymous_sourced` = NOT `anonymous_sourced`
  WHERE id IN (old.article_id, new.article_id) AND `anonymous_sourced` IS NOT EXISTS (
    SELECT 1 FROM `quotes` q JOIN `sources` s ON s.id = q.source_id WHERE q.article_id = articles.id AND s.anonymous
  );
END;--> statement-breakpoint
CREATE TRIGGER `articles_anonymous_source_update` AFTER UPDATE OF anonymous ON `sources`
WHEN old.anonymous IS NOT new.anonymous BEGIN
  UPDATE `articles` SET `anonymous_sourced` = NOT `anonymous_sourced`
  WHERE id IN (SELECT article_id FROM `quotes` WHERE source_id = new.id) AND `anonymous_sourced` IS NOT EXISTS (
    SELECT 1 FROM `quotes` q JOIN `sources` s ON s.id = q.source_id WHERE q.article_id = articles.id AND s.anonymous
  );
END;
