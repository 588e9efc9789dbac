import { XMLValidator } from 'fast-xml-parser'
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith'
import type { LightMyRequestResponse } from 'fastify'
import t, { type Test } from 'tap'
import { z } from 'zod'
import { buildApp } from '../../src/app.js'
import { createKey } from '../../src/core/keys.js'
import type { Db } from '../../src/db/client.js'
import { importDocument } from '../../src/resources/articles/importer.js'
import { JsonFeed } from '../../src/resources/feeds/schemas.js'
import { build, fixtureDocument, testDb, type Json } from '../helper.js'

const SEED_ID = 'art_01kaxpqqj10zkxjgeck3za6c46'
const SEED_URL = `http://localhost/v1/articles/${SEED_ID}`
const FORMATS = ['rss', 'atom', 'json'] as const
type Format = (typeof FORMATS)[number]
const MEDIA_TYPE: Record<Format, RegExp> = {
  rss: /^application\/rss\+xml; charset=utf-8$/,
  atom: /^application\/atom\+xml; charset=utf-8$/,
  json: /^application\/feed\+json; charset=utf-8$/,
}

const NO_DETAILS = { title: null, organization: null, location: null, bio: null }

type Item = { id: string; title: string; content: string }

/**
 * A feed parsed by feedsmith after checking what its spec requires, with each entry's id,
 * title and content as a reader would see them. feedsmith's XML parser forgives markup a
 * strict one refuses, so XML is first held to well-formedness.
 */
function readFeed(t: Test, format: Format, res: LightMyRequestResponse, self: string): Item[] {
  t.equal(res.statusCode, 200, `${self} answers 200`)
  t.match(res.headers['content-type'], MEDIA_TYPE[format])
  if (format !== 'json') t.equal(XMLValidator.validate(res.body), true, `${self} is well-formed XML`)
  t.notMatch(res.body, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/, 'no character XML forbids')

  if (format === 'rss') {
    const feed: Json = parseRssFeed(res.body)
    t.ok(feed.title && feed.link && feed.description, 'channel has title, link and description')
    t.match(feed.link, /^http:\/\//, 'absolute channel link')
    t.same(feed.atom?.links, [{ href: self, rel: 'self', type: 'application/rss+xml' }], 'atom:link rel=self is the feed URL')
    const items: Json[] = feed.items ?? []
    for (const item of items) {
      t.ok(item.title || item.description, 'item has a title or a description')
      t.ok(item.guid?.value, 'item has a guid')
      t.equal(item.guid.isPermaLink, false)
      t.match(item.link, /^http:\/\//)
      t.ok(item.pubDate && !Number.isNaN(Date.parse(item.pubDate)), 'item has a pubDate')
    }
    return items.map((i) => ({ id: i.guid.value, title: i.title, content: i.content?.encoded }))
  }

  if (format === 'atom') {
    const feed: Json = parseAtomFeed(res.body)
    t.ok(feed.id, 'feed has an id')
    t.ok(feed.title?.value, 'feed has a title')
    t.ok(feed.updated && !Number.isNaN(Date.parse(feed.updated)), 'feed has updated')
    t.ok(feed.links?.some((l: Json) => l.rel === 'self' && l.href === self), 'link rel=self is the feed URL')
    t.ok(feed.links?.some((l: Json) => l.rel === 'alternate' && /^http:\/\//.test(l.href)), 'link rel=alternate')
    t.ok(feed.authors?.length, 'feed has an author, for entries without credits')
    const entries: Json[] = feed.entries ?? []
    for (const entry of entries) {
      t.ok(entry.id, 'entry has an id')
      t.equal(entry.title?.type, 'text')
      t.ok(entry.title?.value, 'entry has a title')
      t.ok(entry.updated && !Number.isNaN(Date.parse(entry.updated)), 'entry has updated')
      t.ok(entry.authors?.length, 'entry has an author')
      t.equal(entry.content?.type, 'html')
      if (entry.published) t.ok(entry.published <= entry.updated, 'updated is not before published')
    }
    return entries.map((e) => ({ id: e.id, title: e.title.value, content: e.content.value }))
  }

  const raw: Json = res.json()
  t.equal(raw.version, 'https://jsonfeed.org/version/1.1')
  t.equal(raw.feed_url, self)
  t.ok(Array.isArray(raw.authors) && raw.authors.length > 0, 'feed-level authors, the 1.1 array')
  t.notOk('author' in raw, 'no JSON Feed 1.0 author')
  const parsed = JsonFeed.safeParse(raw)
  t.ok(parsed.success, `the documented schema: ${parsed.error?.message ?? ''}`)
  if (parsed.success) t.same(JSON.parse(JSON.stringify(parsed.data)), raw, 'nothing undocumented')
  const feed: Json = parseJsonFeed(res.body)
  t.ok(feed.title, 'feed has a title')
  for (const item of (feed.items ?? []) as Json[]) {
    t.ok(item.id, 'item has an id')
    t.ok(item.content_html, 'item has content_html')
  }
  for (const item of raw.items as Json[]) t.notOk('author' in item, 'items use authors, not 1.0 author')
  return ((feed.items ?? []) as Json[]).map((i) => ({ id: i.id, title: i.title, content: i.content_html }))
}

/** Every format of one feed, read and checked. */
async function readAll(t: Test, app: Awaited<ReturnType<typeof build>>, path: string, headers: Record<string, string> = {}) {
  const out = {} as Record<Format, Item[]>
  for (const format of FORMATS) {
    const url = `${path}.${format}`
    out[format] = readFeed(t, format, await app.inject({ url, headers }), `http://localhost${url}`)
  }
  return out
}

const ids = (items: Item[]) => items.map((i) => i.id)
const articleUrl = (db: Db, slug: string) =>
  `http://localhost/v1/articles/${db.$client.prepare('select id from articles where slug = ?').pluck().get(slug)}`

t.test('the site feeds: every format valid, newest first, the undated seed story last', async (t) => {
  const db = testDb(t)
  importDocument(db, fixtureDocument(1))
  importDocument(db, fixtureDocument(3))
  importDocument(db, fixtureDocument(2))
  const app = await build(t, db)
  const feeds = await readAll(t, app, '/v1/feeds/articles')
  const expected = [articleUrl(db, 'fixture-story-3'), articleUrl(db, 'fixture-story-2'), articleUrl(db, 'fixture-story-1'), SEED_URL]
  for (const format of FORMATS) t.same(ids(feeds[format]), expected, `${format}: newest first, publishedAt null last`)
  t.equal(feeds.atom[3]!.title, 'Islamic Militant Threat Grows in Pakistani Heartland')
  t.match(feeds.rss[3]!.content, /^<p>The Pakistani Taliban was quick to claim responsibility/)
  t.equal(feeds.rss[3]!.content, feeds.atom[3]!.content, 'the same content in RSS and Atom')
  t.equal(feeds.json[3]!.content, feeds.atom[3]!.content, 'and in JSON Feed')

  const json = (await app.inject('/v1/feeds/articles.json')).json()
  t.match(json, { title: 'Byline — latest stories', home_page_url: 'http://localhost/v1/articles' })
  const seed = json.items[3]
  t.notOk('date_published' in seed, 'an unknown publication time is not invented in JSON Feed')
  t.same(seed.authors, [{ name: 'Tucker Reals' }, { name: 'Sami Yousafzai' }, { name: 'Farhan Bokhari' }], 'byline and reporters')
  t.ok(seed.tags.includes('Lahore'), 'tags become categories')
  t.match(json.items[0], { title: 'Fixture story 3', date_published: '2020-01-04T00:00:00.000Z', authors: [{ name: 'Fixture Reporter' }] })

  const atom: Json = parseAtomFeed((await app.inject('/v1/feeds/articles.atom')).body)
  const seedEntry = atom.entries[3]
  t.notOk(seedEntry.published, 'nor in Atom')
  t.same(seedEntry.contributors.map((c: Json) => c.name), ['Maria Usman', 'K.M. Chaudary'], 'producer and photographer contribute')
  t.ok(seedEntry.categories.some((c: Json) => c.term === 'lahore' && c.label === 'Lahore'))
  t.equal(atom.entries[0].published, '2020-01-04T00:00:00.000Z')
  const newestChange = db.$client.prepare('select max(updated_at) from articles').pluck().get()
  t.equal(atom.updated, newestChange, "the feed's updated is its newest entry's")

  const rss: Json = parseRssFeed((await app.inject('/v1/feeds/articles.rss')).body)
  const createdAt = db.$client.prepare('select created_at from articles where id = ?').pluck().get(SEED_ID) as string
  t.equal(rss.items[3].pubDate, new Date(createdAt).toUTCString(), 'RSS dates an undated story by when it was stored')
  t.same(rss.items[3].dc.creators, ['Tucker Reals', 'Sami Yousafzai', 'Farhan Bokhari'])
  t.equal(rss.items[0].pubDate, 'Sat, 04 Jan 2020 00:00:00 GMT')
})

t.test('a feed holds the newest 50 stories', async (t) => {
  const db = testDb(t)
  for (let n = 1; n <= 55; n++) importDocument(db, fixtureDocument(n))
  const app = await build(t, db)
  const feeds = await readAll(t, app, '/v1/feeds/articles')
  for (const format of FORMATS) {
    t.equal(feeds[format].length, 50, `${format} holds 50`)
    t.equal(feeds[format][0]!.title, 'Fixture story 55')
    t.equal(feeds[format][49]!.title, 'Fixture story 6')
  }
})

t.test('drafts, embargoed and withdrawn stories stay out, even for a write key', async (t) => {
  const db = testDb(t)
  importDocument(db, fixtureDocument(1, { tags: [{ slug: 'secret-tag', name: 'Secret', type: 'subject' }], status: 'draft' }))
  importDocument(db, fixtureDocument(2, { publishedAt: '2999-01-01T00:00:00.000Z' }))
  importDocument(db, fixtureDocument(3, { status: 'withdrawn' }))
  importDocument(db, fixtureDocument(4))
  const { secret } = createKey(db, 'n', ['write'])
  const app = await build(t, db)
  const auth = { authorization: `Bearer ${secret}` }
  const preview = (await app.inject({ url: '/v1/articles?limit=100', headers: auth })).json()
  t.equal(preview.page.total, 4, 'the key does preview the draft and the embargoed story elsewhere')

  const expected = [articleUrl(db, 'fixture-story-4'), SEED_URL]
  for (const headers of [{}, auth]) {
    const feeds = await readAll(t, app, '/v1/feeds/articles', headers)
    for (const format of FORMATS) t.same(ids(feeds[format]), expected, `${format}: only public stories`)
    const author = await readAll(t, app, '/v1/authors/fixture-reporter/feed', headers)
    for (const format of FORMATS) t.same(ids(author[format]), [articleUrl(db, 'fixture-story-4')])
  }
  for (const format of FORMATS) {
    const anonymous = await app.inject(`/v1/feeds/articles.${format}`)
    const keyed = await app.inject({ url: `/v1/feeds/articles.${format}`, headers: auth })
    t.equal(keyed.body, anonymous.body, `${format}: a write key gets the public feed, byte for byte`)
    const secretTag = await app.inject({ url: `/v1/tags/secret-tag/feed.${format}`, headers: auth })
    t.equal(secretTag.statusCode, 404, 'a tag only a draft carries has no feed')
  }
})

t.test('an embargo lifting reaches the cached feed', async (t) => {
  const db = testDb(t)
  let now = new Date('2030-01-01T00:00:00.000Z')
  importDocument(db, fixtureDocument(1, { publishedAt: '2030-01-01T12:00:00.000Z' }))
  const app = await buildApp({ db, clock: () => now })
  t.teardown(() => app.close())
  const before = await app.inject('/v1/feeds/articles.json')
  t.same(before.json().items.map((i: Json) => i.title), ['Islamic Militant Threat Grows in Pakistani Heartland'])
  now = new Date('2030-01-01T12:00:00.000Z')
  const after = await app.inject('/v1/feeds/articles.json')
  const items = after.json().items
  t.same(items.map((i: Json) => i.title), ['Fixture story 1', 'Islamic Militant Threat Grows in Pakistani Heartland'])
  t.equal(items[0].date_modified, '2030-01-01T12:00:00.000Z', 'modified no earlier than published')
})

t.test('author and tag feeds hold only their stories; unknown ones are 404 problems', async (t) => {
  const db = testDb(t)
  const tagged = { tags: [{ slug: 'fixture-tag', name: 'Fixture tag', type: 'subject' as const }] }
  importDocument(db, fixtureDocument(1, tagged))
  importDocument(db, fixtureDocument(2))
  importDocument(db, fixtureDocument(3, tagged))
  importDocument(db, fixtureDocument(4, { authors: [{ slug: 'idle-writer', name: 'Idle Writer', role: 'byline', ...NO_DETAILS }], status: 'draft' }))
  const app = await build(t, db)

  const fixture = await readAll(t, app, '/v1/authors/fixture-reporter/feed')
  const reals = await readAll(t, app, '/v1/authors/tucker-reals/feed')
  const tag = await readAll(t, app, '/v1/tags/fixture-tag/feed')
  const lahore = await readAll(t, app, '/v1/tags/lahore/feed')
  for (const format of FORMATS) {
    t.same(ids(fixture[format]), ['fixture-story-3', 'fixture-story-2', 'fixture-story-1'].map((s) => articleUrl(db, s)))
    t.same(ids(reals[format]), [SEED_URL])
    t.same(ids(tag[format]), ['fixture-story-3', 'fixture-story-1'].map((s) => articleUrl(db, s)))
    t.same(ids(lahore[format]), [SEED_URL])
  }
  const byId = await app.inject('/v1/authors/aut_01kaxpqqj2a0g7gm4fyg70hjbc/feed.json')
  t.match(byId.json(), { title: 'Stories by Tucker Reals', authors: [{ name: 'Tucker Reals' }] })
  t.equal(byId.json().feed_url, 'http://localhost/v1/authors/aut_01kaxpqqj2a0g7gm4fyg70hjbc/feed.json', 'self is the URL asked for')
  t.match((await app.inject('/v1/tags/fixture-tag/feed.json')).json(), { title: 'Stories tagged Fixture tag' })

  // An author whose only story is a draft is not public yet: no feed reveals them.
  for (const format of FORMATS) {
    for (const url of [`/v1/authors/nobody/feed.${format}`, `/v1/tags/nothing/feed.${format}`, `/v1/authors/idle-writer/feed.${format}`]) {
      const res = await app.inject(url)
      t.equal(res.statusCode, 404, url)
      t.match(res.headers['content-type'], /^application\/problem\+json/)
      t.match(res.json(), { status: 404, title: 'Not Found', instance: url })
    }
  }
  const extra = await app.inject('/v1/feeds/articles.rss?limit=5')
  t.equal(extra.statusCode, 400, 'feeds take no query')
  t.match(extra.headers['content-type'], /^application\/problem\+json/)
})

t.test('story text is escaped: it never becomes markup, and reads back exactly', async (t) => {
  const db = testDb(t)
  const headline = 'Tom & Jerry <b>bold</b> ]]> and ]]> &amp; "quoted"'
  const standfirst = "It's <i>not</i> HTML & never was"
  const author = "Dara O'Brien & <Co>"
  const tagName = 'R&D <lab> "x"'
  const document = fixtureDocument(1, {
    headline,
    standfirst,
    body: [
      { type: 'paragraph', text: '<script>alert("x")</script> & ]]> done\u0001' },
      { type: 'related-link', text: 'Read <more>', url: 'https://example.org/a?b=1&c="2"' },
    ],
    authors: [{ slug: 'dara', name: author, role: 'byline', ...NO_DETAILS }],
    tags: [{ slug: 'r-and-d', name: tagName, type: 'subject' }],
    quotes: [],
    sources: [],
  })
  // Stored before writes refused such URLs: feeds must still never link it.
  document.body.push({ type: 'related-link', text: 'Not a link', url: 'javascript:alert(1)' })
  importDocument(db, document)
  const app = await build(t, db)
  const html =
    '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt; done</p>\n' +
    '<p class="related-link"><a href="https://example.org/a?b=1&amp;c=&quot;2&quot;">Read &lt;more&gt;</a></p>\n' +
    '<p class="related-link">Not a link</p>'
  const feeds = await readAll(t, app, '/v1/feeds/articles')
  for (const format of FORMATS) {
    t.equal(feeds[format][0]!.title, headline, `${format}: the headline reads back as written`)
    t.equal(feeds[format][0]!.content, html, `${format}: the body is escaped HTML`)
  }
  const rssBody = (await app.inject('/v1/feeds/articles.rss')).body
  t.notMatch(rssBody, /<script/i, 'no script element anywhere')
  t.notMatch(rssBody, /CDATA/, 'no CDATA to break out of')
  const rss: Json = parseRssFeed(rssBody)
  t.equal(rss.items[0].description, "It's &lt;i&gt;not&lt;/i&gt; HTML &amp; never was", 'the standfirst as escaped HTML')
  t.same(rss.items[0].dc.creators, [author])
  t.same(rss.items[0].categories.map((c: Json) => c.name), [tagName])
  const atom: Json = parseAtomFeed((await app.inject('/v1/feeds/articles.atom')).body)
  t.same(atom.entries[0].summary, { value: standfirst, type: 'text' })
  t.same(atom.entries[0].authors, [{ name: author }])
  t.same(atom.entries[0].categories[0], { term: 'r-and-d', scheme: 'http://localhost/v1/tags/', label: tagName })
  const json = (await app.inject('/v1/feeds/articles.json')).json()
  t.match(json.items[0], { summary: standfirst, authors: [{ name: author }], tags: [tagName] })

  const byTag = await app.inject('/v1/tags/r-and-d/feed.atom')
  t.match(parseAtomFeed(byTag.body).title, { value: `Stories tagged ${tagName}` }, 'names in feed titles are escaped too')
})

t.test('ids are stable: the same story keeps its id across requests and slug changes', async (t) => {
  const db = testDb(t)
  const app = await build(t, db)
  const first = await readAll(t, app, '/v1/feeds/articles')
  const again = await readAll(t, app, '/v1/feeds/articles')
  db.$client.prepare("update articles set slug = 'renamed', headline = 'A new headline', version = version + 1").run()
  const renamed = await readAll(t, app, '/v1/feeds/articles')
  for (const format of FORMATS) {
    t.same(ids(first[format]), [SEED_URL])
    t.same(ids(again[format]), ids(first[format]), `${format}: the same id twice`)
    t.same(ids(renamed[format]), ids(first[format]), `${format}: the same id after the slug changed`)
    t.equal(renamed[format][0]!.title, 'A new headline', `${format}: the cached feed follows the write`)
  }
})

t.test('URLs are absolute, from the origin the request was sent to', async (t) => {
  const app = await build(t)
  const res = await app.inject({ url: '/v1/feeds/articles.json', headers: { host: 'news.example:8080' } })
  const feed = res.json()
  t.equal(feed.feed_url, 'http://news.example:8080/v1/feeds/articles.json')
  t.equal(feed.home_page_url, 'http://news.example:8080/v1/articles')
  t.equal(feed.items[0].id, `http://news.example:8080/v1/articles/${SEED_ID}`)
  const local = (await app.inject('/v1/feeds/articles.json')).json()
  t.equal(local.items[0].id, SEED_URL, 'each origin has its own cached feed')
  const bad = await app.inject({ url: '/v1/feeds/articles.json', headers: { host: 'not a host' } })
  t.equal(bad.statusCode, 400)
  t.match(bad.headers['content-type'], /^application\/problem\+json/)
})

t.test('the feed routes are documented with their media types', async (t) => {
  const app = await build(t)
  const doc = (await app.inject('/openapi.json')).json()
  const op = (path: string) => doc.paths[path].get
  for (const [format, mediaType] of [
    ['rss', 'application/rss+xml'],
    ['atom', 'application/atom+xml'],
    ['json', 'application/feed+json'],
  ] as const) {
    for (const path of [`/v1/feeds/articles.${format}`, `/v1/authors/{idOrSlug}/feed.${format}`, `/v1/tags/{idOrSlug}/feed.${format}`]) {
      t.same(op(path).tags, ['feeds'], path)
      t.ok(op(path).responses['200'].content[mediaType].schema, `${path} documents ${mediaType}`)
      t.ok(op(path).responses['400'].content['application/problem+json'])
      if (path.includes('{')) t.ok(op(path).responses['404'].content['application/problem+json'])
    }
  }
  t.same(
    Object.values(doc.paths as Record<string, Json>)
      .map((p) => p.get?.operationId)
      .filter((id) => /Feed/.test(id ?? ''))
      .toSorted(),
    ['articlesFeedAtom', 'articlesFeedJson', 'articlesFeedRss', 'authorFeedAtom', 'authorFeedJson', 'authorFeedRss', 'tagFeedAtom', 'tagFeedJson', 'tagFeedRss'],
  )
  t.ok(z.string().safeParse(doc.components.schemas.JsonFeed.properties.version.const).success, 'JSON Feed schema is published')
})
