// Nothing of a draft, an embargoed or a spiked story reaches the public before the story
// does: not its words (through search scores), not the people, sources and tags it names,
// not even whether its slug ever existed.
import type { AddressInfo } from 'node:net'
import t, { type Test } from 'tap'
import { buildApp } from '../src/app.js'
import { createKey } from '../src/core/keys.js'
import { testDb, type Json } from './helper.js'

async function setup(t: Test) {
  const db = testDb(t)
  let now = new Date('2026-03-01T12:00:00.000Z')
  const app = await buildApp({ db, clock: () => now })
  t.teardown(() => app.close())
  await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  const { secret } = createKey(db, 'Newsroom', ['write'])
  const key = { authorization: `Bearer ${secret}` }
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers })
  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...key, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return res
  }
  return { db, base, key, get, send, at: (iso: string) => (now = new Date(iso)) }
}

/** A story naming people, a source and a tag the public has never seen. */
const story = (slug: string, status: 'draft' | 'published', publishedAt: string, word = 'Punjab') => ({
  slug,
  headline: `${word} ${word} ${word}`,
  language: 'en',
  status,
  publishedAt,
  body: [{ type: 'paragraph', text: `"${word} ${word} ${word} ${word}," the ${slug} insider said of ${word}.` }],
  authors: [{ slug: `${slug}-reporter`, name: 'Secret Reporter', bio: 'Works on a story not yet out', role: 'reporter' }],
  sources: [{ slug: `${slug}-insider`, description: 'an insider', kind: 'person', anonymous: true }],
  quotes: [{ text: `${word} ${word} ${word} ${word}`, kind: 'direct', source: `${slug}-insider`, saidTo: `${slug}-reporter` }],
  tags: [{ slug: `${slug}-tag`, name: 'Secret subject', type: 'subject' }],
})

const SEED_SLUG = 'islamic-militant-threat-grows-in-pakistani-heartland'

const eventsFor = async (get: (p: string) => Promise<Response>, id: string) =>
  ((await (await get('/v1/changes?limit=1000')).json()) as Json).data.filter((e: Json) => e.id === id)

t.test('the public answer to a search is the same byte for byte before and after a draft is saved', async (t) => {
  const { get, send, key } = await setup(t)
  const queries = ['Punjab', 'Punjab OR Lahore', 'militant*', '"nerve centre"']
  const before = await Promise.all(queries.map(async (q) => (await get(`/v1/search?q=${encodeURIComponent(q)}`)).text()))
  await send('POST', '/v1/articles', story('spiked', 'draft', '2026-02-01T00:00:00.000Z'))
  await send('POST', '/v1/articles', story('embargoed', 'published', '2026-06-01T00:00:00.000Z'))
  const withdrawn = (await (await send('POST', '/v1/articles', story('gone', 'published', '2026-02-01T00:00:00.000Z'))).json()) as Json
  await send('DELETE', `/v1/articles/${withdrawn.data.id}`, undefined, { 'if-match': '*' })
  const after = await Promise.all(queries.map(async (q) => (await get(`/v1/search?q=${encodeURIComponent(q)}`)).text()))
  for (const [i, q] of queries.entries()) t.equal(after[i], before[i], `q=${q}: scores, totals and snippets unchanged`)
  const editors = (await (await get('/v1/search?q=Punjab&type=article', key)).json()) as Json
  t.same(
    (editors.data as Json[]).map((h) => h.slug).sort(),
    ['embargoed', 'islamic-militant-threat-grows-in-pakistani-heartland', 'spiked'],
    'a write key finds the draft and the embargoed story, never the withdrawn one',
  )
})

t.test('people, sources and tags of a draft or embargoed story stay private until the story is public', async (t) => {
  const { get, send, key, at } = await setup(t)
  await send('POST', '/v1/articles', story('spiked', 'draft', '2026-02-01T00:00:00.000Z'))
  const embargoed = ((await (await send('POST', '/v1/articles', story('embargoed', 'published', '2026-06-01T00:00:00.000Z'))).json()) as Json).data

  for (const slug of ['spiked', 'embargoed']) {
    for (const path of [
      `/v1/authors/${slug}-reporter`,
      `/v1/authors/${slug}-reporter/articles`,
      `/v1/authors/${slug}-reporter/feed.rss`,
      `/v1/sources/${slug}-insider`,
      `/v1/tags/${slug}-tag`,
      `/v1/tags/${slug}-tag/feed.json`,
    ]) {
      t.equal((await get(path)).status, 404, `${path}: not public`)
    }
    t.equal((await get(`/v1/authors/${slug}-reporter`, key)).status, 200, 'a write key previews the author')
    for (const list of ['/v1/authors?limit=100', '/v1/sources?limit=100', '/v1/tags?limit=100']) {
      const body = await (await get(list)).text()
      t.notMatch(body, slug, `${list} does not list what the ${slug} story names`)
    }
    t.notMatch(await (await get('/v1/authors?role=reporter&limit=100')).text(), slug)
  }
  const events = await (await get('/v1/changes?limit=1000')).text()
  t.notMatch(events, /Secret/)
  const authorId = ((await (await get('/v1/authors/embargoed-reporter', key)).json()) as Json).data.id
  t.same(await eventsFor(get, authorId), [], 'no author.created while the story is embargoed')

  at('2026-06-01T00:00:01.000Z')
  t.equal((await get('/v1/authors/embargoed-reporter')).status, 200, 'public once the story is')
  t.equal((await get('/v1/tags/embargoed-tag')).status, 200)
  t.equal((await get('/v1/sources/embargoed-insider')).status, 200)
  t.match(await eventsFor(get, authorId), [{ type: 'created', resource: 'author', at: '2026-06-01T00:00:00.000Z' }], 'created at the lift')
  t.match(await eventsFor(get, embargoed.id), [{ type: 'created', resource: 'article' }])
  t.equal((await get('/v1/authors/spiked-reporter')).status, 404, "the draft's reporter is still private")
})

t.test('only a story that was once public answers 410; a spiked draft or embargo is 404', async (t) => {
  const { get, send, at } = await setup(t)
  const draft = ((await (await send('POST', '/v1/articles', story('spiked', 'draft', '2026-02-01T00:00:00.000Z'))).json()) as Json).data
  const early = ((await (await send('POST', '/v1/articles', story('early', 'published', '2026-06-01T00:00:00.000Z'))).json()) as Json).data
  const out = ((await (await send('POST', '/v1/articles', story('out', 'published', '2026-02-01T00:00:00.000Z'))).json()) as Json).data
  for (const a of [draft, early, out]) await send('DELETE', `/v1/articles/${a.id}`, undefined, { 'if-match': '*' })
  at('2026-07-01T00:00:00.000Z')
  for (const ref of [draft.id, draft.slug, early.id, early.slug]) {
    const res = await get(`/v1/articles/${ref}`)
    t.equal(res.status, 404, `${ref}: never public, so not found`)
    t.notMatch(await res.text(), /withdrawn/)
    t.equal((await get(`/v1/articles/${ref}?format=ninjs`)).status, 404)
    t.equal((await get(`/v1/articles/${ref}/quotes`)).status, 404)
  }
  for (const ref of [out.id, out.slug]) t.equal((await get(`/v1/articles/${ref}`)).status, 410, `${ref}: was public, so gone`)
})

t.test('a window on publication never reaches past an embargo, in any order', async (t) => {
  const { get, send, key, at } = await setup(t)
  await send('POST', '/v1/articles', story('past', 'published', '2026-02-01T00:00:00.000Z'))
  await send('POST', '/v1/articles', story('embargoed', 'published', '2026-06-01T00:00:00.000Z'))
  await send('POST', '/v1/articles', story('unsent', 'draft', '2026-02-15T00:00:00.000Z'))
  const slugs = async (query: string, headers: Record<string, string> = {}) => {
    const page = (await (await get(`/v1/articles?limit=100&${query}`, headers)).json()) as Json
    t.equal(page.page.total, page.data.length, `${query}: the total counts what is listed`)
    return page.data.map((a: Json) => a.slug).filter((s: string) => s !== SEED_SLUG).sort()
  }
  for (const sort of ['-publishedAt', 'publishedAt', '-updatedAt', 'createdAt']) {
    t.same(await slugs(`sort=${sort}&publishedBefore=2999-01-01T00:00:00Z`), ['past'], `${sort}: a future bound is bounded by now`)
    t.same(await slugs(`sort=${sort}&publishedAfter=2026-01-01T00:00:00Z`), ['past'], `${sort}: after, not past now`)
    t.same(await slugs(`sort=${sort}&publishedAfter=2026-05-01T00:00:00Z&publishedBefore=2026-07-01T00:00:00Z`), [], `${sort}: the embargo's month`)
    t.same(
      await slugs(`sort=${sort}&publishedAfter=2026-01-01T00:00:00Z&publishedBefore=2026-07-01T00:00:00Z`, key),
      ['embargoed', 'past', 'unsent'],
      `${sort}: a preview sees drafts and embargoes in the window`,
    )
  }
  at('2026-06-02T00:00:00.000Z')
  t.same(await slugs('publishedBefore=2999-01-01T00:00:00Z'), ['embargoed', 'past'], 'the lifted embargo joins the window')
  t.same(await slugs('publishedBefore=2026-06-01T00:00:00Z'), ['past'], 'before stays exclusive')
  t.same(await slugs('publishedAfter=2026-06-01T00:00:00Z&sort=-updatedAt'), ['embargoed'], 'after stays inclusive')
})
