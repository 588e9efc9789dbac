import t, { type Test } from 'tap'
import { importDocument } from '../src/resources/articles/importer.js'
import { ArticleDocument } from '../src/resources/articles/document.js'
import type { App } from '../src/app.js'
import { build, testDb, type Json } from './helper.js'

const SEED = 'islamic-militant-threat-grows-in-pakistani-heartland'

/** Three more stories beside the seed, with known overlaps of people, tags and sources. */
function fixtures() {
  const base = (n: number, over: Record<string, unknown>) =>
    ArticleDocument.parse({
      slug: `story-${n}`,
      headline: `Story ${n}`,
      language: 'en',
      status: 'published',
      body: [{ type: 'paragraph', text: `Paragraph of story ${n}. "Words from a named minister," she said.` }],
      ...over,
    })
  const minister = { slug: 'a-minister', name: 'A. Minister', description: 'the interior minister', kind: 'person', anonymous: false }
  const official = { slug: 'an-official', name: null, description: 'an official', kind: 'person', anonymous: true }
  const reporter = { slug: 'farhan-bokhari', name: 'Farhan Bokhari', role: 'reporter' }
  const editor = { slug: 'edna-editor', name: 'Edna Editor', organization: 'Wire', role: 'editor' }
  return [
    base(1, {
      publishedAt: '2020-01-01T00:00:00.000Z',
      authors: [reporter, editor],
      sources: [minister],
      quotes: [{ text: 'Words from a named minister', kind: 'direct', source: 'a-minister', saidTo: 'farhan-bokhari', cue: 'said' }],
      tags: [{ slug: 'lahore', name: 'Lahore', type: 'place' }, { slug: 'economy', name: 'Economy', type: 'subject' }],
    }),
    base(2, {
      publishedAt: '2021-06-15T12:00:00.000Z',
      authors: [editor],
      sources: [official],
      quotes: [{ text: 'Words from a named minister', kind: 'partial', source: 'an-official', cue: 'said' }],
      tags: [{ slug: 'lahore', name: 'Lahore', type: 'place' }],
      body: [{ type: 'paragraph', text: 'A <script>alert(1)</script> zebra story. "Words from a named minister," she said.' }],
    }),
    base(3, { publishedAt: '2022-03-01T00:00:00.000Z', status: 'draft', tags: [{ slug: 'economy', name: 'Economy', type: 'subject' }] }),
  ]
}

async function setup(t: Test): Promise<App> {
  const db = testDb(t)
  for (const doc of fixtures()) importDocument(db, doc)
  return build(t, db)
}

const get = async (app: App, url: string) => {
  const res = await app.inject(url)
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`)
  return res.json()
}
const slugs = (body: Json) => body.data.map((a: Json) => a.slug)

t.test('article filters', async (t) => {
  const app = await setup(t)
  t.same(slugs(await get(app, '/v1/articles')), ['story-2', 'story-1', SEED], 'drafts excluded; unknown date last')
  t.same(slugs(await get(app, '/v1/articles?author=farhan-bokhari')), ['story-1', SEED])
  t.same(slugs(await get(app, '/v1/articles?author=farhan-bokhari&author=edna-editor')), ['story-1'], 'repeated = all of them')
  const editorId = (await get(app, '/v1/authors/edna-editor')).data.id
  t.same(slugs(await get(app, `/v1/articles?author=${editorId}`)), ['story-2', 'story-1'], 'by id too')
  t.same(slugs(await get(app, '/v1/articles?tag=lahore')), ['story-2', 'story-1', SEED])
  t.same(slugs(await get(app, '/v1/articles?tag=lahore&tag=economy')), ['story-1'])
  t.same(slugs(await get(app, '/v1/articles?tag=nothing')), [], 'an unknown tag matches nothing')
  t.same(slugs(await get(app, '/v1/articles?source=a-minister')), ['story-1'])
  t.same(slugs(await get(app, '/v1/articles?source=senior-western-diplomat')), [SEED])
  t.same(slugs(await get(app, '/v1/articles?publishedAfter=2021-01-01')), ['story-2'])
  t.same(slugs(await get(app, '/v1/articles?publishedBefore=2021-06-15T12:00:00Z')), ['story-1'], 'before is exclusive')
  t.same(slugs(await get(app, '/v1/articles?publishedAfter=2021-06-15T14:00:00%2B02:00')), ['story-2'], 'offsets are normalised')
  t.same(slugs(await get(app, '/v1/articles?updatedSince=2000-01-01')), ['story-2', 'story-1', SEED])
  t.same(slugs(await get(app, '/v1/articles?updatedSince=2999-01-01')), [])
  t.same(slugs(await get(app, '/v1/articles?anonymousSources=true')), ['story-2', SEED])
  t.same(slugs(await get(app, '/v1/articles?anonymousSources=false')), ['story-1'])
  t.same(slugs(await get(app, '/v1/articles?q=%22nerve%20centre%22')), [SEED])
  t.same(slugs(await get(app, '/v1/articles?q=zebra%20OR%20Waziristan')), ['story-2', SEED])
  t.same(slugs(await get(app, '/v1/articles?q=Taliban%20NOT%20Waziristan')), [])
  t.same(slugs(await get(app, '/v1/articles?q=milit*')), [SEED], 'prefix')
  const combined = await get(app, '/v1/articles?tag=lahore&author=edna-editor&q=story&sort=publishedAt&fields=headline')
  t.same(combined.data, [{ id: combined.data[0].id, headline: 'Story 1' }, { id: combined.data[1].id, headline: 'Story 2' }])
  t.equal(combined.page.total, 2)
  t.same(slugs(await get(app, '/v1/tags/lahore/articles?author=edna-editor')), ['story-2', 'story-1'])
  t.same(slugs(await get(app, '/v1/authors/edna-editor/articles?tag=economy')), ['story-1'])

  // A count starts from a link's rows: a story counts once however many quotes or credits link it, and drafts not at all.
  for (const url of [
    '/v1/articles?source=senior-western-diplomat',
    '/v1/articles?source=a-minister&tag=lahore',
    '/v1/articles?author=farhan-bokhari',
    '/v1/articles?tag=lahore',
    '/v1/articles?tag=lahore&anonymousSources=true',
    '/v1/tags/lahore/articles?publishedAfter=2021-01-01',
    '/v1/authors/edna-editor/articles?author=farhan-bokhari',
  ]) {
    const page = await get(app, url)
    t.equal(page.page.total, page.data.length, `${url}: total is ${page.data.length}`)
  }
})

t.test('bad filter values are 400 problems naming the parameter', async (t) => {
  const app = await setup(t)
  for (const [query, parameter, detail] of [
    ['publishedAfter=yesterday', 'publishedAfter', /./],
    ['publishedAfter=2021-02-30', 'publishedAfter', /./],
    ['anonymousSources=yes', 'anonymousSources', /./],
    ['sort=-headline', 'sort', /publishedAt/],
    ['include=comments', 'include', /allowed: authors, tags, body, quotes/],
    ['fields=headline,secret', 'fields', /unknown field "secret"/],
    ['q=%22unbalanced', 'q', /unbalanced/],
    ['q=AND', 'q', /starts with AND/],
    ['q=*', 'q', /no letters/],
    ['q=headline:x', 'q', /column filter/],
    [`q=${'x'.repeat(10_000)}`, 'q', /256/],
    ['tag=a&tag=b&tag=c&tag=d&tag=e&tag=f&tag=g&tag=h&tag=i&tag=j&tag=k', 'tag', /./],
  ] as const) {
    const res = await app.inject(`/v1/articles?${query}`)
    t.equal(res.statusCode, 400, query.slice(0, 40))
    t.match(res.json(), { status: 400, errors: [{ in: 'query', parameter, detail }] }, query.slice(0, 40))
  }
  for (const url of ['/v1/quotes?q=NOT', '/v1/sources?q=%22x', '/v1/search?q=OR', '/v1/search', '/v1/search?q=x&type=comments']) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 400, url)
    t.match(res.json().errors, [{ in: 'query' }])
  }
})

t.test('every sort is total and walks by cursor without gaps', async (t) => {
  const app = await setup(t)
  const lists: [string, string[]][] = [
    ['/v1/articles', ['-publishedAt', 'publishedAt', '-updatedAt', 'updatedAt', '-createdAt', 'createdAt']],
    ['/v1/quotes', ['-createdAt', 'createdAt', 'position']],
    ['/v1/sources', ['slug', '-slug', 'updatedAt', '-updatedAt']],
    ['/v1/authors', ['name', '-name', 'slug', '-slug']],
    ['/v1/tags', ['name', '-name', 'slug', '-slug']],
  ]
  for (const [path, sorts] of lists) {
    for (const sort of sorts) {
      const all = await get(app, `${path}?sort=${sort}&limit=100`)
      const seen: string[] = []
      let cursor: string | null = null
      do {
        const body: Json = await get(app, `${path}?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        seen.push(...body.data.map((x: Json) => x.id))
        cursor = body.page.nextCursor
      } while (cursor)
      t.same(seen, all.data.map((x: Json) => x.id), `${path}?sort=${sort}`)
      t.equal(all.data.length, all.page.total)
    }
    const first = await get(app, `${path}?sort=${sorts[0]}&limit=1`)
    const other = await app.inject(`${path}?sort=${sorts[1]}&cursor=${first.page.nextCursor}`)
    t.equal(other.statusCode, 400, `${path}: a cursor belongs to its sort`)
  }
  const newest = await get(app, '/v1/articles?sort=publishedAt&limit=100')
  t.same(slugs(newest), [SEED, 'story-1', 'story-2'], 'ascending puts the unknown date first')
})

t.test('include embeds related resources; fields trims them', async (t) => {
  const app = await setup(t)
  const plain = (await get(app, `/v1/articles?limit=100`)).data.find((a: Json) => a.slug === SEED)
  t.equal(plain.quotes, undefined)
  t.equal(plain.body, undefined)
  t.equal(plain.tags.length, 14, 'summaries carry their tags')
  t.match(plain.tags[0], { slug: 'pakistan', type: 'place' })
  const rich = (await get(app, `/v1/articles?include=quotes.source,authors,tags,body&limit=100`)).data.find((a: Json) => a.slug === SEED)
  t.equal(rich.quotes.length, 22)
  t.equal(rich.quotes[0].source.slug, 'pakistani-taliban')
  t.equal(rich.body.length, 19)
  const quotes = await get(app, '/v1/quotes?include=article&source=a-minister')
  t.same(quotes.data[0].article, { id: quotes.data[0].articleId, slug: 'story-1', headline: 'Story 1', publishedAt: '2020-01-01T00:00:00.000Z' })
  const trimmed = await get(app, '/v1/quotes?fields=text,kind&limit=1')
  t.same(Object.keys(trimmed.data[0]).sort(), ['id', 'kind', 'text'])
  for (const url of ['/v1/authors?include=articles', '/v1/sources?include=quotes', '/v1/tags?include=articles']) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 400, url)
    t.match(res.json().detail, /allowed: none/)
  }
})

t.test('quote, source, author and tag filters', async (t) => {
  const app = await setup(t)
  const texts = (b: Json) => b.data.map((q: Json) => q.text)
  t.equal((await get(app, `/v1/quotes?article=${SEED}&limit=100`)).page.total, 22)
  t.same(texts(await get(app, '/v1/quotes?source=a-minister')), ['Words from a named minister'])
  t.equal((await get(app, '/v1/quotes?kind=partial&limit=100')).page.total, 3)
  t.equal((await get(app, '/v1/quotes?saidTo=farhan-bokhari&limit=100')).page.total, 6, 'five in the seed, one in story 1')
  t.equal((await get(app, '/v1/quotes?saidTo=sami-yousafzai&kind=partial')).page.total, 1)
  t.equal((await get(app, '/v1/quotes?anonymous=true&limit=100')).page.total, 17)
  t.equal((await get(app, '/v1/quotes?anonymous=false&limit=100')).page.total, 7)
  t.same(texts(await get(app, '/v1/quotes?q=rubbish')), ['This is rubbish'])
  t.same(texts(await get(app, '/v1/quotes?article=no-such-story')), [])
  const inOrder = await get(app, `/v1/quotes?article=${SEED}&sort=position&limit=3`)
  t.same(inOrder.data.map((q: Json) => q.location.block), [0, 2, 3])

  const names = (b: Json) => b.data.map((s: Json) => s.slug)
  t.same(names(await get(app, '/v1/sources?kind=group&limit=100')), [
    'officials-on-punjab-militancy',
    'pakistani-army-officials',
    'senior-intelligence-officials-and-foreign-diplomats',
  ])
  t.equal((await get(app, '/v1/sources?anonymous=false&limit=100')).page.total, 5)
  t.same(names(await get(app, '/v1/sources?affiliation=Pakistani%20intelligence')), ['senior-pakistani-intelligence-official'])
  t.same(names(await get(app, '/v1/sources?q=diplomat*')), ['another-western-diplomat', 'senior-intelligence-officials-and-foreign-diplomats', 'senior-western-diplomat', 'top-western-diplomat'])

  t.same(names(await get(app, '/v1/authors?organization=Wire')), ['edna-editor'])
  t.same(names(await get(app, '/v1/authors?role=photographer')), ['k-m-chaudary'])
  t.same(names(await get(app, '/v1/authors?q=BOKH')), ['farhan-bokhari'], 'any case')
  t.same(names(await get(app, '/v1/authors?q=%25')), [], 'LIKE wildcards match literally')

  t.same(names(await get(app, '/v1/tags?type=subject')), ['economy', 'islamist-militancy', 'terrorism'])
  t.same(names(await get(app, '/v1/tags?q=lah')), ['lahore'])
  t.equal((await get(app, '/v1/tags/economy')).data.name, 'Economy')
})

t.test('search ranks articles, quotes and sources together, with safe snippets', async (t) => {
  const app = await setup(t)
  const res = await get(app, '/v1/search?q=%22nerve%20centre%22')
  t.same(res.data.map((h: Json) => h.type), ['quote', 'article'], 'the quote, all about it, outranks the long article')
  t.match(res.data[0].snippet, /<mark>nerve centre<\/mark>/)
  t.ok(res.data[0].score > res.data[1].score)
  t.equal(res.data[1].slug, SEED)
  t.equal(res.data[0].articleId, res.data[1].id)

  const diplomats = await get(app, '/v1/search?q=diplomat&type=source')
  t.ok(diplomats.data.length >= 3)
  t.ok(diplomats.data.every((h: Json) => h.type === 'source'))

  const zebra = await get(app, '/v1/search?q=zebra')
  t.equal(zebra.data.length, 1)
  t.notMatch(zebra.data[0].snippet, /<script>/, 'story text is escaped')
  t.match(zebra.data[0].snippet, /&lt;script&gt;/)

  const all = await get(app, '/v1/search?q=Taliban&limit=100')
  const walked: string[] = []
  let cursor: string | null = null
  do {
    const page: Json = await get(app, `/v1/search?q=Taliban&limit=3${cursor ? `&cursor=${cursor}` : ''}`)
    walked.push(...page.data.map((h: Json) => h.id))
    cursor = page.page.nextCursor
  } while (cursor)
  t.same(walked, all.data.map((h: Json) => h.id), 'hits page by cursor in rank order')
  t.equal(all.page.total, all.data.length)
  const scores = all.data.map((h: Json) => h.score)
  t.same(scores, [...scores].sort((a, b) => b - a))

  t.equal((await get(app, '/v1/search?q=Economy')).data.length, 0, "a draft's words are not found")
  const trimmed = await get(app, '/v1/search?q=rubbish&fields=type,snippet')
  t.same(Object.keys(trimmed.data[0]).sort(), ['id', 'snippet', 'type'])
  t.equal((await app.inject('/v1/search?q=rubbish&fields=secret')).statusCode, 400)
})
