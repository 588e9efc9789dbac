import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { seedDb } from '../../seed/load.js'
import { buildApp } from '../../src/app.js'
import { createKey } from '../../src/core/keys.js'
import { openDb, type Db } from '../../src/db/client.js'
import { migrateDb } from '../../src/db/migrate.js'
import { isAnchored } from '../../src/resources/quotes/anchor.js'
import { testDb, type Json } from '../helper.js'

const SEED = 'islamic-militant-threat-grows-in-pakistani-heartland'

/** The app with a movable clock and one key of each kind. */
async function setup(t: Test, start = '2026-03-01T12:00:00.000Z') {
  const db = testDb(t)
  let now = new Date(start)
  const app = await buildApp({ db, clock: () => now })
  t.teardown(() => app.close())
  await app.ready()
  const writer = createKey(db, 'Newsroom', ['write'])
  const other = createKey(db, 'Partner', ['write'])
  const reader = createKey(db, 'Reader', ['read'])
  const auth = (secret: string) => ({ authorization: `Bearer ${secret}` })
  return {
    db,
    app,
    writer,
    w: auth(writer.secret),
    w2: auth(other.secret),
    r: auth(reader.secret),
    setNow: (iso: string) => (now = new Date(iso)),
  }
}

function story(n: number, over: Json = {}): Json {
  return {
    slug: `write-story-${n}`,
    headline: `Write story ${n}`,
    language: 'en',
    status: 'published',
    publishedAt: '2026-02-01T00:00:00.000Z',
    body: [
      { type: 'paragraph', text: `"The dam will hold," the engineer said on day ${n}.` },
      { type: 'paragraph', text: 'Officials said the river was rising.' },
    ],
    authors: [{ slug: 'desk-reporter', name: 'Desk Reporter', role: 'reporter' }],
    sources: [{ slug: `engineer-${n}`, description: 'the engineer', kind: 'person', anonymous: true }],
    quotes: [{ text: 'The dam will hold', kind: 'direct', source: `engineer-${n}`, cue: 'said' }],
    ...over,
  }
}

function isProblem(t: Test, res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number) {
  t.equal(res.statusCode, status, res.body)
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  const body = JSON.parse(res.body) as Json
  t.equal(body.status, status)
  return body
}

const countRows = (db: Db, table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n

t.test('POST /v1/articles creates a story with its people, sources and quotes', async (t) => {
  const { app, w, db } = await setup(t)
  const res = await app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload: story(1) })
  t.equal(res.statusCode, 201, res.body)
  const { data } = res.json() as Json
  t.match(data.id, /^art_[0-9a-z]{26}$/)
  t.equal(res.headers.location, `/v1/articles/${data.id}`)
  t.match(res.headers.etag, /^"[A-Za-z0-9_-]+"$/)
  t.equal(data.version, 1)
  t.equal(data.quotes.length, 1)
  t.same(data.quotes[0].location, { block: 0, start: 1, end: 18 })
  t.equal(data.quotes[0].anchor, 'exact')
  t.equal(data.authors[0].slug, 'desk-reporter')
  t.same(data.corrections, [])

  const read = await app.inject(`/v1/articles/${data.slug}`)
  t.equal(read.statusCode, 200)
  t.equal(read.headers.etag, res.headers.etag, 'the ETag of a read matches the one the write returned')
  t.equal(read.body, res.body)

  // A second story reuses the stored author by slug instead of creating it again.
  const authors = countRows(db, 'authors')
  t.equal((await app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload: story(2) })).statusCode, 201)
  t.equal(countRows(db, 'authors'), authors)
})

t.test('POST /v1/articles refuses what it must', async (t) => {
  const { app, w, r, db } = await setup(t)
  const articles = countRows(db, 'articles')
  const quotes = countRows(db, 'quotes')

  isProblem(t, await app.inject({ method: 'POST', url: '/v1/articles', payload: story(1) }), 401)
  isProblem(t, await app.inject({ method: 'POST', url: '/v1/articles', headers: r, payload: story(1) }), 403)

  for (const field of ['id', 'version', 'createdAt', 'wordCount']) {
    const body = isProblem(t, await app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload: story(1, { [field]: 'x' }) }), 400)
    t.match(body.detail, field, `unknown field ${field} is named`)
  }
  const nested = story(1)
  nested.quotes[0].id = 'quo_00000000000000000000000000'
  isProblem(t, await app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload: nested }), 400)
  isProblem(t, await app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload: story(1, { status: 'withdrawn' }) }), 400)
  isProblem(t, await app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload: story(1, { headline: 42 }) }), 400)
  isProblem(
    t,
    await app.inject({ method: 'POST', url: '/v1/articles', headers: { ...w, 'content-type': 'application/json' }, payload: '{"slug":' }),
    400,
  )
  isProblem(t, await app.inject({ method: 'POST', url: '/v1/articles', headers: { ...w, 'content-type': 'text/plain' }, payload: 'hello' }), 415)
  const huge = story(1, { body: [{ type: 'paragraph', text: 'x'.repeat(5 * 1024 * 1024) }] })
  isProblem(t, await app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload: huge }), 413)

  const missing = isProblem(
    t,
    await app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: w,
      payload: story(1, { quotes: [{ text: 'The dam will break', kind: 'direct', source: 'engineer-1' }] }),
    }),
    422,
  )
  t.match(missing.detail, 'The dam will break')
  t.same(missing.errors[0].pointer, '/quotes/0')

  const twice = story(1, {
    body: [{ type: 'paragraph', text: 'Hold on. Hold on.' }],
    quotes: [{ text: 'Hold on', kind: 'partial', source: 'engineer-1' }],
  })
  t.match(isProblem(t, await app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload: twice }), 422).detail, /occurs 2 times/)
  twice.quotes[0].location = { block: 0, start: 9 }
  t.equal((await app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload: twice })).statusCode, 201, 'a location settles it')

  isProblem(t, await app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload: story(1) }), 409)
  t.equal(countRows(db, 'articles'), articles + 1, 'only the valid story was written')
  t.equal(countRows(db, 'quotes'), quotes + 1)
})

t.test('Idempotency-Key: a retry replays the first answer; another body is a 422; keys are per API key', async (t) => {
  const { app, w, w2, db } = await setup(t)
  const post = (headers: Json, payload: Json) => app.inject({ method: 'POST', url: '/v1/articles', headers, payload })
  const first = await post({ ...w, 'idempotency-key': 'retry-1' }, story(1))
  t.equal(first.statusCode, 201)
  const again = await post({ ...w, 'idempotency-key': 'retry-1' }, story(1))
  t.equal(again.statusCode, 201)
  t.equal(again.body, first.body)
  t.equal(again.headers.etag, first.headers.etag)
  t.equal(again.headers.location, first.headers.location)
  t.equal(again.headers['idempotent-replayed'], 'true')
  t.equal(countRows(db, 'articles'), 2, 'written once')

  const different = isProblem(t, await post({ ...w, 'idempotency-key': 'retry-1' }, story(2)), 422)
  t.equal(different.errors[0].parameter, 'idempotency-key')

  // The same key value from another partner is that partner's own, and replays nothing of ours.
  const theirs = await post({ ...w2, 'idempotency-key': 'retry-1' }, story(3))
  t.equal(theirs.statusCode, 201)
  t.not(theirs.body, first.body)
  t.equal(countRows(db, 'articles'), 3)

  // A refused request is not remembered: fixed, it goes through under the same key.
  isProblem(t, await post({ ...w, 'idempotency-key': 'retry-2' }, story(1)), 409)
  t.equal((await post({ ...w, 'idempotency-key': 'retry-2' }, story(4))).statusCode, 201)

  isProblem(t, await post({ ...w, 'idempotency-key': 'x'.repeat(300) }, story(5)), 400)
})

t.test('PATCH needs If-Match, refuses stale ETags, and keeps every version as a revision', async (t) => {
  const { app, w, writer } = await setup(t)
  const created = await app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload: story(1) })
  const id = (created.json() as Json).data.id as string
  const patch = (headers: Json, payload: Json, query = '') =>
    app.inject({ method: 'PATCH', url: `/v1/articles/${id}${query}`, headers, payload })

  isProblem(t, await patch(w, { headline: 'New headline' }), 428)
  isProblem(t, await patch({ ...w, 'if-match': '"stale"' }, { headline: 'New headline' }), 412)
  isProblem(t, await patch({ ...w, 'if-match': created.headers.etag as string }, { version: 7 }), 400)
  isProblem(t, await patch({ ...w, 'if-match': created.headers.etag as string }, { status: 'archived' }), 400)

  const changed = await patch({ ...w, 'if-match': created.headers.etag as string }, { headline: 'New headline' })
  t.equal(changed.statusCode, 200, changed.body)
  const after = (changed.json() as Json).data
  t.equal(after.headline, 'New headline')
  t.equal(after.version, 2)
  t.not(changed.headers.etag, created.headers.etag)
  isProblem(t, await patch({ ...w, 'if-match': created.headers.etag as string }, { headline: 'Lost update' }), 412)

  // RFC 7396's media type is accepted too.
  const merge = await app.inject({
    method: 'PATCH',
    url: `/v1/articles/${id}`,
    headers: { ...w, 'if-match': changed.headers.etag as string, 'content-type': 'application/merge-patch+json' },
    payload: JSON.stringify({ standfirst: 'A standfirst' }),
  })
  t.equal(merge.statusCode, 200, merge.body)

  const revisions = await app.inject({ url: `/v1/articles/${id}/revisions`, headers: w })
  t.equal(revisions.statusCode, 200)
  const list = (revisions.json() as Json).data as Json[]
  t.same(list.map((r) => r.number), [3, 2, 1])
  t.same(list[0]!.by, { keyId: writer.id, name: 'Newsroom' }, 'each revision records the key that made it')
  const first = await app.inject({ url: `/v1/articles/${id}/revisions/1`, headers: w })
  t.equal((first.json() as Json).data.document.headline, 'Write story 1')
  const diff = await app.inject({ url: `/v1/articles/${id}/revisions/2/diff`, headers: w })
  t.same((diff.json() as Json).data.fields, [{ field: 'headline', from: 'Write story 1', to: 'New headline' }])
  isProblem(t, await app.inject({ url: `/v1/articles/${id}/revisions/9`, headers: w }), 404)
  isProblem(t, await app.inject({ url: `/v1/articles/${id}/revisions` }), 401)

  const paged = await app.inject({ url: `/v1/articles/${id}/revisions?limit=2`, headers: w })
  const next = (paged.json() as Json).page.nextCursor as string
  t.ok(next)
  const rest = await app.inject({ url: `/v1/articles/${id}/revisions?limit=2&cursor=${next}`, headers: w })
  t.same(((rest.json() as Json).data as Json[]).map((r) => r.number), [1])
})

t.test('a body edit re-anchors quotes; one whose words are gone refuses the edit unless allowed', async (t) => {
  const { app, w, db } = await setup(t)
  const created = await app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload: story(1) })
  const { id, body } = (created.json() as Json).data
  let etag = created.headers.etag as string
  const patch = async (payload: Json, query = '') => {
    const res = await app.inject({ method: 'PATCH', url: `/v1/articles/${id}${query}`, headers: { ...w, 'if-match': etag }, payload })
    if (res.statusCode === 200) etag = res.headers.etag as string
    return res
  }

  const moved = await patch({ body: [{ type: 'paragraph', text: 'A new first paragraph.' }, ...body] })
  t.equal(moved.statusCode, 200, moved.body)
  const q1 = (moved.json() as Json).data.quotes[0]
  t.equal(q1.anchor, 'moved')
  t.same(q1.location, { block: 1, start: 1, end: 18 })

  const unchanged = await patch({ headline: 'Only the headline' })
  t.equal((unchanged.json() as Json).data.quotes[0].anchor, 'moved', 'edits that leave the body alone do not re-anchor')

  const cut = [{ type: 'paragraph', text: 'The engineer declined to comment.' }]
  const refused = isProblem(t, await patch({ body: cut }), 409)
  t.equal(refused.conflicts.length, 1)
  t.same(refused.conflicts[0], { resource: 'quote', id: q1.id, detail: '"The dam will hold" is no longer in the body' })
  t.equal((await app.inject(`/v1/articles/${id}`)).headers.etag, etag, 'nothing was written')

  const orphaned = await patch({ body: cut }, '?orphanQuotes=true')
  t.equal(orphaned.statusCode, 200, orphaned.body)
  const q2 = (orphaned.json() as Json).data.quotes[0]
  t.equal(q2.anchor, 'orphaned')
  t.equal(q2.location, null, 'an orphaned quote points at nothing')
  const viaQuotes = await app.inject(`/v1/quotes/${q1.id}`)
  t.equal((viaQuotes.json() as Json).data.anchor, 'orphaned', 'flagged on the public API')

  const restored = await patch({ body })
  const q3 = (restored.json() as Json).data.quotes[0]
  t.equal(q3.anchor, 'moved', 'words that come back are found again')
  t.same(q3.location, { block: 0, start: 1, end: 18 })

  // The invariant: every quote that is not orphaned stands verbatim where it says.
  type Row = { text: string; block: number; start: number; end: number; anchor: string; body: string }
  const rows = db.$client
    .prepare('select q.text, q.block, q.start, q."end", q.anchor, a.body from quotes q join articles a on a.id = q.article_id')
    .all() as Row[]
  for (const q of rows) if (q.anchor !== 'orphaned') t.ok(isAnchored(JSON.parse(q.body), q.text, q), q.text)
})

t.test('a correction is stored with its revision and what it touched, and printed with the story', async (t) => {
  const { app, w } = await setup(t)
  const created = await app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload: story(1) })
  const { id, body, quotes } = (created.json() as Json).data
  const fixed = [body[0], { type: 'paragraph', text: 'Officials said the river was falling.' }]
  const res = await app.inject({
    method: 'PATCH',
    url: `/v1/articles/${id}`,
    headers: { ...w, 'if-match': created.headers.etag as string },
    payload: { body: fixed, correction: { kind: 'correction', note: 'An earlier version said the river was rising.' } },
  })
  t.equal(res.statusCode, 200, res.body)
  const correction = (res.json() as Json).data.corrections[0]
  t.match(correction, { kind: 'correction', revision: 2, blocks: [1], quotes: [], articleId: id })

  const own = await app.inject(`/v1/articles/${id}/corrections`)
  t.same((own.json() as Json).data, [correction])
  const all = await app.inject('/v1/corrections')
  t.equal((all.json() as Json).data[0].id, correction.id)
  t.same((all.json() as Json).data[0].article, { id, slug: 'write-story-1', headline: 'Write story 1' })

  // A quote fixed with a correction names the quote.
  const quoteRead = await app.inject(`/v1/quotes/${quotes[0].id}`)
  const q = await app.inject({
    method: 'PATCH',
    url: `/v1/quotes/${quotes[0].id}`,
    headers: { ...w, 'if-match': quoteRead.headers.etag as string },
    payload: { kind: 'partial', correction: { kind: 'clarification', note: 'The quote was partial.' } },
  })
  t.equal(q.statusCode, 200, q.body)
  const listed = ((await app.inject('/v1/corrections')).json() as Json).data as Json[]
  t.match(listed[0], { kind: 'clarification', quotes: [quotes[0].id], revision: 3 })
  t.equal(listed.length, 2)
  isProblem(t, await app.inject('/v1/corrections?limit=0'), 400)
})

t.test('DELETE withdraws: 410 from then on, lists omit it, and it stays withdrawn', async (t) => {
  const { app, w } = await setup(t)
  const read = await app.inject(`/v1/articles/${SEED}`)
  isProblem(t, await app.inject({ method: 'DELETE', url: `/v1/articles/${SEED}`, headers: w }), 428)
  isProblem(t, await app.inject({ method: 'DELETE', url: `/v1/articles/${SEED}`, headers: { ...w, 'if-match': '"nope"' } }), 412)
  const res = await app.inject({ method: 'DELETE', url: `/v1/articles/${SEED}`, headers: { ...w, 'if-match': read.headers.etag as string } })
  t.equal(res.statusCode, 204, res.body)
  isProblem(t, await app.inject(`/v1/articles/${SEED}`), 410)
  isProblem(t, await app.inject({ url: `/v1/articles/${SEED}`, headers: w }), 410)
  t.equal(((await app.inject('/v1/articles')).json() as Json).page.total, 0)
  t.equal(((await app.inject('/v1/quotes')).json() as Json).page.total, 0)
  isProblem(t, await app.inject({ method: 'DELETE', url: `/v1/articles/${SEED}`, headers: { ...w, 'if-match': '*' } }), 410)
  isProblem(t, await app.inject({ method: 'PATCH', url: `/v1/articles/${SEED}`, headers: { ...w, 'if-match': '*' }, payload: { status: 'published' } }), 409)
  const revisions = ((await app.inject({ url: `/v1/articles/${SEED}/revisions`, headers: w })).json() as Json).data as Json[]
  t.same(revisions.map((r) => r.number), [2, 1], 'the seeded version was kept before the withdrawal')
  isProblem(t, await app.inject({ method: 'DELETE', url: '/v1/articles/no-such-story', headers: { ...w, 'if-match': '*' } }), 404)
})

t.test('drafts and embargoed stories are hidden from the public and shown to write keys', async (t) => {
  const { app, w, r, setNow } = await setup(t, '2026-03-01T12:00:00.000Z')
  const draft = await app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload: story(1, { status: 'draft', publishedAt: null }) })
  t.equal(draft.statusCode, 201)
  const embargoed = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: w,
    payload: story(2, { publishedAt: '2026-03-01T18:00:00.000Z' }),
  })
  t.equal(embargoed.statusCode, 201)

  for (const slug of ['write-story-1', 'write-story-2']) {
    isProblem(t, await app.inject(`/v1/articles/${slug}`), 404)
    isProblem(t, await app.inject({ url: `/v1/articles/${slug}`, headers: r }), 404)
    t.equal((await app.inject({ url: `/v1/articles/${slug}`, headers: w })).statusCode, 200, `${slug} previews for write keys`)
  }
  const slugs = async (headers: Json = {}) => ((await app.inject({ url: '/v1/articles', headers })).json() as Json).data.map((a: Json) => a.slug)
  t.same(await slugs(), [SEED])
  t.same((await slugs(w)).sort(), [SEED, 'write-story-1', 'write-story-2'].sort())
  const quoteTotal = async () => ((await app.inject('/v1/quotes')).json() as Json).page.total
  t.equal(await quoteTotal(), 22)
  t.equal(((await app.inject('/v1/search?q=dam')).json() as Json).page.total, 0, 'search finds nothing unpublished')
  isProblem(t, await app.inject('/v1/sources/engineer-2'), 404)

  // One millisecond before the embargo: still hidden; at the instant: public, no job needed.
  setNow('2026-03-01T17:59:59.999Z')
  isProblem(t, await app.inject('/v1/articles/write-story-2'), 404)
  setNow('2026-03-01T18:00:00.000Z')
  t.equal((await app.inject('/v1/articles/write-story-2')).statusCode, 200)
  t.same(await slugs(), ['write-story-2', SEED])
  t.equal(await quoteTotal(), 23)
  t.equal(((await app.inject('/v1/search?q=dam')).json() as Json).page.total, 2, 'the story and its quote')
  t.equal((await app.inject('/v1/sources/engineer-2')).statusCode, 200)

  // Publishing the draft makes it public at once.
  const read = await app.inject({ url: '/v1/articles/write-story-1', headers: w })
  const published = await app.inject({
    method: 'PATCH',
    url: '/v1/articles/write-story-1',
    headers: { ...w, 'if-match': read.headers.etag as string },
    payload: { status: 'published', publishedAt: '2026-03-01T18:30:00.000Z' },
  })
  t.equal(published.statusCode, 200)
  isProblem(t, await app.inject('/v1/articles/write-story-1'), 404)
  setNow('2026-03-01T18:30:00.000Z')
  t.equal((await app.inject('/v1/articles/write-story-1')).statusCode, 200)
  isProblem(
    t,
    await app.inject({
      method: 'PATCH',
      url: '/v1/articles/write-story-1',
      headers: { ...w, 'if-match': '*' },
      payload: { status: 'draft' },
    }),
    409,
  )
})

t.test('quotes: created by their words, refused when the story lacks them, changed and deleted with If-Match', async (t) => {
  const { app, w, r, db } = await setup(t)
  const created = await app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload: story(1) })
  const article = (created.json() as Json).data
  const post = (payload: Json, headers: Json = w) => app.inject({ method: 'POST', url: '/v1/quotes', headers, payload })
  const base = { article: article.slug, text: 'the river was rising', kind: 'paraphrase', source: 'engineer-1' }

  isProblem(t, await post(base, {}), 401)
  isProblem(t, await post(base, r), 403)
  isProblem(t, await post({ ...base, id: 'quo_x' }), 400)
  t.equal(isProblem(t, await post({ ...base, text: 'the river was falling' }), 422).errors[0].pointer, '/text')
  t.equal(isProblem(t, await post({ ...base, article: 'no-such-story' }), 422).errors[0].pointer, '/article')
  t.equal(isProblem(t, await post({ ...base, source: 'no-such-source' }), 422).errors[0].pointer, '/source')
  t.equal(isProblem(t, await post({ ...base, saidTo: 'no-such-author' }), 422).errors[0].pointer, '/saidTo')
  t.equal(isProblem(t, await post({ ...base, location: { block: 0 } }), 422).errors[0].pointer, '/location')
  const quotes = countRows(db, 'quotes')

  const res = await post({ ...base, saidTo: 'desk-reporter' }, { ...w, 'idempotency-key': 'q-1' })
  t.equal(res.statusCode, 201, res.body)
  const quote = (res.json() as Json).data
  t.same(quote.location, { block: 1, start: 15, end: 35 })
  t.equal(quote.saidTo.slug, 'desk-reporter')
  t.equal(res.headers.location, `/v1/quotes/${quote.id}`)
  t.equal((await post({ ...base, saidTo: 'desk-reporter' }, { ...w, 'idempotency-key': 'q-1' })).body, res.body)
  t.equal(countRows(db, 'quotes'), quotes + 1)
  const story1 = (await app.inject(`/v1/articles/${article.id}`)).json() as Json
  t.equal(story1.data.version, 2, "a quote write is a new version of its story")

  const patch = (id: string, headers: Json, payload: Json) => app.inject({ method: 'PATCH', url: `/v1/quotes/${id}`, headers, payload })
  isProblem(t, await patch(quote.id, w, { kind: 'direct' }), 428)
  isProblem(t, await patch(quote.id, { ...w, 'if-match': '"old"' }, { kind: 'direct' }), 412)
  isProblem(t, await patch(quote.id, { ...w, 'if-match': res.headers.etag as string }, { text: 'not in the story' }), 422)
  const changed = await patch(quote.id, { ...w, 'if-match': res.headers.etag as string }, { text: 'Officials said' })
  t.equal(changed.statusCode, 200, changed.body)
  t.same((changed.json() as Json).data.location, { block: 1, start: 0, end: 14 })
  t.equal((changed.json() as Json).data.version, 2)
  isProblem(t, await patch('quo_missing', { ...w, 'if-match': '*' }, { kind: 'direct' }), 404)

  isProblem(t, await app.inject({ method: 'DELETE', url: `/v1/quotes/${quote.id}`, headers: w }), 428)
  const gone = await app.inject({ method: 'DELETE', url: `/v1/quotes/${quote.id}`, headers: { ...w, 'if-match': changed.headers.etag as string } })
  t.equal(gone.statusCode, 204)
  isProblem(t, await app.inject(`/v1/quotes/${quote.id}`), 404)
  t.equal(countRows(db, 'quotes'), quotes)
})

t.test('writes are rate-limited per key: 429 problem with Retry-After', async (t) => {
  const db = testDb(t)
  const app = await buildApp({ db, rateLimitMax: 2, rateLimitWindowSeconds: 60 })
  t.teardown(() => app.close())
  const { secret } = createKey(db, 'Busy', ['write'])
  const w = { authorization: `Bearer ${secret}` }
  t.equal((await app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload: story(1) })).statusCode, 201)
  t.equal((await app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload: story(2) })).statusCode, 201)
  const limited = await app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload: story(3) })
  isProblem(t, limited, 429)
  t.match(limited.headers['retry-after'], /^\d+$/)
  t.equal(countRows(db, 'articles'), 3, 'the refused write wrote nothing')
  // Another key has its own allowance.
  const other = createKey(db, 'Calm', ['write'])
  const res = await app.inject({ method: 'POST', url: '/v1/articles', headers: { authorization: `Bearer ${other.secret}` }, payload: story(3) })
  t.equal(res.statusCode, 201)
})

t.test('a write the database cannot take now is a 503 with Retry-After, and nothing is half-written', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'byline-busy-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'byline.db')
  const db = openDb(file)
  migrateDb(db)
  seedDb(db)
  db.$client.pragma('busy_timeout = 50')
  const app = await buildApp({ db })
  t.teardown(async () => {
    await app.close()
    db.$client.close()
  })
  const { secret } = createKey(db, 'Writer', ['write'])
  const post = () => app.inject({ method: 'POST', url: '/v1/articles', headers: { authorization: `Bearer ${secret}` }, payload: story(1) })

  // Another process holds the write lock past busy_timeout.
  const other = openDb(file)
  other.$client.prepare('begin immediate').run()
  const res = await post()
  other.$client.prepare('rollback').run()
  other.$client.close()
  isProblem(t, res, 503)
  t.equal(res.headers['retry-after'], '1')
  t.equal(countRows(db, 'articles'), 1, 'nothing was written')
  t.equal((await post()).statusCode, 201, 'the retry goes through once the lock is free')
})

t.test('a refused or later-changed write leaves no stale memory of slugs behind', async (t) => {
  const { app, w } = await setup(t)
  const post = (payload: Json) => app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload })
  const twice = story(1, {
    authors: [
      { slug: 'dup-x', name: 'Dup X', role: 'reporter' },
      { slug: 'dup-x', name: 'Dup X', role: 'reporter' },
    ],
  })
  isProblem(t, await post(twice), 422)
  const ok = await post(story(1, { authors: [{ slug: 'dup-x', name: 'Dup X', role: 'reporter' }] }))
  t.equal(ok.statusCode, 201, 'the author the refused write rolled back is created now')

  const first = await post(story(2, { authors: [{ slug: 'alpha', name: 'Alpha', role: 'reporter' }] }))
  t.equal(first.statusCode, 201)
  const renamed = await app.inject({
    method: 'PATCH',
    url: '/v1/authors/alpha',
    headers: { ...w, 'if-match': '*' },
    payload: { slug: 'beta', name: 'Beta Two' },
  })
  t.equal(renamed.statusCode, 200, renamed.body)
  const next = await post(story(3, { authors: [{ slug: 'alpha', name: 'Alpha New', role: 'reporter' }] }))
  t.equal(next.statusCode, 201)
  t.match((next.json() as Json).data.authors, [{ slug: 'alpha', name: 'Alpha New' }], 'a new alpha, not the renamed beta')
})
