// Checks that a batch import indexes exactly what story-by-story writes index: the same
// documents go into two new databases, one batch of all of them and one document a batch
// (the row-by-row triggers), with the same clock; then search_rows, both full-text tables'
// rows, their FTS5 integrity and a few ranked searches must be equal, and so must the events.
// A last batch edits a story and adds one, so that a number search_rows gives back is reused.
// Usage: node --import tsx bench/import-equivalence.ts FILE.ndjson [BATCH]   (BATCH 1000)
import { readFileSync } from 'node:fs'
import { openDb, type Db } from '../src/db/client.js'
import { migrateDb } from '../src/db/migrate.js'
import { ArticleDocument } from '../src/resources/articles/document.js'
import { createImporter } from '../src/resources/articles/importer.js'

const [file, batchArg = '1000'] = process.argv.slice(2)
if (!file) throw new Error('usage: bench/import-equivalence.ts FILE.ndjson [BATCH]')
const docs = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => ArticleDocument.parse(JSON.parse(l)))
const NOW = '2026-12-03T09:00:00.000Z'

// Then, in one batch: the last story but one loses its last quote, the row numbered last, and
// the last story arrives: its first row takes the number that quote gave back.
const [second, last] = docs.splice(-2) as [ArticleDocument, ArticleDocument]
docs.push(second)
const edits = [{ ...second, quotes: second.quotes.slice(0, -1) }, last]

function load(batch: number): Db {
  const db = openDb(':memory:')
  migrateDb(db)
  const importer = createImporter(db)
  const write = (some: ArticleDocument[]) => {
    const result = importer.importBatch(some, NOW)
    if (result.rejected.length > 0) throw new Error(JSON.stringify(result.rejected[0]))
  }
  for (let i = 0; i < docs.length; i += batch) write(docs.slice(i, i + batch))
  if (batch > 1) write(edits)
  else for (const doc of edits) write([doc])
  return db
}

const QUERIES = [
  `select id, kind, ref from search_rows order by id`,
  `select rowid, kind, title, body from search_index order by rowid`,
  `select rowid, kind, title, body from search_public order by rowid`,
  // The feed's order follows the batches (each reconciliation lists stories first), not the index.
  `select type, resource, resource_id, version, at from events order by resource, resource_id, seq`,
  `select resource, resource_id, version from syndicated order by resource, resource_id`,
  `select rowid, bm25(search_index) from search_index where search_index match 'harbour' order by rank, rowid`,
  `select rowid, bm25(search_public) from search_public where search_public match 'marigold OR xylophage' order by rank, rowid`,
  `select rowid from search_public where search_public match 'the*' order by rowid`,
]

const bulk = load(Number(batchArg))
const rowByRow = load(1)
let failed = false
for (const db of [bulk, rowByRow]) {
  db.$client.prepare(`insert into search_index (search_index) values ('integrity-check')`).run()
  db.$client.prepare(`insert into search_public (search_public) values ('integrity-check')`).run()
}
for (const q of QUERIES) {
  const a = JSON.stringify(bulk.$client.prepare(q).raw().all())
  const b = JSON.stringify(rowByRow.$client.prepare(q).raw().all())
  const rows = bulk.$client.prepare(`select count(*) from (${q})`).pluck().get()
  console.log(`${a === b ? 'same' : 'DIFFERENT'}  ${rows} rows  ${q}`)
  if (a !== b) failed = true
}
process.exitCode = failed ? 1 : 0
