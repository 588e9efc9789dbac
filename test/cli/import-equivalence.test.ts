// A batch import indexes a batch's stories in one statement a table instead of through the
// full-text triggers row by row. What it leaves must be exactly what row-by-row writes leave:
// the same search rows, full-text rows and rankings, and the same events. Generated stories,
// imported twice (in batches, and one a batch), then changed and imported again, so that rows
// are deleted and their numbers reused.
import t from 'tap'
import { createGenerator } from '../../tools/generate.js'
import { openDb, type Db } from '../../src/db/client.js'
import { migrateDb } from '../../src/db/migrate.js'
import { ArticleDocument } from '../../src/resources/articles/document.js'
import { createImporter } from '../../src/resources/articles/importer.js'

const NOW = '2026-12-03T09:00:00.000Z'
const generator = createGenerator(3)
const first = Array.from({ length: 240 }, (_, i) => ArticleDocument.parse(JSON.parse(generator.line(i + 1))))
// In one batch: the last story again with one quote (the highest-numbered rows go), then new
// stories, whose rows take those numbers again.
const last = first.at(-1)!
const changed = [
  { ...last, headline: `${last.headline} (updated)`, quotes: last.quotes.slice(0, 1) },
  ...Array.from({ length: 20 }, (_, i) => ArticleDocument.parse(JSON.parse(generator.line(241 + i)))),
]

function load(batch: number): Db {
  const db = openDb(':memory:')
  migrateDb(db)
  const importer = createImporter(db)
  for (const docs of [first, changed]) {
    for (let i = 0; i < docs.length; i += batch) {
      const result = importer.importBatch(docs.slice(i, i + batch), NOW)
      if (result.rejected.length > 0) throw new Error(JSON.stringify(result.rejected[0]))
    }
  }
  return db
}

const QUERIES = [
  'select id, kind, ref from search_rows order by id',
  'select rowid, kind, title, body from search_index order by rowid',
  'select rowid, kind, title, body from search_public order by rowid',
  'select type, resource, resource_id, version, at from events order by resource, resource_id, seq',
  'select resource, resource_id, version from syndicated order by resource, resource_id',
  "select rowid, bm25(search_public) from search_public where search_public match 'the' order by rank, rowid limit 50",
]

t.test('a batch import leaves exactly what one-by-one writes leave', async (t) => {
  const bulk = load(100)
  const rowByRow = load(1)
  for (const db of [bulk, rowByRow]) {
    db.$client.prepare("insert into search_index (search_index) values ('integrity-check')").run()
    db.$client.prepare("insert into search_public (search_public) values ('integrity-check')").run()
  }
  for (const q of QUERIES) {
    const rows = bulk.$client.prepare(q).raw().all()
    t.ok(rows.length > 0, `${q}: ${rows.length} rows`)
    t.same(rows, rowByRow.$client.prepare(q).raw().all(), q)
  }
  const triggers = "select name, sql from sqlite_master where type = 'trigger' order by name"
  t.same(bulk.$client.prepare(triggers).all(), rowByRow.$client.prepare(triggers).all(), 'the triggers are as they were')
})
