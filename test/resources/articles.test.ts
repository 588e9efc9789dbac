import t from 'tap'
import { createKey } from '../../src/core/keys.js'
import { seedDocument } from '../../seed/load.js'
import { isAnchored } from '../../src/resources/quotes/anchor.js'
import { importDocument } from '../../src/resources/articles/importer.js'
import { build, fixtureDocument, testDb, type Json } from '../helper.js'

const seed = seedDocument()
const SLUG = seed.slug

t.test('GET /v1/articles lists published summaries without bodies', async (t) => {
  const app = await build(t)
  const res = await app.inject('/v1/articles')
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^application\/json/)
  const body = res.json()
  t.same(body.page, { limit: 20, nextCursor: null, total: 1 })
  t.equal(body.data.length, 1)
  const [summary] = body.data
  t.equal(summary.slug, SLUG)
  t.equal(summary.body, undefined)
  t.equal(summary.quotes, undefined)
  t.same(
    summary.authors.map((a: Json) => [a.slug, a.role, a.position]),
    [
      ['tucker-reals', 'byline', 0],
      ['sami-yousafzai', 'reporter', 1],
      ['farhan-bokhari', 'reporter', 2],
      ['maria-usman', 'producer', 3],
      ['k-m-chaudary', 'photographer', 4],
    ],
  )
})

t.test('GET /v1/articles/{idOrSlug} renders the whole story in one request', async (t) => {
  const app = await build(t)
  const bySlug = await app.inject(`/v1/articles/${SLUG}`)
  const byId = await app.inject(`/v1/articles/${seed.id}`)
  t.equal(bySlug.statusCode, 200)
  t.same(bySlug.json(), byId.json(), 'id and slug name the same article')
  const a = bySlug.json().data
  t.equal(a.id, seed.id)
  t.equal(a.headline, 'Islamic Militant Threat Grows in Pakistani Heartland')
  t.equal(a.publisher, 'CBS News')
  t.equal(a.language, 'en')
  t.equal(a.status, 'published')
  t.equal(a.publishedAt, null)
  t.match(a.notes, [{ field: 'publishedAt', text: /15 October 2009/ }])
  t.same(a.media, [{ kind: 'photo', credit: 'AP Photo/K.M. Chaudary', caption: null, url: null }])
  t.equal(a.body.length, 19)
  t.same(a.body, seed.body)
  t.equal(a.wordCount, 787)
  t.equal(a.quotes.length, 22)
  for (const q of a.quotes) {
    t.ok(isAnchored(a.body, q.text, q.location), `quote ${q.id} is anchored`)
    t.type(q.source.description, 'string')
  }
  const positions = a.quotes.map((q: Json) => q.location.block * 10_000 + q.location.start)
  t.same(positions, [...positions].sort((x, y) => x - y), 'quotes come in reading order')
  const rubbish = a.quotes.find((q: Json) => q.text === 'This is rubbish')
  t.match(rubbish, {
    kind: 'direct',
    cue: 'told',
    saidTo: { slug: 'farhan-bokhari', name: 'Farhan Bokhari' },
    source: { slug: 'senior-western-diplomat', name: null, anonymous: true, description: 'a senior Western diplomat' },
  })
  const phone = a.quotes.find((q: Json) => q.channel !== null)
  t.match(phone, { channel: 'in a phone call', saidTo: { slug: 'sami-yousafzai' }, kind: 'paraphrase' })
})

t.test('the sourcing summary counts what the quotes say', async (t) => {
  const app = await build(t)
  const a = (await app.inject(`/v1/articles/${SLUG}`)).json().data
  const bySource = new Map<string, Json>(a.quotes.map((q: Json) => [q.source.id, q.source]))
  const anonymousQuotes = a.quotes.filter((q: Json) => q.source.anonymous).length
  const kind = (k: string) => a.quotes.filter((q: Json) => q.kind === k).length
  t.same(a.sourcing, {
    sources: {
      total: bySource.size,
      named: [...bySource.values()].filter((s) => !s.anonymous).length,
      anonymous: [...bySource.values()].filter((s) => s.anonymous).length,
    },
    quotes: { total: 22, direct: kind('direct'), partial: kind('partial'), paraphrase: kind('paraphrase'), fromAnonymousSources: anonymousQuotes },
  })
  t.same(a.sourcing.sources, { total: 13, named: 4, anonymous: 9 })
  t.same(a.sourcing.quotes, { total: 22, direct: 8, partial: 2, paraphrase: 12, fromAnonymousSources: 16 })
  const list = (await app.inject('/v1/articles')).json().data[0]
  t.same(list.sourcing, a.sourcing, 'lists carry the same summary')
})

t.test('nested lists of an article', async (t) => {
  const app = await build(t)
  const authors = await app.inject(`/v1/articles/${SLUG}/authors`)
  t.equal(authors.statusCode, 200)
  t.equal(authors.json().page.total, 5)
  t.equal(authors.json().data[0].slug, 'tucker-reals')
  t.equal(authors.json().data[0].title, 'foreign editor')

  const sources = await app.inject(`/v1/articles/${seed.id}/sources`)
  t.equal(sources.statusCode, 200)
  t.equal(sources.json().page.total, 13)
  const slugs = sources.json().data.map((s: Json) => s.slug)
  t.same(slugs, [...slugs].sort())

  const quotes = await app.inject(`/v1/articles/${SLUG}/quotes?limit=5`)
  t.equal(quotes.statusCode, 200)
  t.equal(quotes.json().data.length, 5)
  t.equal(quotes.json().page.total, 22)
  t.equal(quotes.json().data[0].location.block, 0, 'first quote is in the first paragraph')
})

t.test('unknown article: 404 problem on the article and every nested list', async (t) => {
  const app = await build(t)
  for (const path of ['', '/authors', '/sources', '/quotes']) {
    const res = await app.inject(`/v1/articles/no-such-story${path}`)
    t.equal(res.statusCode, 404, path)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.match(res.json(), { type: 'about:blank', title: 'Not Found', status: 404, detail: /no-such-story/, instance: `/v1/articles/no-such-story${path}` })
  }
})

t.test('drafts and withdrawn stories are not on the public API', async (t) => {
  const db = testDb(t)
  importDocument(db, fixtureDocument(1, { status: 'draft' }))
  importDocument(db, fixtureDocument(2))
  importDocument(db, fixtureDocument(3))
  const app = await build(t, db)
  // Withdrawn after it was public: only such a story answers 410.
  const { secret } = createKey(db, 'Desk', ['write'])
  const withdrawn = await app.inject({ method: 'DELETE', url: '/v1/articles/fixture-story-2', headers: { authorization: `Bearer ${secret}`, 'if-match': '*' } })
  t.equal(withdrawn.statusCode, 204)
  const list = (await app.inject('/v1/articles')).json()
  t.same(list.data.map((a: Json) => a.slug), ['fixture-story-3', SLUG])
  t.equal(list.page.total, 2)
  t.equal((await app.inject('/v1/articles/fixture-story-1')).statusCode, 404)
  const gone = await app.inject('/v1/articles/fixture-story-2')
  t.equal(gone.statusCode, 410, 'a withdrawn story is gone, not unknown')
  t.match(gone.headers['content-type'], /^application\/problem\+json/)
  t.match(gone.json(), { status: 410, title: 'Gone', detail: /withdrawn/ })
  t.equal((await app.inject('/v1/articles/fixture-story-2/quotes')).statusCode, 410)
  t.equal((await app.inject('/v1/articles/fixture-story-1/quotes')).statusCode, 404, 'a draft is simply not there')
  t.equal((await app.inject('/v1/sources/fixture-official-1')).statusCode, 404, "a draft's sources stay private")
  const quotes = (await app.inject('/v1/quotes?limit=100')).json()
  t.equal(quotes.page.total, 23)
  t.notOk(quotes.data.some((q: Json) => /number [12] /.test(q.text)), "no draft's quotes")
})

t.test('bad parameters are 400 problems naming the parameter', async (t) => {
  const app = await build(t)
  for (const [query, parameter] of <[string, string][]>[
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=1000', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=1.5', 'limit'],
    ['limit=', 'limit'],
    ['limit=1&limit=2', 'limit'],
    ['cursor=not-a-cursor', 'cursor'],
    ['sort=headline', 'sort'],
  ]) {
    const res = await app.inject(`/v1/articles?${query}`)
    t.equal(res.statusCode, 400, query)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    const problem = res.json()
    t.equal(problem.status, 400)
    t.match(problem.errors, [{ in: 'query', parameter }], `${query} names ${parameter}`)
    t.match(problem.detail, parameter)
  }
})
