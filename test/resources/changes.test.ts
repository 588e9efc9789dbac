import t, { type Test } from 'tap'
import { buildApp } from '../../src/app.js'
import { createKey } from '../../src/core/keys.js'
import { testDb, type Json } from '../helper.js'

const COLLECTIONS: Record<string, string> = { article: 'articles', author: 'authors', source: 'sources', quote: 'quotes', tag: 'tags' }

/** A small deterministic generator, so a failing run can be replayed from its seed. */
function random(seed: number) {
  let x = seed >>> 0 || 1
  const next = () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 2 ** 32
  }
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]! }
}

async function setup(t: Test) {
  const db = testDb(t)
  let now = new Date('2026-03-01T12:00:00.000Z')
  const app = await buildApp({ db, clock: () => now })
  t.teardown(() => app.close())
  const { secret } = createKey(db, 'Newsroom', ['write'])
  return { db, app, w: { authorization: `Bearer ${secret}` }, tick: (ms: number) => (now = new Date(now.getTime() + ms)), now: () => now }
}

/** A partner's mirror: applies events by reading each resource as the public sees it. */
function mirror(app: Awaited<ReturnType<typeof buildApp>>) {
  const held = new Map<string, number>()
  let token: string | undefined
  let events = 0
  return {
    held,
    get events() {
      return events
    },
    async sync() {
      for (;;) {
        const res = await app.inject(`/v1/changes?limit=25${token ? `&since=${token}` : ''}`)
        if (res.statusCode !== 200) throw new Error(res.body)
        const page = res.json() as Json
        for (const e of page.data as Json[]) {
          events++
          const read = await app.inject(`/v1/${COLLECTIONS[e.resource]}/${e.id}`)
          const key = `${e.resource}:${e.id}`
          if (read.statusCode === 200) held.set(key, (read.json() as Json).data.version)
          else if (read.statusCode === 404 || read.statusCode === 410) held.delete(key)
          else throw new Error(`${key}: ${read.statusCode}`)
        }
        token = page.nextToken
        if (!page.hasMore) return
      }
    },
  }
}

/** Everything the public API lists, read in full. */
async function fullRead(app: Awaited<ReturnType<typeof buildApp>>) {
  const all = new Map<string, number>()
  for (const [resource, collection] of Object.entries(COLLECTIONS)) {
    let cursor: string | undefined
    do {
      const page = (await app.inject(`/v1/${collection}?limit=100${cursor ? `&cursor=${cursor}` : ''}`)).json() as Json
      for (const item of page.data as Json[]) all.set(`${resource}:${item.id}`, item.version)
      cursor = page.page.nextCursor ?? undefined
    } while (cursor)
  }
  return all
}

const sorted = (m: Map<string, number>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1))

for (const seed of [1, 7, 42]) {
  t.test(`a mirror kept by the changes feed equals a full read (seed ${seed})`, async (t) => {
    const { app, w, tick, now } = await setup(t)
    const rng = random(seed)
    const partner = mirror(app)
    const stories: string[] = []
    const quotes: string[] = []
    let n = 0
    const etag = async (url: string) => (await app.inject({ url, headers: w })).headers.etag as string

    const ops: Record<string, () => Promise<unknown>> = {
      async create() {
        n++
        const status = rng.next() < 0.2 ? 'draft' : 'published'
        const future = rng.next() < 0.3
        const publishedAt = new Date(now().getTime() + (future ? 1 + rng.int(3) : -1) * 3_600_000).toISOString()
        const res = await app.inject({
          method: 'POST',
          url: '/v1/articles',
          headers: w,
          payload: {
            slug: `mirror-${seed}-${n}`,
            headline: `Story ${n}`,
            language: 'en',
            status,
            publishedAt,
            body: [{ type: 'paragraph', text: `"Point ${n} stands," said the ${n % 2 ? 'mayor' : 'minister'}.` }],
            authors: [{ slug: rng.pick(['ann', 'bo', 'cy']), name: 'A Reporter', role: 'reporter' }],
            sources: [{ slug: `speaker-${n % 3}`, description: 'a speaker', kind: 'person', anonymous: true }],
            quotes: [{ text: `Point ${n} stands`, kind: 'direct', source: `speaker-${n % 3}` }],
            tags: [{ slug: rng.pick(['floods', 'politics', 'courts']), name: 'A tag', type: 'subject' }],
          },
        })
        if (res.statusCode !== 201) throw new Error(res.body)
        const data = (res.json() as Json).data
        stories.push(data.id)
        quotes.push(...(data.quotes as Json[]).map((q) => q.id))
      },
      async edit() {
        if (!stories.length) return
        const id = rng.pick(stories)
        const tag = await etag(`/v1/articles/${id}`)
        if (!tag) return // withdrawn
        await app.inject({ method: 'PATCH', url: `/v1/articles/${id}`, headers: { ...w, 'if-match': tag }, payload: { headline: `Edited ${rng.int(1e6)}` } })
      },
      async publish() {
        if (!stories.length) return
        const id = rng.pick(stories)
        await app.inject({ method: 'PATCH', url: `/v1/articles/${id}`, headers: { ...w, 'if-match': '*' }, payload: { status: 'published' } })
      },
      async withdraw() {
        if (!stories.length) return
        await app.inject({ method: 'DELETE', url: `/v1/articles/${rng.pick(stories)}`, headers: { ...w, 'if-match': '*' } })
      },
      async deleteQuote() {
        if (!quotes.length) return
        const id = quotes.splice(rng.int(quotes.length), 1)[0]!
        await app.inject({ method: 'DELETE', url: `/v1/quotes/${id}`, headers: { ...w, 'if-match': '*' } })
      },
      async renameAuthor() {
        await app.inject({ method: 'PATCH', url: `/v1/authors/${rng.pick(['ann', 'bo', 'cy'])}`, headers: { ...w, 'if-match': '*' }, payload: { name: `Name ${rng.int(1e6)}` } })
      },
      async addTag() {
        const slug = `extra-${rng.int(1e6)}`
        await app.inject({ method: 'POST', url: '/v1/tags', headers: w, payload: { slug, name: 'Extra', type: 'subject' } })
      },
      async time() {
        tick(rng.int(2 * 3_600_000))
      },
      async sync() {
        await partner.sync()
      },
    }
    const names = Object.keys(ops)
    for (let i = 0; i < 120; i++) await ops[rng.pick(names)]!()
    tick(5 * 3_600_000) // every embargo lifts
    await partner.sync()
    const truth = await fullRead(app)
    t.ok(truth.size > 55, `${truth.size} public resources, ${partner.events} events applied`)
    t.same(sorted(partner.held), sorted(truth), 'nothing missing, nothing extra, every version current')
  })
}

t.test('the changes feed: tokens, limits, long polling', async (t) => {
  const { app, w } = await setup(t)
  const first = (await app.inject('/v1/changes?limit=10')).json() as Json
  t.equal(first.data.length, 10)
  t.equal(first.hasMore, true)
  t.same(first.data.map((e: Json) => e.seq), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  t.match(first.data[0], { type: 'created', resource: 'article', version: 1, surrogateKeys: [first.data[0].id, 'articles', 'embeds'] })
  const rest = (await app.inject(`/v1/changes?since=${first.nextToken}&limit=1000`)).json() as Json
  t.equal(rest.data.length, 45, 'the seeded story: 1 article, 5 authors, 13 sources, 14 tags, 22 quotes')
  t.equal(rest.hasMore, false)
  // Each event's own token resumes after it, mid-answer as well as at its end.
  const fromFourth = (await app.inject(`/v1/changes?since=${first.data[3].token}&limit=3`)).json() as Json
  t.same(fromFourth.data.map((e: Json) => e.seq), [5, 6, 7], "the token of event 4 resumes at event 5")
  t.equal(first.data[9].token, first.nextToken, "the last event's token is the answer's nextToken")
  const idle = (await app.inject(`/v1/changes?since=${rest.nextToken}`)).json() as Json
  t.same(idle.data, [])
  t.equal(idle.nextToken, rest.nextToken, 'nothing new: the same token back')

  for (const bad of ['since=nope', 'limit=0', 'limit=1001', 'wait=31', 'wait=-1', 'extra=1']) {
    const res = await app.inject(`/v1/changes?${bad}`)
    t.equal(res.statusCode, 400, bad)
    t.match(res.headers['content-type'], /problem\+json/)
  }

  // Held open until an event arrives…
  const started = Date.now()
  const held = app.inject(`/v1/changes?since=${rest.nextToken}&wait=10`)
  setTimeout(
    () =>
      void app.inject({ method: 'PATCH', url: '/v1/authors/farhan-bokhari', headers: { ...w, 'if-match': '*' }, payload: { title: 'Correspondent' } }),
    200,
  )
  const woke = (await held).json() as Json
  t.ok(Date.now() - started < 5000, `answered ${Date.now() - started} ms after the write, not at the deadline`)
  t.match(woke.data, [{ type: 'updated', resource: 'author', version: 2 }])

  // A tag nothing carries is not public: creating it is no event.
  await app.inject({ method: 'POST', url: '/v1/tags', headers: w, payload: { slug: 'x', name: 'X', type: 'subject' } })
  t.same(((await app.inject(`/v1/changes?since=${woke.nextToken}`)).json() as Json).data, [])

  // …and answered empty at the deadline.
  const quiet = Date.now()
  const none = (await app.inject(`/v1/changes?since=${woke.nextToken}&wait=1`)).json() as Json
  t.same(none.data, [])
  t.ok(Date.now() - quiet >= 900, 'held for about the second asked')
  t.equal((await app.inject('/v1/changes')).headers['cache-control'], 'no-store')
})
