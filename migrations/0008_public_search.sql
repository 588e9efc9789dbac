-- Two full-text indexes. search_index holds every story, quote and source (editors search
-- drafts too); search_public holds only what the public API shows, written by the changes
-- reconciliation as things become public or stop being so. Public ranking (bm25) counts
-- documents and their lengths, so it must never see a draft's words: a draft full of a word
-- would otherwise move that word's public scores.
-- `kind` is indexed so a type filter is one more term FTS5 intersects, not a row lookup per
-- match; queries give it weight 0 and confine the user's words to {title body}. The prefix
-- index serves the shortest prefix queries accept (3 characters).
DROP TRIGGER articles_search_insert;
--> statement-breakpoint
DROP TRIGGER articles_search_update;
--> statement-breakpoint
DROP TRIGGER articles_search_delete;
--> statement-breakpoint
DROP TRIGGER quotes_search_insert;
--> statement-breakpoint
DROP TRIGGER quotes_search_update;
--> statement-breakpoint
DROP TRIGGER quotes_search_delete;
--> statement-breakpoint
DROP TRIGGER sources_search_insert;
--> statement-breakpoint
DROP TRIGGER sources_search_update;
--> statement-breakpoint
DROP TRIGGER sources_search_delete;
--> statement-breakpoint
DROP TABLE search_index;
--> statement-breakpoint
CREATE VIRTUAL TABLE search_index USING fts5(kind, title, body, tokenize = 'porter unicode61 remove_diacritics 2', prefix = '3');
--> statement-breakpoint
CREATE VIRTUAL TABLE search_public USING fts5(kind, title, body, tokenize = 'porter unicode61 remove_diacritics 2', prefix = '3');
--> statement-breakpoint
CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
  INSERT INTO search_rows (kind, ref) VALUES ('article', new.id);
  INSERT INTO search_index (rowid, kind, title, body) VALUES (last_insert_rowid(), 'article', new.headline, concat_ws(char(10), new.standfirst, (SELECT group_concat(json_extract(value, '$.text'), char(10)) FROM json_each(new.body))));
END;
--> statement-breakpoint
CREATE TRIGGER articles_search_update AFTER UPDATE OF headline, standfirst, body ON articles BEGIN
  UPDATE search_index SET title = new.headline, body = concat_ws(char(10), new.standfirst, (SELECT group_concat(json_extract(value, '$.text'), char(10)) FROM json_each(new.body)))
  WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'article' AND ref = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'article' AND ref = old.id);
  DELETE FROM search_public WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'article' AND ref = old.id);
  DELETE FROM search_rows WHERE kind = 'article' AND ref = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER quotes_search_insert AFTER INSERT ON quotes BEGIN
  INSERT INTO search_rows (kind, ref) VALUES ('quote', new.id);
  INSERT INTO search_index (rowid, kind, title, body) VALUES (last_insert_rowid(), 'quote', '', new.text);
END;
--> statement-breakpoint
CREATE TRIGGER quotes_search_update AFTER UPDATE OF text ON quotes BEGIN
  UPDATE search_index SET title = '', body = new.text
  WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'quote' AND ref = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER quotes_search_delete AFTER DELETE ON quotes BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'quote' AND ref = old.id);
  DELETE FROM search_public WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'quote' AND ref = old.id);
  DELETE FROM search_rows WHERE kind = 'quote' AND ref = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER sources_search_insert AFTER INSERT ON sources BEGIN
  INSERT INTO search_rows (kind, ref) VALUES ('source', new.id);
  INSERT INTO search_index (rowid, kind, title, body) VALUES (last_insert_rowid(), 'source', coalesce(new.name, ''), new.description);
END;
--> statement-breakpoint
CREATE TRIGGER sources_search_update AFTER UPDATE OF name, description ON sources BEGIN
  UPDATE search_index SET title = coalesce(new.name, ''), body = new.description
  WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'source' AND ref = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER sources_search_delete AFTER DELETE ON sources BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'source' AND ref = old.id);
  DELETE FROM search_public WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'source' AND ref = old.id);
  DELETE FROM search_rows WHERE kind = 'source' AND ref = old.id;
END;
--> statement-breakpoint
INSERT INTO search_index (rowid, kind, title, body) SELECT r.id, 'article', a.headline, concat_ws(char(10), a.standfirst, (SELECT group_concat(json_extract(value, '$.text'), char(10)) FROM json_each(a.body))) FROM articles a JOIN search_rows r ON r.kind = 'article' AND r.ref = a.id;
--> statement-breakpoint
INSERT INTO search_index (rowid, kind, title, body) SELECT r.id, 'quote', '', q.text FROM quotes q JOIN search_rows r ON r.kind = 'quote' AND r.ref = q.id;
--> statement-breakpoint
INSERT INTO search_index (rowid, kind, title, body) SELECT r.id, 'source', coalesce(s.name, ''), s.description FROM sources s JOIN search_rows r ON r.kind = 'source' AND r.ref = s.id;
--> statement-breakpoint
INSERT INTO search_public (rowid, kind, title, body)
  SELECT i.rowid, i.kind, i.title, i.body FROM search_index i
  JOIN search_rows r ON r.id = i.rowid
  JOIN syndicated y ON y.resource = r.kind AND y.resource_id = r.ref;
--> statement-breakpoint
-- A person is public through the stories that credit them or say they were spoken to, as a
-- source is through its quotes: both links now touch the author.
DROP TRIGGER dirty_quotes_insert;
--> statement-breakpoint
DROP TRIGGER dirty_quotes_update;
--> statement-breakpoint
DROP TRIGGER dirty_quotes_delete;
--> statement-breakpoint
DROP TRIGGER dirty_article_authors_insert;
--> statement-breakpoint
DROP TRIGGER dirty_article_authors_delete;
--> statement-breakpoint
CREATE TRIGGER `dirty_quotes_insert` AFTER INSERT ON `quotes` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('quote', new.id);
  INSERT OR IGNORE INTO `dirty` VALUES ('source', new.source_id);
  INSERT OR IGNORE INTO `dirty` SELECT 'author', new.said_to_id WHERE new.said_to_id IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `dirty_quotes_update` AFTER UPDATE ON `quotes` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('quote', new.id);
  INSERT OR IGNORE INTO `dirty` VALUES ('source', new.source_id);
  INSERT OR IGNORE INTO `dirty` VALUES ('source', old.source_id);
  INSERT OR IGNORE INTO `dirty` SELECT 'author', new.said_to_id WHERE new.said_to_id IS NOT NULL;
  INSERT OR IGNORE INTO `dirty` SELECT 'author', old.said_to_id WHERE old.said_to_id IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `dirty_quotes_delete` AFTER DELETE ON `quotes` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('quote', old.id);
  INSERT OR IGNORE INTO `dirty` VALUES ('source', old.source_id);
  INSERT OR IGNORE INTO `dirty` SELECT 'author', old.said_to_id WHERE old.said_to_id IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `dirty_article_authors_insert` AFTER INSERT ON `article_authors` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('article', new.article_id);
  INSERT OR IGNORE INTO `dirty` VALUES ('author', new.author_id);
END;
--> statement-breakpoint
CREATE TRIGGER `dirty_article_authors_delete` AFTER DELETE ON `article_authors` BEGIN
  INSERT OR IGNORE INTO `dirty` VALUES ('article', old.article_id);
  INSERT OR IGNORE INTO `dirty` VALUES ('author', old.author_id);
END;
--> statement-breakpoint
-- Authors announced before this rule whose stories are not public are retracted by the next
-- reconciliation (author.deleted), as a source would be.
INSERT OR IGNORE INTO `dirty` SELECT 'author', id FROM `authors`;
