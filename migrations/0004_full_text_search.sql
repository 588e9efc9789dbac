-- Full-text search over articles (headline; standfirst and body), quotes (text) and sources
-- (name; description). One FTS5 index for all three so /v1/search ranks them together;
-- search_rows maps each index row to what it indexes. Triggers keep it in step in the same
-- transaction as every write, deletes included.
CREATE VIRTUAL TABLE search_index USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
  INSERT INTO search_rows (kind, ref) VALUES ('article', new.id);
  INSERT INTO search_index (rowid, title, body) VALUES (last_insert_rowid(), new.headline, concat_ws(char(10), new.standfirst, (SELECT group_concat(json_extract(value, '$.text'), char(10)) FROM json_each(new.body))));
END;
--> statement-breakpoint
CREATE TRIGGER articles_search_update AFTER UPDATE OF headline, standfirst, body ON articles BEGIN
  UPDATE search_index SET title = new.headline, body = concat_ws(char(10), new.standfirst, (SELECT group_concat(json_extract(value, '$.text'), char(10)) FROM json_each(new.body)))
  WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'article' AND ref = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'article' AND ref = old.id);
  DELETE FROM search_rows WHERE kind = 'article' AND ref = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER quotes_search_insert AFTER INSERT ON quotes BEGIN
  INSERT INTO search_rows (kind, ref) VALUES ('quote', new.id);
  INSERT INTO search_index (rowid, title, body) VALUES (last_insert_rowid(), '', new.text);
END;
--> statement-breakpoint
CREATE TRIGGER quotes_search_update AFTER UPDATE OF text ON quotes BEGIN
  UPDATE search_index SET title = '', body = new.text
  WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'quote' AND ref = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER quotes_search_delete AFTER DELETE ON quotes BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'quote' AND ref = old.id);
  DELETE FROM search_rows WHERE kind = 'quote' AND ref = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER sources_search_insert AFTER INSERT ON sources BEGIN
  INSERT INTO search_rows (kind, ref) VALUES ('source', new.id);
  INSERT INTO search_index (rowid, title, body) VALUES (last_insert_rowid(), coalesce(new.name, ''), new.description);
END;
--> statement-breakpoint
CREATE TRIGGER sources_search_update AFTER UPDATE OF name, description ON sources BEGIN
  UPDATE search_index SET title = coalesce(new.name, ''), body = new.description
  WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'source' AND ref = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER sources_search_delete AFTER DELETE ON sources BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'source' AND ref = old.id);
  DELETE FROM search_rows WHERE kind = 'source' AND ref = old.id;
END;
--> statement-breakpoint
INSERT INTO search_rows (kind, ref) SELECT 'article', id FROM articles;
--> statement-breakpoint
INSERT INTO search_rows (kind, ref) SELECT 'quote', id FROM quotes;
--> statement-breakpoint
INSERT INTO search_rows (kind, ref) SELECT 'source', id FROM sources;
--> statement-breakpoint
INSERT INTO search_index (rowid, title, body) SELECT r.id, a.headline, concat_ws(char(10), a.standfirst, (SELECT group_concat(json_extract(value, '$.text'), char(10)) FROM json_each(a.body))) FROM articles a JOIN search_rows r ON r.kind = 'article' AND r.ref = a.id;
--> statement-breakpoint
INSERT INTO search_index (rowid, title, body) SELECT r.id, '', q.text FROM quotes q JOIN search_rows r ON r.kind = 'quote' AND r.ref = q.id;
--> statement-breakpoint
INSERT INTO search_index (rowid, title, body) SELECT r.id, coalesce(s.name, ''), s.description FROM sources s JOIN search_rows r ON r.kind = 'source' AND r.ref = s.id;
