import t, { type Test } from 'tap'
import { encodeCursor } from '../src/core/pagination.js'
import { importDocument } from '../src/resources/articles/importer.js'
import type { App } from '../src/app.js'
import { build, fixtureDocument, testDb, type Json } from './helper.js'

async function walk(app: App, path: string, limit: number, from: string | null = null) {
  const seen: Json[] = []
  let cursor = from
  let pages = 0
  do {
    const sep = path.includes('?') ? '&' : '?'
    const url: string = `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`
    const res = await app.inject(url)
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`)
    const body = res.json()
    seen.push(...body.data)
    cursor = body.page.nextCursor
    pages++
    if (pages > 1000) throw new Error('pagination does not end')
  } while (cursor)
  return { seen, pages }
}

/** 26 published stories: shared timestamps and unknown dates test the tie-breaker. */
function dbWithStories(t: Test) {
  const db = testDb(t)
  for (let i = 1; i <= 25; i++) {
    const publishedAt = i % 5 === 0 ? null : new Date(Date.UTC(2020, 0, 1 + (i % 7))).toISOString()
    importDocument(db, fixtureDocument(i, { publishedAt }))
  }
  return db
}

t.test('every list walks page by page without gaps or repeats', async (t) => {
  const app = await build(t, dbWithStories(t))
  for (const path of [
    '/v1/articles',
    '/v1/authors',
    '/v1/sources',
    '/v1/quotes',
    '/v1/articles/islamic-militant-threat-grows-in-pakistani-heartland/quotes',
    '/v1/articles/islamic-militant-threat-grows-in-pakistani-heartland/sources',
    '/v1/articles/islamic-militant-threat-grows-in-pakistani-heartland/authors',
    '/v1/authors/fixture-reporter/articles',
    // Lists that start from a link's rows, in each direction and by another sort.
    '/v1/articles?author=fixture-reporter&sort=publishedAt',
    '/v1/articles?author=fixture-reporter&sort=-updatedAt',
    '/v1/sources/pakistani-taliban/quotes',
  ]) {
    const sep = path.includes('?') ? '&' : '?'
    const all = (await app.inject(`${path}${sep}limit=100`)).json()
    t.equal(all.page.nextCursor, null, `${path}: fits one page of 100`)
    t.equal(all.data.length, all.page.total, `${path}: total is exact`)
    for (const limit of [1, 2, 7]) {
      const { seen, pages } = await walk(app, path, limit)
      t.same(
        seen.map((x) => x.id + (x.role ?? '')),
        all.data.map((x: Json) => x.id + (x.role ?? '')),
        `${path} by ${limit}: same items, same order`,
      )
      t.equal(pages, Math.max(1, Math.ceil(all.data.length / limit)), `${path} by ${limit}: no empty last page`)
    }
  }
})

t.test('articles: newest first, unknown dates last, ids break ties', async (t) => {
  const app = await build(t, dbWithStories(t))
  const { data } = (await app.inject('/v1/articles?limit=100')).json()
  t.equal(data.length, 26)
  const keys = data.map((a: Json) => [a.publishedAt ?? '', a.id])
  const sorted = [...keys].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? 1 : -1) : a[0] < b[0] ? 1 : -1))
  t.same(keys, sorted)
  t.equal(data.at(-1).publishedAt, null)
  t.not(data[0].publishedAt, null)
})

t.test('a cursor stays valid while rows are inserted', async (t) => {
  const db = dbWithStories(t)
  const app = await build(t, db)
  const first = (await app.inject('/v1/articles?limit=5')).json()
  // A story newer than everything, and one that sorts into the unread part of the list.
  importDocument(db, fixtureDocument(100, { publishedAt: '2025-12-31T00:00:00.000Z' }))
  importDocument(db, fixtureDocument(101, { publishedAt: '2019-06-01T00:00:00.000Z' }))
  const rest = await walk(app, '/v1/articles', 5, first.page.nextCursor)
  const ids = [...first.data, ...rest.seen].map((a: Json) => a.id)
  t.equal(new Set(ids).size, ids.length, 'no repeats')
  t.equal(ids.length, 27, 'everything that was there, plus the row inserted ahead of the cursor')
  t.ok(rest.seen.some((a: Json) => a.slug === 'fixture-story-101'))
  t.notOk(rest.seen.some((a: Json) => a.slug === 'fixture-story-100'), 'rows behind the cursor are not replayed')
})

t.test('cursors the server did not issue are 400 problems naming cursor', async (t) => {
  const app = await build(t)
  const real = (await app.inject('/v1/quotes?limit=1')).json().page.nextCursor
  const forged = [
    'x',
    '!!!',
    Buffer.from('not json').toString('base64url'),
    Buffer.from('{"a":1}').toString('base64url'),
    encodeCursor('-publishedAt', ['', 'art_x']), // another list's order
    encodeCursor('-createdAt', [{ a: 1 } as unknown as string, 'x']),
    encodeCursor('-createdAt', ['x'.repeat(600), 'x']),
    encodeCursor('-createdAt', [null as unknown as string, 'x']),
    'a'.repeat(1025),
  ]
  for (const cursor of forged) {
    const res = await app.inject(`/v1/quotes?cursor=${cursor}`)
    t.equal(res.statusCode, 400, cursor.slice(0, 40))
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.match(res.json().errors, [{ in: 'query', parameter: 'cursor' }])
  }
  t.equal((await app.inject(`/v1/articles?cursor=${real}`)).statusCode, 400, "a quotes cursor is not an articles cursor")
  t.equal((await app.inject(`/v1/quotes?cursor=${real}`)).statusCode, 200)
})

t.test("a list filtered by a link keeps the whole list's order", async (t) => {
  const app = await build(t, dbWithStories(t))
  for (const sort of ['-publishedAt', 'publishedAt', '-updatedAt', 'createdAt']) {
    const everything = (await app.inject(`/v1/articles?sort=${sort}&limit=100`)).json().data as Json[]
    const credited = everything.filter((a) => a.authors.some((c: Json) => c.slug === 'fixture-reporter')).map((a) => a.id)
    t.equal(credited.length, 25, `${sort}: the fixture's 25 stories`)
    for (const limit of [4, 100]) {
      const { seen } = await walk(app, `/v1/articles?author=fixture-reporter&sort=${sort}`, limit)
      t.same(seen.map((a) => a.id), credited, `${sort} by ${limit}: same order as the whole list`)
    }
  }
})
