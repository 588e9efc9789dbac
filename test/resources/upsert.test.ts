import t, { type Test } from 'tap'
import { seedDocument } from '../../seed/load.js'
import { openDb, type Db } from '../../src/db/client.js'
import { migrateDb } from '../../src/db/migrate.js'
import { ArticleDocument } from '../../src/resources/articles/document.js'
import { exportDocuments } from '../../src/resources/articles/exporter.js'
import { createImporter } from '../../src/resources/articles/importer.js'
import { build, fixtureDocument, testDb, type Json } from '../helper.js'

const T1 = '2030-01-01T00:00:00.000Z'
const T2 = '2030-01-02T00:00:00.000Z'
const T3 = '2030-01-03T00:00:00.000Z'
const TABLES = ['articles', 'authors', 'sources', 'quotes', 'tags', 'article_authors', 'article_tags'] as const

/** A migrated database with nothing in it, not even the seed. */
function emptyDb(t: Test): Db {
  const db = openDb(':memory:')
  migrateDb(db)
  t.teardown(() => db.$client.close())
  return db
}

/** Every row of every table the importer writes, in a stable order. */
function snapshot(db: Db) {
  return Object.fromEntries(TABLES.map((table) => [table, db.$client.prepare(`select * from ${table} order by 1, 2, 3`).all()]))
}

const articleRow = (db: Db, slug: string) =>
  db.$client.prepare('select id, headline, version, created_at, updated_at from articles where slug = ?').get(slug) as Json

const quoteRows = (db: Db, slug: string) =>
  db.$client
    .prepare('select q.id, q.text, q.cue, q.version, q.updated_at from quotes q join articles a on a.id = q.article_id where a.slug = ? order by q.id')
    .all(slug) as Json[]

/** A story with three quotes, each with a fixed id, so tests can drop and change them. */
function threeQuotes(over: Partial<ArticleDocument> = {}) {
  return fixtureDocument(90, {
    body: [
      { type: 'paragraph', text: 'Alpha said one thing. Beta said another thing.' },
      { type: 'paragraph', text: 'Gamma said a third thing, and Gamma said it twice: a third thing.' },
    ],
    sources: [
      { slug: 'alpha', name: 'Alpha', description: 'Alpha, a minister', kind: 'person', anonymous: false, affiliation: null },
      { slug: 'beta', name: null, description: 'a source', kind: 'person', anonymous: true, affiliation: null },
    ],
    quotes: [
      { id: 'quo_0000000000000000000000000a', text: 'one thing', kind: 'paraphrase', source: 'alpha', saidTo: null, channel: null, cue: 'said' },
      { id: 'quo_0000000000000000000000000b', text: 'another thing', kind: 'paraphrase', source: 'beta', saidTo: null, channel: null, cue: 'said' },
      // The text stands twice in its block: the location says which.
      { id: 'quo_0000000000000000000000000c', text: 'a third thing', kind: 'partial', source: 'beta', saidTo: 'fixture-reporter', channel: null, cue: 'said', location: { block: 1, start: 51 } },
    ],
    tags: [{ slug: 'fixtures', name: 'Fixtures', type: 'subject' }],
    ...over,
  })
}

t.test('imported documents are served by the read API', async (t) => {
  const db = testDb(t)
  const result = createImporter(db).importBatch([fixtureDocument(1), threeQuotes()], T1)
  t.same(result, { inserted: 2, updated: 0, unchanged: 0, rejected: [] })
  const app = await build(t, db)
  const res = await app.inject('/v1/articles/fixture-story-90')
  t.equal(res.statusCode, 200)
  const a = res.json().data
  t.equal(a.headline, 'Fixture story 90')
  t.match(a.authors, [{ slug: 'fixture-reporter', role: 'reporter' }])
  t.match(a.tags, [{ slug: 'fixtures', type: 'subject' }])
  t.same(
    a.quotes.map((q: Json) => [q.id, q.text, q.location, q.source.slug, q.saidTo?.slug ?? null]),
    [
      ['quo_0000000000000000000000000a', 'one thing', { block: 0, start: 11, end: 20 }, 'alpha', null],
      ['quo_0000000000000000000000000b', 'another thing', { block: 0, start: 32, end: 45 }, 'beta', null],
      ['quo_0000000000000000000000000c', 'a third thing', { block: 1, start: 51, end: 64 }, 'beta', 'fixture-reporter'],
    ],
  )
  t.match(a.sourcing, { sources: { total: 2, named: 1, anonymous: 1 }, quotes: { total: 3 } })
  t.equal((await app.inject('/v1/articles/fixture-story-1')).json().data.quotes[0].text, 'Quote number 1 stands here')
  t.equal((await app.inject('/v1/sources/alpha')).json().data.name, 'Alpha')
})

t.test('importing the same documents again changes nothing, with or without ids', async (t) => {
  const db = testDb(t)
  const importer = createImporter(db)
  // The seeded story (stored by the seed loader, every id given), a story without any id,
  // and one whose quote ids are fixed.
  const docs = [seedDocument(), fixtureDocument(1), threeQuotes()]
  t.match(importer.importBatch(docs, T1), { inserted: 2, updated: 0, unchanged: 1, rejected: [] })
  const before = snapshot(db)
  t.same(importer.importBatch(docs, T2), { inserted: 0, updated: 0, unchanged: 3, rejected: [] })
  t.same(snapshot(db), before, 'no row changed: same counts, versions and timestamps')
  // A fresh importer (nothing remembered) over a fresh parse of the same documents.
  const again = createImporter(db).importBatch(docs.map((d) => ArticleDocument.parse(JSON.parse(JSON.stringify(d)))), T3)
  t.equal(again.unchanged, 3)
  t.same(snapshot(db), before)
  t.equal(articleRow(db, 'fixture-story-1').version, 1)
  t.equal(articleRow(db, 'fixture-story-1').updated_at, T1)
})

t.test('a changed document bumps the version once and keeps createdAt', async (t) => {
  const db = testDb(t)
  const importer = createImporter(db)
  importer.importBatch([threeQuotes()], T1)
  const id = articleRow(db, 'fixture-story-90').id

  t.match(importer.importBatch([threeQuotes({ headline: 'A new headline' })], T2), { updated: 1 })
  t.same(articleRow(db, 'fixture-story-90'), { id, headline: 'A new headline', version: 2, created_at: T1, updated_at: T2 })
  t.match(importer.importBatch([threeQuotes({ headline: 'A new headline' })], T3), { unchanged: 1 }, 'same again: no-op')
  t.equal(articleRow(db, 'fixture-story-90').version, 2)

  // Only the tags change: the article is still a new version of itself.
  const retagged = threeQuotes({ headline: 'A new headline', tags: [{ slug: 'other', name: 'Other', type: 'place' }] })
  t.match(importer.importBatch([retagged], T3), { updated: 1 })
  t.same(articleRow(db, 'fixture-story-90'), { id, headline: 'A new headline', version: 3, created_at: T1, updated_at: T3 })
  const app = await build(t, db)
  t.same((await app.inject('/v1/articles/fixture-story-90')).json().data.tags.map((g: Json) => g.slug), ['other'])
})

t.test('quotes follow the document: dropped ones go, changed ones get a new version', async (t) => {
  const db = testDb(t)
  const importer = createImporter(db)
  importer.importBatch([threeQuotes()], T1)
  const doc = threeQuotes()
  const [a, b, c] = doc.quotes
  const added = { ...a!, id: 'quo_0000000000000000000000000d', text: 'Beta said another', kind: 'direct' as const }
  t.match(importer.importBatch([{ ...doc, quotes: [{ ...b!, cue: 'insisted' }, c!, added] }], T2), { updated: 1 })
  t.same(quoteRows(db, 'fixture-story-90'), [
    { id: 'quo_0000000000000000000000000b', text: 'another thing', cue: 'insisted', version: 2, updated_at: T2 },
    { id: 'quo_0000000000000000000000000c', text: 'a third thing', cue: 'said', version: 1, updated_at: T1 },
    { id: 'quo_0000000000000000000000000d', text: 'Beta said another', cue: 'said', version: 1, updated_at: T2 },
  ])
  t.equal(articleRow(db, 'fixture-story-90').version, 2)
  const app = await build(t, db)
  t.equal((await app.inject('/v1/quotes/quo_0000000000000000000000000a')).statusCode, 404, 'the dropped quote is gone')

  t.match(importer.importBatch([{ ...doc, quotes: [] }], T3), { updated: 1 })
  t.same(quoteRows(db, 'fixture-story-90'), [], 'a document without quotes leaves none')
})

t.test('people, sources and tags are matched by slug and never modified', async (t) => {
  const db = testDb(t)
  const seed = seedDocument()
  const diplomat = seed.sources.find((s) => s.slug === 'senior-western-diplomat')!
  const before = snapshot(db)
  const doc = fixtureDocument(5, {
    authors: [{ slug: 'farhan-bokhari', name: 'Someone Else', title: null, organization: null, location: null, bio: null, role: 'reporter' }],
    sources: [{ ...diplomat, id: undefined, description: 'a different description' }],
    quotes: [{ text: 'Quote number 5 stands here', kind: 'direct', source: diplomat.slug, saidTo: 'farhan-bokhari', channel: null, cue: 'said' }],
    tags: [{ slug: 'lahore', name: 'Not Lahore', type: 'subject' }],
  })
  t.match(createImporter(db).importBatch([doc], T1), { inserted: 1, rejected: [] })
  const after = snapshot(db)
  for (const table of ['authors', 'sources', 'tags'] as const) t.same(after[table], before[table], `${table} untouched`)
  const app = await build(t, db)
  const a = (await app.inject('/v1/articles/fixture-story-5')).json().data
  t.match(a.authors, [{ id: seed.authors.find((x) => x.slug === 'farhan-bokhari')!.id, name: 'Farhan Bokhari' }])
  t.match(a.quotes, [{ source: { id: diplomat.id, description: 'a senior Western diplomat' } }])
  t.match(a.tags, [{ slug: 'lahore', name: 'Lahore', type: 'place' }])
})

t.test('a bad document is rejected alone and the rest of the batch is written', async (t) => {
  const db = testDb(t)
  const seed = seedDocument()
  const ghost = { slug: 'ghost-writer', name: 'Ghost Writer', title: null, organization: null, location: null, bio: null, role: 'reporter' as const }
  const docs = [
    fixtureDocument(1),
    // A quote said to someone the document does not credit.
    fixtureDocument(2, {
      quotes: [{ text: 'Quote number 2 stands here', kind: 'direct', source: 'fixture-official-2', saidTo: 'nobody', channel: null, cue: null }],
    }),
    // A new author, then the seeded story's quote id in another story: the database
    // refuses the quote after the author was written.
    fixtureDocument(3, {
      authors: [ghost],
      quotes: [{ id: seed.quotes[0]!.id, text: 'Quote number 3 stands here', kind: 'direct', source: 'fixture-official-3', saidTo: null, channel: null, cue: null }],
    }),
    // The seeded story's slug under another id.
    { ...seedDocument(), id: 'art_0000000000000000000000000z' },
    fixtureDocument(4, { authors: [ghost] }),
  ]
  const result = createImporter(db).importBatch(docs, T1)
  t.equal(result.inserted, 2)
  t.same(result.rejected.map((r) => r.index), [1, 2, 3])
  t.match(result.rejected, [
    { reason: /saidTo "nobody" is not among the document's authors/ },
    { reason: /refused by the database: UNIQUE constraint failed: quotes\.id/ },
    { reason: /slug "islamic-militant-threat-grows-in-pakistani-heartland" belongs to article art_01kaxpqqj10zkxjgeck3za6c46/ },
  ])
  const slugs = db.$client.prepare("select slug from articles where slug like 'fixture-%' order by slug").pluck().all()
  t.same(slugs, ['fixture-story-1', 'fixture-story-4'])
  // The rejected story's new author was undone with it, and remembering it did not outlive
  // the rollback: the later story that credits it created it afresh.
  const ghosts = db.$client.prepare("select count(*) from authors where slug = 'ghost-writer'").pluck().get()
  t.equal(ghosts, 1)
  t.same(db.$client.pragma('foreign_key_check'), [])
})

t.test('export reproduces the database: all statuses, every id, exact quote locations', async (t) => {
  const db = testDb(t)
  createImporter(db).importBatch(
    [fixtureDocument(1), fixtureDocument(2, { status: 'draft' }), fixtureDocument(3, { status: 'withdrawn' }), threeQuotes()],
    T1,
  )
  const docs = [...exportDocuments(db)]
  t.equal(docs.length, 5)
  const ids = docs.map((d) => d.id!)
  t.same(ids, [...ids].sort(), 'ordered by id')
  t.same(docs.map((d) => d.status).sort(), ['draft', 'published', 'published', 'published', 'withdrawn'])
  for (const doc of docs) {
    t.same(ArticleDocument.parse(doc), doc, `${doc.slug} is a complete, valid document`)
    for (const q of doc.quotes) t.type(q.location?.start, 'number')
  }
  const seed = seedDocument()
  const exportedSeed = docs.find((d) => d.slug === seed.slug)!
  t.same(exportedSeed.body, seed.body)
  t.same(exportedSeed.quotes.map((q) => q.id).sort(), seed.quotes.map((q) => q.id).sort())
  const places = exportedSeed.quotes.map((q) => [q.location!.block, q.location!.start!])
  t.same(places, [...places].sort(([b1, s1], [b2, s2]) => b1! - b2! || s1! - s2!), 'quotes in reading order')
  t.same(exportedSeed.tags.map((g) => g.id), seed.tags.map((g) => g.id), 'tags in their order')

  const copy = emptyDb(t)
  t.match(createImporter(copy).importBatch(docs, T2), { inserted: 5, rejected: [] })
  t.same([...exportDocuments(copy)], docs, 'export → import → export is exact, drafts and tags included')
  const counts = (d: Db) => Object.fromEntries(TABLES.map((x) => [x, d.$client.prepare(`select count(*) from ${x}`).pluck().get()]))
  t.same(counts(copy), counts(db))

  // What the API says about every published story is the same in both databases. Documents
  // carry no timestamps (they are the database's record of when it learnt something), so
  // the copy's createdAt and updatedAt are the time of its import; everything else matches.
  const strip = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(strip)
    : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'createdAt' && k !== 'updatedAt').map(([k, x]) => [k, strip(x)]))
    : v
  const [one, two] = [await build(t, db), await build(t, copy)]
  const published = docs.filter((d) => d.status === 'published')
  t.equal(published.length, 3)
  for (const doc of published) {
    for (const path of ['', '/authors', '/sources', '/quotes']) {
      const url = `/v1/articles/${doc.slug}${path}${path ? '?limit=100' : ''}`
      const [a, b] = [await one.inject(url), await two.inject(url)]
      t.equal(b.statusCode, 200, url)
      t.same(strip(b.json()), strip(a.json()), url)
    }
    for (const tag of doc.tags) {
      const url = `/v1/tags/${tag.slug}`
      t.same(strip((await two.inject(url)).json()), strip((await one.inject(url)).json()), url)
    }
  }
})

t.test('documents round-trip through JSON text unchanged', async (t) => {
  const db = testDb(t)
  const [doc] = [...exportDocuments(db)]
  t.same(ArticleDocument.parse(JSON.parse(JSON.stringify(doc))), doc)
})
