// `anonymousSources` reads a flag the database keeps on each story. Whatever path changes a
// story's sourcing (a quote added, moved to another source or removed, a source becoming
// anonymous or named, a re-import), the filter must still say what the quotes say. Each step
// is written the way an editor's client does it (fetch over a socket, If-Match from the
// ETag it read) and the lists are compared with the quotes themselves.
import type { AddressInfo } from 'node:net'
import t, { type Test } from 'tap'
import { buildApp } from '../src/app.js'
import { openDb } from '../src/db/client.js'
import { importDocument } from '../src/resources/articles/importer.js'
import { fixtureDocument, type Json } from './helper.js'
import { prepareDatabase } from './lib/server-process.js'

const { path, secret } = prepareDatabase(t, 'anonymous-sourcing')
const db = openDb(path)
t.teardown(() => db.$client.close())
const named = { slug: 'a-named-minister', name: 'A. Minister', description: 'the interior minister', kind: 'person', anonymous: false }
// Two stories quoting only a named source, one quoting an anonymous one.
for (const n of [1, 2]) {
  importDocument(db, fixtureDocument(n, { sources: [named], quotes: [{ text: `Quote number ${n} stands here`, kind: 'direct', source: named.slug, cue: 'said' }] } as never))
}
importDocument(db, fixtureDocument(3))

const app = await buildApp({ db, rateLimitMax: 0 })
t.teardown(() => app.close())
await app.listen({ port: 0, host: '127.0.0.1' })
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
const auth = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }

async function call(method: string, url: string, body?: Json): Promise<Json> {
  const headers: Record<string, string> = { ...auth }
  if (method === 'PATCH' || method === 'DELETE') {
    const current = await fetch(`${base}${url}`, { headers: auth })
    await current.arrayBuffer()
    headers['if-match'] = current.headers.get('etag')!
  }
  const res = await fetch(`${base}${url}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) })
  const text = await res.text()
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text}`)
  return text ? (JSON.parse(text) as Json) : {}
}

/** The slugs of every page of a list, following the cursor. */
async function slugs(query: string): Promise<string[]> {
  const found: string[] = []
  let url: string | null = `${base}/v1/articles?limit=2&${query}`
  while (url) {
    const page = (await (await fetch(url)).json()) as Json
    found.push(...page.data.map((a: Json) => a.slug))
    url = page.page.nextCursor ? `${base}/v1/articles?limit=2&${query}&cursor=${page.page.nextCursor}` : null
  }
  return found.sort()
}

/** What the quotes say: the public stories quoting an anonymous source, and the others. */
function fromQuotes() {
  const all = db.$client.prepare(`select slug from articles where status = 'published' order by slug`).pluck().all() as string[]
  const anonymous = db.$client
    .prepare(
      `select distinct a.slug from articles a join quotes q on q.article_id = a.id join sources s on s.id = q.source_id
       where a.status = 'published' and s.anonymous order by a.slug`,
    )
    .pluck()
    .all() as string[]
  return { anonymous, named: all.filter((s) => !anonymous.includes(s)) }
}

async function agrees(t: Test, step: string, expectAnonymous: string[]) {
  const truth = fromQuotes()
  t.same(truth.anonymous, expectAnonymous, `${step}: the quotes say so`)
  for (const sort of ['-publishedAt', 'publishedAt', '-updatedAt', 'createdAt']) {
    t.same(await slugs(`anonymousSources=true&sort=${sort}`), truth.anonymous, `${step}: true, ${sort}`)
    t.same(await slugs(`anonymousSources=false&sort=${sort}`), truth.named, `${step}: false, ${sort}`)
  }
  for (const [flag, expected] of [['true', truth.anonymous], ['false', truth.named]] as const) {
    const page = (await (await fetch(`${base}/v1/articles?anonymousSources=${flag}&limit=1`)).json()) as Json
    t.equal(page.page.total, expected.length, `${step}: ${flag} counts ${expected.length}`)
  }
}

const SEED = 'islamic-militant-threat-grows-in-pakistani-heartland'
const story = (n: number) => `fixture-story-${n}`

t.test('the filter follows every write that changes whom a story quotes', async (t) => {
  await agrees(t, 'as imported', [story(3), SEED].sort())

  const hidden = await call('POST', '/v1/sources', { slug: 'a-police-officer', name: null, anonymous: true, description: 'a police officer', kind: 'person' })
  const quote = await call('POST', '/v1/quotes', {
    article: story(1),
    text: 'A second paragraph',
    kind: 'partial',
    source: hidden.data.id,
  })
  await agrees(t, 'a quote from an anonymous source added', [story(1), story(3), SEED].sort())

  const minister = (await call('GET', `/v1/sources/${named.slug}`)).data.id
  await call('PATCH', `/v1/quotes/${quote.data.id}`, { source: minister })
  await agrees(t, 'that quote given to a named source', [story(3), SEED].sort())

  await call('PATCH', `/v1/quotes/${quote.data.id}`, { source: hidden.data.id })
  await agrees(t, 'and back to the anonymous one', [story(1), story(3), SEED].sort())

  await call('DELETE', `/v1/quotes/${quote.data.id}`)
  await agrees(t, 'the quote removed', [story(3), SEED].sort())

  await call('PATCH', `/v1/sources/${named.slug}`, { name: null, anonymous: true })
  await agrees(t, 'the named source made anonymous', [story(1), story(2), story(3), SEED].sort())

  await call('PATCH', `/v1/sources/${named.slug}`, { name: 'A. Minister', anonymous: false })
  await agrees(t, 'and named again', [story(3), SEED].sort())

  // A re-import that drops the anonymous quote, then one that brings it back.
  const three = fixtureDocument(3)
  importDocument(db, { ...three, sources: [named], quotes: [{ ...three.quotes[0]!, source: named.slug }] } as never)
  await agrees(t, 're-imported quoting the named source', [SEED])
  importDocument(db, three)
  await agrees(t, 're-imported as first written', [story(3), SEED].sort())

  // A statement run by hand, outside the API.
  db.$client.prepare("update sources set anonymous = 1, name = null, version = version + 1 where slug = ?").run(named.slug)
  await agrees(t, 'a source made anonymous by hand', [story(1), story(2), story(3), SEED].sort())
})
