import type Database from 'better-sqlite3'

/**
 * The full-text insert triggers (migration 0008) index each story, quote and source as it
 * is written. FTS5 flushes its pending terms to a new segment at every statement savepoint,
 * and each insert the importer runs opens one, so a story indexed row by row costs several
 * times what the same rows cost in one INSERT … SELECT. For a batch the importer therefore
 * swaps each trigger, inside its own transaction, for one that only numbers the row in
 * search_rows (as the trigger does first), and indexes the batch's rows in one statement
 * a table at the end, with the trigger's own expressions: same rowids, same text.
 * The swap never leaves the transaction: other connections see the triggers unchanged, and
 * a rollback puts them back with everything else.
 */
const TRIGGER =
  /^CREATE TRIGGER (\w+) AFTER INSERT ON (\w+) BEGIN\n {2}(INSERT INTO search_rows \(kind, ref\) VALUES \('(\w+)', new\.id\);)\n {2}INSERT INTO search_index \(rowid, kind, title, body\) VALUES \(last_insert_rowid\(\), (.*)\);\nEND$/s
const NAMES = ['articles_search_insert', 'quotes_search_insert', 'sources_search_insert']

type Deferrable = { name: string; sql: string; numbering: string; indexing: string }

/** The insert triggers in the shape above, or undefined when any is not (then rows index themselves). */
function deferrableTriggers(sqlite: Database.Database): Deferrable[] | undefined {
  const rows = sqlite
    .prepare(`select name, sql from main.sqlite_master where type = 'trigger' and name in (${NAMES.map(() => '?').join(', ')})`)
    .all(...NAMES) as { name: string; sql: string }[]
  if (rows.length !== NAMES.length) return undefined
  const triggers: Deferrable[] = []
  for (const { name, sql } of rows) {
    const m = TRIGGER.exec(sql)
    if (!m || m[1] !== name) return undefined
    const [, , table, numbering, kind, values] = m
    triggers.push({
      name,
      sql,
      numbering:
        `CREATE TEMP TRIGGER ${name}_numbering AFTER INSERT ON main.${table} BEGIN\n  ${numbering}\n` +
        `  INSERT OR IGNORE INTO temp.search_numbered (id) VALUES (last_insert_rowid());\nEND`,
      // `new` names the row as in the trigger, so its expressions are used verbatim.
      indexing:
        `INSERT INTO search_index (rowid, kind, title, body) SELECT r.id, ${values} ` +
        `FROM temp.search_numbered p JOIN search_rows r ON r.id = p.id JOIN ${table} new ON new.id = r.ref ` +
        `WHERE r.kind = '${kind}' ORDER BY r.id`,
    })
  }
  return triggers
}

/**
 * Defers full-text indexing until the returned function is called, which must happen in
 * the same transaction (and before anything reads search_index, such as reconciliation).
 * Returns undefined, deferring nothing, when the triggers are not the ones this mirrors.
 */
export function deferIndexing(sqlite: Database.Database): (() => void) | undefined {
  const triggers = deferrableTriggers(sqlite)
  if (!triggers) return undefined
  // The rows numbered in this batch, by id: search_rows ids are not AUTOINCREMENT, so a row
  // deleted in the batch can give its id to a new one, and "above the old maximum" would miss it.
  sqlite.exec('CREATE TEMP TABLE search_numbered (id INTEGER PRIMARY KEY)')
  for (const t of triggers) {
    sqlite.exec(`DROP TRIGGER main.${t.name}`)
    sqlite.exec(t.numbering)
  }
  return () => {
    for (const t of triggers) {
      // A row written and deleted again within the batch left search_rows with it: only
      // what stands now is indexed, and an update since insertion is read as it stands.
      sqlite.prepare(t.indexing).run()
      sqlite.exec(`DROP TRIGGER temp.${t.name}_numbering`)
      sqlite.exec(t.sql)
    }
    sqlite.exec('DROP TABLE temp.search_numbered')
  }
}
