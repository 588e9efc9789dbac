// Full-text search on a generated archive of 3,000 stories: whatever a client writes in `q`,
// the work is bounded (a query that would expand without bound is refused with a 400 naming
// `q`), and a word in every story is answered from a bounded candidate set that says so.
// The time each takes is measured by bench/search.ts, not here.
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { createGenerator } from '../tools/generate.js'
import { buildApp } from '../src/app.js'
import { ArticleDocument } from '../src/resources/articles/document.js'
import { createImporter } from '../src/resources/articles/importer.js'
import { SEARCH_CANDIDATES } from '../src/resources/search/queries.js'
import { testDb, type Json } from './helper.js'

const STORIES = 3000

// Importing the archive takes tens of seconds on a loaded machine.
t.setTimeout(240_000)
const db = testDb(t)
const generator = createGenerator(1)
const importer = createImporter(db)
for (let from = 1; from <= STORIES; from += 500) {
  const docs = Array.from({ length: 500 }, (_, i) => ArticleDocument.parse(JSON.parse(generator.line(from + i))))
  importer.importBatch(docs)
}
const app = await buildApp({ db })
t.teardown(() => app.close())
await app.listen({ port: 0, host: '127.0.0.1' })
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
const get = async (path: string) => {
  const res = await fetch(`${base}${path}`)
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as Json }
}

const ALPHABET_PREFIXES = Array.from({ length: 16 }, (_, i) => `${String.fromCharCode(97 + i)}*`).join(' OR ')

t.test('queries that would expand without bound are refused with a 400 naming q', async (t) => {
  for (const path of ['/v1/search', '/v1/quotes', '/v1/articles', '/v1/sources']) {
    for (const q of [ALPHABET_PREFIXES, 'th*', 'the OR and OR of OR to OR a OR in OR that OR is OR was OR for OR on OR with OR as', 'aaa* bbb* ccc* ddd* eee*']) {
      const res = await get(`${path}?q=${encodeURIComponent(q)}`)
      t.equal(res.status, 400, `${path} q=${q.slice(0, 24)}`)
      t.match(res.type, /^application\/problem\+json/)
      t.match(res.body.errors, [{ in: 'query', parameter: 'q' }])
    }
  }
})

t.test('a word in every story is ranked among a bounded candidate set, and the page says so', async (t) => {
  const common = await get('/v1/search?q=the&limit=100')
  t.equal(common.status, 200)
  t.equal(common.body.page.total, SEARCH_CANDIDATES)
  t.equal(common.body.page.totalIsExact, false, 'more matched than were ranked')
  const scores = (common.body.data as Json[]).map((h) => h.score)
  t.same(scores, [...scores].sort((a, b) => b - a), 'best first')
  t.ok((common.body.data as Json[]).every((h) => /<mark>/.test(h.snippet)), 'each hit has its passage marked')

  // Paging through the bounded set reaches every candidate exactly once.
  const seen = new Set<string>()
  let cursor: string | null = null
  do {
    const page = await get(`/v1/search?q=the&limit=100${cursor ? `&cursor=${cursor}` : ''}`)
    for (const hit of page.body.data as Json[]) seen.add(`${hit.type}:${hit.id}`)
    cursor = page.body.page.nextCursor
  } while (cursor)
  t.equal(seen.size, SEARCH_CANDIDATES)

  const rare = await get('/v1/search?q=xylophage&type=article')
  t.equal(rare.body.page.total, 3, 'stories 7, 1007 and 2007: under the bound the count is exact')
  t.equal(rare.body.page.totalIsExact, true)
  const broad = await get('/v1/search?q=harbour&type=article')
  const listed = await get('/v1/articles?q=harbour&limit=1')
  t.ok(broad.body.page.total > 250 && broad.body.page.total <= 300, '1 story in 10, less drafts')
  t.equal(broad.body.page.total, listed.body.page.total, 'the same count as the filtered list')
  t.equal(broad.body.page.totalIsExact, true)
  const sourcesOnly = await get('/v1/search?q=the&type=source&limit=5')
  t.ok((sourcesOnly.body.data as Json[]).every((h) => h.type === 'source'))
})

t.test('a word too common to weigh still matches; rarer words decide the order', async (t) => {
  const common = (await get('/v1/search?q=the&limit=5')).body
  t.ok((common.data as Json[]).every((h) => h.score === 0), 'a word in every story ranks nothing: scores 0, newest first')
  const mixed = (await get('/v1/search?q=the%20OR%20xylophage&type=article&limit=5')).body
  t.match((mixed.data as Json[])[0], { type: 'article', title: /./ })
  t.ok((mixed.data as Json[])[0]!.score > 0, 'the story holding the rare word comes first')
  t.match((mixed.data as Json[])[0]!.snippet, /<mark>xylophage<\/mark>/i)
})

t.test('a list filtered by a common word considers a bounded set of matches, and says so', async (t) => {
  for (const path of ['/v1/articles', '/v1/quotes', '/v1/sources']) {
    const page = (await get(`${path}?q=the&limit=5`)).body.page
    t.equal(page.total, 1000, `${path}: counted within the 1,000 newest matches`)
    t.equal(page.totalIsExact, false)
  }
  const rare = (await get('/v1/articles?q=xylophage')).body
  t.same(rare.page.totalIsExact, true)
  t.equal(rare.page.total, 3)
  t.notOk('totalIsExact' in (await get('/v1/articles?limit=1')).body.page, 'lists without q keep their exact total alone')
})
