// A long list with its includes shows hundreds of resources. Naming each in Surrogate-Key (sent
// twice, as Cache-Tag too) made headers that Node's own fetch refuses (16 kB in all). Such a
// page names its collection, its items and `embeds`, which every change event carries, so a
// purge by the event's keys still reaches it. Read here as real clients read: fetch over a socket.
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { createGenerator } from '../tools/generate.js'
import { buildApp } from '../src/app.js'
import { createKey } from '../src/core/keys.js'
import { ArticleDocument } from '../src/resources/articles/document.js'
import { createImporter } from '../src/resources/articles/importer.js'
import { testDb, type Json } from './helper.js'

const db = testDb(t)
const generator = createGenerator(7)
createImporter(db).importBatch(Array.from({ length: 120 }, (_, i) => ArticleDocument.parse(JSON.parse(generator.line(i + 1)))))
const app = await buildApp({ db })
t.teardown(() => app.close())
await app.listen({ port: 0, host: '127.0.0.1' })
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`

const BIG = '/v1/articles?limit=100&include=authors,tags,quotes.source,quotes.saidTo'

t.test('a 100-item list with its includes: fetch reads it, and its keys stay under 4 kB', async (t) => {
  const res = await fetch(`${base}${BIG}`)
  t.equal(res.status, 200)
  const body = (await res.json()) as Json
  t.equal(body.data.length, 100)
  const shown = new Set(JSON.stringify(body).match(/\b(?:art|aut|src|quo|tag)_[0-9a-z]{26}\b/g))
  t.ok(shown.size > 200, `the page shows ${shown.size} resources`)
  const keys = res.headers.get('surrogate-key') ?? ''
  t.ok(keys.length < 4096, `Surrogate-Key is ${keys.length} bytes`)
  t.equal(res.headers.get('cache-tag'), keys.replaceAll(' ', ','))
  const named = keys.split(' ')
  t.ok(named.includes('articles') && named.includes('embeds'), 'its collection and embeds')
  t.same(
    body.data.map((a: Json) => a.id).filter((id: string) => !named.includes(id)),
    [],
    'every item of the page',
  )
})

t.test('a page small enough names every resource it shows, as before', async (t) => {
  const res = await fetch(`${base}/v1/articles?limit=5&include=authors,tags`)
  const body = (await res.json()) as Json
  const named = (res.headers.get('surrogate-key') ?? '').split(' ')
  t.notOk(named.includes('embeds'))
  for (const id of new Set(JSON.stringify(body).match(/\b(?:art|aut|tag)_[0-9a-z]{26}\b/g))) t.ok(named.includes(id), id)
})

t.test("an author's rename: the event's keys reach the long list that shows the author", async (t) => {
  // The end of the changes feed: ask again while it says there is more.
  let before = (await (await fetch(`${base}/v1/changes?limit=1000`)).json()) as Json
  while (before.hasMore) before = (await (await fetch(`${base}/v1/changes?limit=1000&since=${before.nextToken}`)).json()) as Json
  const page = await fetch(`${base}${BIG}`)
  const body = (await page.json()) as Json
  const author = body.data[0].authors[0]
  const named = (page.headers.get('surrogate-key') ?? '').split(' ')
  t.notOk(named.includes(author.id), 'the list does not name the author')
  const writer = `Bearer ${createKey(db, 'Desk', ['write']).secret}`
  const renamed = await fetch(`${base}/v1/authors/${author.id}`, {
    method: 'PATCH',
    headers: { authorization: writer, 'if-match': '*', 'content-type': 'application/json' },
    body: JSON.stringify({ name: `${author.name} Jr` }),
  })
  t.equal(renamed.status, 200)
  await renamed.arrayBuffer()
  const changes = (await (await fetch(`${base}/v1/changes?since=${before.nextToken}`)).json()) as Json
  const event = changes.data.find((e: Json) => e.id === author.id)
  t.match(event, { type: 'updated', resource: 'author' })
  t.ok(event.surrogateKeys.some((k: string) => named.includes(k)), `a purge of ${event.surrogateKeys.join(' ')} reaches the list`)
})

t.test("a story newly tagged: the event's keys reach the tag's page it has just joined", async (t) => {
  let before = (await (await fetch(`${base}/v1/changes?limit=1000`)).json()) as Json
  while (before.hasMore) before = (await (await fetch(`${base}/v1/changes?limit=1000&since=${before.nextToken}`)).json()) as Json
  const story = ((await (await fetch(`${base}/v1/articles?limit=1&include=tags`)).json()) as Json).data[0]
  const tags = ((await (await fetch(`${base}/v1/tags?limit=100`)).json()) as Json).data as Json[]
  const joined = tags.find((tag) => !story.tags.some((own: Json) => own.id === tag.id))!
  const page = await fetch(`${base}/v1/tags/${joined.slug}/articles`)
  const shown = ((await page.json()) as Json).data.map((a: Json) => a.id)
  t.notOk(shown.includes(story.id), 'the tag page does not show the story yet')
  const named = (page.headers.get('surrogate-key') ?? '').split(' ')

  const writer = `Bearer ${createKey(db, 'Tagging desk', ['write']).secret}`
  const tagged = await fetch(`${base}/v1/articles/${story.id}`, {
    method: 'PATCH',
    headers: { authorization: writer, 'if-match': '*', 'content-type': 'application/json' },
    body: JSON.stringify({ tags: [...story.tags, joined].map((tag: Json) => tag.id) }),
  })
  t.equal(tagged.status, 200)
  await tagged.arrayBuffer()
  const after = ((await (await fetch(`${base}/v1/tags/${joined.slug}/articles`)).json()) as Json).data.map((a: Json) => a.id)
  t.ok(after.includes(story.id), 'the tag page shows it now')
  const changes = (await (await fetch(`${base}/v1/changes?since=${before.nextToken}`)).json()) as Json
  const event = changes.data.find((e: Json) => e.id === story.id)
  t.match(event, { type: 'updated', resource: 'article' })
  t.ok(event.surrogateKeys.some((k: string) => named.includes(k)), `a purge of ${event.surrogateKeys.join(' ')} reaches the page (${named.join(' ')})`)
})
