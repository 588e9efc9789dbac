import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import t from 'tap'
import { openDb } from '../src/db/client.js'
import { MIGRATIONS_FOLDER, migrateDb, migrationsApplied } from '../src/db/migrate.js'
import * as schema from '../src/db/schema.js'

// drizzle-kit's API is CommonJS; its ESM build pulls in optional drivers.
const kit = createRequire(import.meta.url)('drizzle-kit/api') as typeof import('drizzle-kit/api')

type Snapshot = {
  tables: Record<string, { columns: Record<string, unknown>; indexes: Record<string, { columns: string[] }> }>
}

function latestSnapshot(): Snapshot & Record<string, unknown> {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'))
  const last = journal.entries.at(-1)
  return JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', `${String(last.idx).padStart(4, '0')}_snapshot.json`), 'utf8'))
}

t.test('migrations/ is in step with src/db/schema.ts (run `npm run db:generate` after a schema change)', async (t) => {
  const current = await kit.generateSQLiteDrizzleJson(schema)
  const pending = await kit.generateSQLiteMigration(latestSnapshot() as never, current)
  t.same(pending, [], 'drizzle-kit has no pending changes')
})

t.test('a database migrated from migrations/ has every table, column and index of the schema', async (t) => {
  const db = openDb(':memory:')
  t.teardown(() => db.$client.close())
  t.notOk(migrationsApplied(db))
  migrateDb(db)
  t.ok(migrationsApplied(db))
  const expected = (await kit.generateSQLiteDrizzleJson(schema)) as unknown as Snapshot
  const q = (sql: string, ...args: string[]) => db.$client.prepare(sql).all(...args) as Record<string, any>[]
  // The FTS5 index and its shadow tables live in SQL only: drizzle does not model them.
  const tables = q("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'search_index%' and name not like 'search_public%'")
    .filter((r) => r.name !== '__drizzle_migrations')
  t.same(tables.map((r) => r.name).sort(), Object.keys(expected.tables).sort())
  for (const [name, table] of Object.entries(expected.tables)) {
    const columns = q('select name from pragma_table_xinfo(?)', name).map((r) => r.name)
    t.same(columns.sort(), Object.keys(table.columns).sort(), `${name}: columns`)
    const indexes = q("select name from pragma_index_list(?) where origin = 'c'", name).map((r) => r.name)
    t.same(indexes.sort(), Object.keys(table.indexes).sort(), `${name}: indexes`)
    for (const [index, { columns: cols }] of Object.entries(table.indexes)) {
      t.same(q('select name from pragma_index_info(?) order by seqno', index).map((r) => r.name), cols, `${index}: columns`)
    }
  }
})

t.test('the database enforces what the schema promises', async (t) => {
  const db = openDb(':memory:')
  t.teardown(() => db.$client.close())
  migrateDb(db)
  t.equal(db.$client.pragma('foreign_keys', { simple: true }), 1)
  const run = (q: string) => () => db.$client.exec(q)
  t.throws(
    run(`insert into quotes (id, article_id, source_id, text, kind, block, start, "end", created_at, updated_at)
         values ('q', 'missing', 'missing', 'x', 'direct', 0, 0, 1, 'now', 'now')`),
    /FOREIGN KEY/,
  )
  t.throws(
    run(`insert into sources (id, slug, name, description, kind, anonymous, created_at, updated_at)
         values ('s', 's', 'A Name', 'd', 'person', 1, 'now', 'now')`),
    /CHECK/,
    'an anonymous source cannot have a name',
  )
  t.throws(
    run(`insert into sources (id, slug, description, kind, anonymous, created_at, updated_at)
         values ('s', 's', 'd', 'robot', 0, 'now', 'now')`),
    /CHECK/,
  )
})

t.test('the full-text index follows every write, in the same transaction', async (t) => {
  const db = openDb(':memory:')
  t.teardown(() => db.$client.close())
  migrateDb(db)
  const run = (q: string) => db.$client.exec(q)
  const hits = (term: string) =>
    db.$client
      .prepare(`select r.kind, r.ref from search_index join search_rows r on r.id = search_index.rowid where search_index match ? order by r.kind, r.ref`)
      .all(`"${term}"`)
  run(`insert into articles (id, slug, headline, body, language, status, media, notes, word_count, created_at, updated_at)
       values ('a1', 'a1', 'Zebra headline', '[{"type":"paragraph","text":"alpha bravo"}]', 'en', 'published', '[]', '[]', 2, 'now', 'now')`)
  run(`insert into sources (id, slug, description, kind, anonymous, created_at, updated_at) values ('s1', 's1', 'a bravo official', 'person', 1, 'now', 'now')`)
  run(`insert into quotes (id, article_id, source_id, text, kind, block, start, "end", created_at, updated_at)
       values ('q1', 'a1', 's1', 'alpha', 'direct', 0, 0, 5, 'now', 'now')`)
  t.same(hits('zebra'), [{ kind: 'article', ref: 'a1' }])
  t.same(hits('alpha'), [{ kind: 'article', ref: 'a1' }, { kind: 'quote', ref: 'q1' }])
  t.same(hits('bravo'), [{ kind: 'article', ref: 'a1' }, { kind: 'source', ref: 's1' }])
  run(`update articles set body = '[{"type":"paragraph","text":"charlie"}]' where id = 'a1'`)
  t.same(hits('bravo'), [{ kind: 'source', ref: 's1' }], 'an edited body leaves the index')
  t.same(hits('charlie'), [{ kind: 'article', ref: 'a1' }])
  run(`delete from quotes where id = 'q1'`)
  run(`delete from articles where id = 'a1'`)
  t.same(hits('alpha'), [])
  t.same(hits('charlie'), [])
  t.same(db.$client.prepare('select kind, ref from search_rows').all(), [{ kind: 'source', ref: 's1' }])
  t.throws(() =>
    db.$client.transaction(() => {
      run(`update sources set description = 'delta' where id = 's1'`)
      throw new Error('rolled back')
    })(),
  )
  t.same(hits('delta'), [], 'a rolled-back write leaves the index as it was')
  t.same(hits('bravo'), [{ kind: 'source', ref: 's1' }])
})
