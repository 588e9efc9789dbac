// The representation cache keeps what a write cannot change and never serves what it did
// change, whether the write came through this process or another one on the same file.
// Read and written the way clients do: fetch over sockets, If-Match from the ETag read.
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { buildApp } from '../src/app.js'
import { cacheStats } from '../src/db/cache.js'
import { openDb } from '../src/db/client.js'
import { ArticleDocument } from '../src/resources/articles/document.js'
import { createImporter } from '../src/resources/articles/importer.js'
import { createGenerator } from '../tools/generate.js'
import type { Json } from './helper.js'
import { prepareDatabase, startServer } from './lib/server-process.js'

const { path, secret } = prepareDatabase(t, 'representation-cache')
const db = openDb(path)
t.teardown(() => db.$client.close())
const generator = createGenerator(11)
createImporter(db).importBatch(Array.from({ length: 30 }, (_, i) => ArticleDocument.parse(JSON.parse(generator.line(i + 1)))))

const app = await buildApp({ db, rateLimitMax: 0 })
t.teardown(() => app.close())
await app.listen({ port: 0, host: '127.0.0.1' })
const here = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
// A second process on the same file, as a second worker or an import run would be.
const other = (await startServer(t, { DATABASE_PATH: path })).url

const auth = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }
const read = async (url: string) => {
  const res = await fetch(url)
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`)
  return (await res.json()) as Json
}
/** A PATCH with the If-Match of the representation just read, as an editor's client sends it. */
async function patch(base: string, url: string, body: Json) {
  const current = await fetch(`${base}${url}`, { headers: auth })
  await current.arrayBuffer()
  const res = await fetch(`${base}${url}`, {
    method: 'PATCH',
    headers: { ...auth, 'if-match': current.headers.get('etag')! },
    body: JSON.stringify(body),
  })
  if (res.status !== 200) throw new Error(`PATCH ${url}: ${res.status} ${await res.text()}`)
  return (await res.json()) as Json
}
/** How many public reads `during` answered from the cache and how many it built. */
async function counted(during: () => Promise<unknown>) {
  const before = cacheStats(db)
  await during()
  const after = cacheStats(db)
  return { hits: after.hits - before.hits, misses: after.misses - before.misses }
}

const list = (await read(`${here}/v1/articles?limit=30`)).data as Json[]
const [a, b, c] = list as [Json, Json, Json]

for (const base of [here, other]) {
  const who = base === here ? 'this process' : 'another process'

  t.test(`a write through ${who} keeps the stories it cannot change`, async (t) => {
    await read(`${here}/v1/articles/${a.id}`)
    await read(`${here}/v1/articles/${b.id}`)
    t.same(await counted(() => read(`${here}/v1/articles/${a.id}`)), { hits: 1, misses: 0 }, 'cached before the write')

    const headline = `Edited through ${who} at ${Date.now()}`
    await patch(base, `/v1/articles/${b.id}`, { headline })

    t.same(await counted(() => read(`${here}/v1/articles/${a.id}`)), { hits: 1, misses: 0 }, 'another story stays cached')
    const edited = await counted(async () => t.equal((await read(`${here}/v1/articles/${b.id}`)).data.headline, headline))
    t.equal(edited.misses, 1, 'the edited story is built again')
    const front = (await read(`${here}/v1/articles?limit=30`)).data as Json[]
    t.equal(front.find((s) => s.id === b.id)?.headline, headline, 'the list shows the edit')
  })

  t.test(`what a story shows, changed through ${who}, reaches its cached page`, async (t) => {
    const story = (await read(`${here}/v1/articles/${a.id}`)).data
    const author = story.authors[0]
    const name = `Renamed through ${who} ${Date.now()}`
    await patch(base, `/v1/authors/${author.id}`, { name })
    const again = (await read(`${here}/v1/articles/${a.id}`)).data
    t.equal(again.authors.find((x: Json) => x.id === author.id)?.name, name, 'the credit carries the new name')

    const source = story.quotes[0].source
    const description = `described through ${who} ${Date.now()}`
    await patch(base, `/v1/sources/${source.id}`, { description })
    const quoted = (await read(`${here}/v1/articles/${a.id}`)).data
    t.equal(quoted.quotes.find((q: Json) => q.source.id === source.id)?.source.description, description, 'the quote names its source as now described')
  })

  t.test(`a tag given through ${who} puts the story on the tag's cached page`, async (t) => {
    const story = (await read(`${here}/v1/articles/${c.id}`)).data
    const tag = list.flatMap((s) => s.tags as Json[]).find((x) => !story.tags.some((y: Json) => y.id === x.id))!
    const page = `${here}/v1/tags/${tag.slug}/articles?limit=100`
    const before = (await read(page)) as Json
    t.notOk(before.data.some((s: Json) => s.id === c.id), 'not on the page yet')
    await patch(base, `/v1/articles/${c.id}`, { tags: [...story.tags.map((x: Json) => x.slug), tag.slug] })
    const after = (await read(page)) as Json
    t.ok(after.data.some((s: Json) => s.id === c.id), 'on the page after the write')
    t.equal(after.page.total, before.page.total + 1, 'and counted')
  })

  t.test(`a slug nobody had, then published through ${who}, is found`, async (t) => {
    const slug = `cache-new-${base === here ? 'here' : 'there'}-${Date.now()}`
    t.equal((await fetch(`${here}/v1/articles/${slug}`)).status, 404, 'missing at first')
    const doc = { ...fixtureBody(), slug }
    const res = await fetch(`${base}/v1/articles`, { method: 'POST', headers: auth, body: JSON.stringify(doc) })
    t.equal(res.status, 201)
    t.equal((await read(`${here}/v1/articles/${slug}`)).data.slug, slug, 'then found')
  })
}

t.test('a withdrawn story is gone from its cached page and from every list', async (t) => {
  await read(`${here}/v1/articles/${b.id}`)
  await read(`${here}/v1/articles?limit=30`)
  const current = await fetch(`${other}/v1/articles/${b.id}`, { headers: auth })
  await current.arrayBuffer()
  const res = await fetch(`${other}/v1/articles/${b.id}`, { method: 'DELETE', headers: { authorization: auth.authorization, 'if-match': current.headers.get('etag')! } })
  t.equal(res.status, 204, await res.text())
  t.equal((await fetch(`${here}/v1/articles/${b.id}`)).status, 410)
  const front = (await read(`${here}/v1/articles?limit=30`)).data as Json[]
  t.notOk(front.some((s) => s.id === b.id), 'not listed')
})

/** A story as POST takes it: no ids, the server assigns them. */
function fixtureBody() {
  return {
    headline: 'A story the cache has not seen',
    language: 'en',
    status: 'published',
    body: [{ type: 'paragraph', text: 'Nothing is quoted here.' }],
    authors: [{ slug: 'cache-reporter', name: 'Cache Reporter', role: 'reporter' }],
  }
}
