import t from 'tap'
import { z } from 'zod'
import { list, one } from '../src/core/contract.js'
import { Article, ArticleSummary } from '../src/resources/articles/schemas.js'
import { Author, Credit } from '../src/resources/authors/schemas.js'
import { Quote } from '../src/resources/quotes/schemas.js'
import { SearchHit } from '../src/resources/search/schemas.js'
import { Source } from '../src/resources/sources/schemas.js'
import { Tag } from '../src/resources/tags/schemas.js'
import { build } from './helper.js'

const SEED = 'islamic-militant-threat-grows-in-pakistani-heartland'

// Cached representations are sent as serialized; this holds each response to the schema
// the OpenAPI document publishes for it, exactly: nothing missing, nothing extra.
const CASES: [string, z.ZodType][] = [
  [`/v1/articles/${SEED}`, one(Article, '')],
  ['/v1/articles', list(ArticleSummary, '')],
  ['/v1/articles?include=quotes,body', list(ArticleSummary, '')],
  ['/v1/articles?q=Punjab&tag=lahore&sort=-updatedAt', list(ArticleSummary, '')],
  [`/v1/articles/${SEED}/authors`, list(Credit, '')],
  [`/v1/articles/${SEED}/sources`, list(Source, '')],
  [`/v1/articles/${SEED}/quotes`, list(Quote, '')],
  [`/v1/articles/${SEED}/quotes?include=article`, list(Quote, '')],
  ['/v1/authors', list(Author, '')],
  ['/v1/authors/tucker-reals', one(Author, '')],
  ['/v1/authors/tucker-reals/articles', list(ArticleSummary, '')],
  ['/v1/sources?anonymous=true', list(Source, '')],
  ['/v1/sources/senior-western-diplomat', one(Source, '')],
  ['/v1/sources/senior-western-diplomat/quotes', list(Quote, '')],
  ['/v1/quotes?kind=direct', list(Quote, '')],
  ['/v1/tags', list(Tag, '')],
  ['/v1/tags/lahore', one(Tag, '')],
  ['/v1/tags/lahore/articles', list(ArticleSummary, '')],
  ['/v1/search?q=Taliban', list(SearchHit, '')],
]

t.test('every 200 is exactly its documented schema', async (t) => {
  const app = await build(t)
  for (const [url, schema] of CASES) {
    // Twice: the second answer comes from the representation cache.
    for (const round of ['fresh', 'cached']) {
      const res = await app.inject(url)
      t.equal(res.statusCode, 200, url)
      t.match(res.headers['content-type'], /^application\/json/)
      const body = res.json()
      const parsed = schema.safeParse(body)
      t.ok(parsed.success, `${url} (${round}) parses: ${parsed.error?.message ?? ''}`)
      if (parsed.success) t.same(JSON.parse(JSON.stringify(z.encode(schema, parsed.data))), body, `${url} (${round}) has no extra fields`)
    }
  }
})

t.test('a write is seen by the next read: the cache never serves a stale representation', async (t) => {
  const { testDb } = await import('./helper.js')
  const db = testDb(t)
  const app = await build(t, db)
  const before = (await app.inject(`/v1/articles/${SEED}`)).json().data
  const list = (await app.inject('/v1/articles')).json()
  t.equal(list.data[0].headline, before.headline)
  db.$client.prepare("update articles set headline = 'Corrected headline', version = version + 1").run()
  const after = (await app.inject(`/v1/articles/${SEED}`)).json().data
  t.equal(after.headline, 'Corrected headline')
  t.equal(after.version, before.version + 1)
  t.equal((await app.inject('/v1/articles')).json().data[0].headline, 'Corrected headline')
  // Like every write the API makes, a direct one moves the row's version: that is what the
  // changes feed, webhooks, CDN purges and this cache learn of changes by.
  db.$client.prepare("update sources set description = 'a diplomat', version = version + 1 where slug = 'senior-western-diplomat'").run()
  const quote = (await app.inject(`/v1/articles/${SEED}`)).json().data.quotes.find((q: { text: string }) => q.text === 'This is rubbish')
  t.equal(quote.source.description, 'a diplomat', "a source's edit reaches the articles quoting it")
  db.$client.prepare("update articles set status = 'withdrawn'").run()
  t.equal((await app.inject(`/v1/articles/${SEED}`)).statusCode, 410)
  t.equal((await app.inject('/v1/articles')).json().page.total, 0, 'counts follow writes too')
})

t.test('a write from another connection to the same file is seen too', async (t) => {
  const { mkdtempSync, rmSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const { openDb } = await import('../src/db/client.js')
  const { migrateDb } = await import('../src/db/migrate.js')
  const { seedDb } = await import('../seed/load.js')
  const dir = mkdtempSync(join(tmpdir(), 'byline-cache-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'byline.db')
  const served = openDb(file)
  migrateDb(served)
  seedDb(served)
  const other = openDb(file)
  t.teardown(() => {
    other.$client.close()
    served.$client.close()
  })
  const app = await build(t, served)
  t.equal((await app.inject(`/v1/articles/${SEED}`)).json().data.version, 1)
  other.$client.prepare('update articles set version = 7').run()
  t.equal((await app.inject(`/v1/articles/${SEED}`)).json().data.version, 7)
})
