import { spawn } from 'node:child_process'
import t from 'tap'
import { createGenerator } from '../../tools/generate.js'
import { openDb } from '../../src/db/client.js'
import { migrateDb } from '../../src/db/migrate.js'
import { ArticleDocument, documentRows } from '../../src/resources/articles/document.js'
import { isAnchored } from '../../src/resources/quotes/anchor.js'
import { createImporter } from '../../src/resources/articles/importer.js'

const N = 40

/** The generator's stdout, as `npm run generate -- N SEED` writes it. */
function generate(...args: string[]): Promise<{ code: number | null; out: Buffer }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/generate.ts', ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  const chunks: Buffer[] = []
  child.stdout.on('data', (c: Buffer) => chunks.push(c))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out: Buffer.concat(chunks) })))
}

const inProcess = (seed: number, n: number) => {
  const g = createGenerator(seed)
  return Array.from({ length: n }, (_, i) => g.line(i + 1))
}

t.test('the same seed gives the same bytes; another seed other bytes', async (t) => {
  const [a, b, c] = await Promise.all([generate(String(N), '7'), generate(String(N), '7'), generate(String(N), '8')])
  t.equal(a.code, 0)
  t.ok(a.out.length > N * 3000, 'about ten kilobytes a story')
  t.ok(a.out.equals(b.out), 'identical output for seed 7')
  t.notOk(a.out.equals(c.out), 'seed 8 differs')
  t.equal(a.out.toString('latin1'), inProcess(7, N).join('\n') + '\n', 'the CLI writes what createGenerator makes')
  t.ok(/^[\x20-\x7e\n]*$/.test(a.out.toString('latin1')), 'printable ASCII only, so no JSON escape is ever needed')
})

t.test('every generated story is a valid document whose quotes stand verbatim in its body', async (t) => {
  const ID = (prefix: string) => new RegExp(`^${prefix}_[0-9a-hjkmnp-tv-z]{26}$`) // src/core/ids.ts alphabet
  const docs = inProcess(1, N).map((l) => ArticleDocument.parse(JSON.parse(l)))
  docs.forEach((doc, i) => {
    const n = i + 1
    t.equal(doc.slug, `story-${n}`)
    t.match(doc.id, ID('art'))
    const paragraphs = doc.body.filter((b) => b.type === 'paragraph')
    t.ok(paragraphs.length >= 15 && paragraphs.length <= 25, `${doc.slug}: ${paragraphs.length} paragraphs`)
    t.ok(doc.authors.length >= 1 && doc.authors.length <= 3, `${doc.slug}: authors`)
    t.ok(doc.sources.length >= 3 && doc.sources.length <= 8, `${doc.slug}: sources`)
    t.ok(doc.quotes.length >= 5 && doc.quotes.length <= 12, `${doc.slug}: quotes`)
    t.ok(doc.tags.length >= 2 && doc.tags.length <= 6, `${doc.slug}: tags`)
    for (const x of doc.authors) t.match(x.id, ID('aut'))
    for (const x of doc.sources) t.match(x.id, ID('src'))
    for (const x of doc.tags) t.match(x.id, ID('tag'))
    for (const x of doc.quotes) t.match(x.id, ID('quo'))
    t.match(doc.publishedAt, /^20(0[5-9]|1\d|2[0-4])-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    const rows = documentRows(doc, '2030-01-01T00:00:00.000Z')
    for (const q of rows.quotes) t.ok(isAnchored(doc.body, q.text, q), `${doc.slug}: "${q.text}" is verbatim`)
    // The search markers stand where the header comment of tools/generate.ts says they do.
    const text = doc.body.map((b) => b.text).join(' ')
    const marker = n % 1000 === 7 ? 'xylophage' : n % 100 === 3 ? 'marigold' : n % 10 === 1 ? 'harbour' : undefined
    for (const m of ['xylophage', 'marigold', 'harbour']) t.equal(text.includes(m), m === marker, `${doc.slug}: ${m}`)
  })
  t.ok(docs.some((d) => d.status === 'published'))
  t.ok(new Set(docs.flatMap((d) => d.sources.map((s) => s.anonymous))).size === 2, 'named and anonymous sources')
  const words = docs.reduce((sum, d) => sum + d.body.reduce((s, b) => s + b.text.split(' ').length, 0), 0) / docs.length
  t.ok(words > 700 && words < 1100, `about 900 words a story (${Math.round(words)})`)

  const db = openDb(':memory:')
  t.teardown(() => db.$client.close())
  migrateDb(db)
  t.same(createImporter(db).importBatch(docs).rejected, [], 'the importer takes every one')
})
