// @byline/client against a running server, over sockets, as a frontend or partner uses it.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { BylineError, createBylineClient, WebhookVerificationError, type BylineClient, type ChangeEvent } from '../clients/typescript/src/index.js'
import { clientTypes } from '../scripts/client-types.js'
import { buildApp, type AppOptions } from '../src/app.js'
import { createKey } from '../src/core/keys.js'
import { createImporter } from '../src/resources/articles/importer.js'
import { startWebhookWorker } from '../src/resources/webhooks/worker.js'
import { fixtureDocument, testDb } from './helper.js'
import { until } from './lib/until.js'
import { receiver, verifyStandardWebhook } from './lib/webhook-receiver.js'

const SEED = 'islamic-militant-threat-grows-in-pakistani-heartland'

t.test('the generated types are those of openapi.yaml as it stands', async (t) => {
  const stored = readFileSync(new URL('../clients/typescript/src/schema.ts', import.meta.url), 'utf8')
  t.ok(stored === (await clientTypes()), 'clients/typescript/src/schema.ts is current (run `npm run client:types`)')
})

t.test('the package builds for browsers: ESM with declarations, no Node types', async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'byline-client-'))
  t.teardown(() => rmSync(out, { recursive: true, force: true }))
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'clients/typescript', '--outDir', out])
  t.ok(existsSync(join(out, 'index.js')) && existsSync(join(out, 'index.d.ts')), 'index.js and index.d.ts')
})

t.test('list, all, get and errors against a running server', async (t) => {
  const db = testDb(t)
  createImporter(db).importBatch(Array.from({ length: 5 }, (_, i) => fixtureDocument(i + 1)))
  const app = await buildApp({ db })
  t.teardown(() => app.close())
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' })
  const byline = createBylineClient({ baseUrl })

  const page = await byline.articles.list({ limit: 2 })
  t.equal(page.data.length, 2)
  t.equal(page.page.total, 6, 'the seed and five fixtures')
  t.ok(page.page.nextCursor)
  const all: string[] = []
  for await (const article of byline.articles.all({ limit: 2 })) all.push(article.slug)
  t.equal(all.length, 6, 'all() follows the cursor over three pages')
  t.equal(new Set(all).size, 6, 'each story once')
  const one = await byline.articles.get('fixture-story-3')
  t.equal(one.data.slug, 'fixture-story-3')
  t.equal(one.data.quotes[0]?.text, 'Quote number 3 stands here')
  const ninjs = await byline.articles.get('fixture-story-3', { format: 'ninjs' })
  t.match(ninjs, { standard: { name: 'ninjs' }, uri: new RegExp(`/v1/articles/${one.data.id}$`) }, 'format: ninjs answers the IPTC item')
  t.match(await byline.articles.get('fixture-story-3', { format: 'jsonld' }), { '@type': 'NewsArticle' }, 'format: jsonld a NewsArticle')
  const unknown = await byline.articles.get('fixture-story-3', { format: 'xml' as never }).catch((err: unknown) => err)
  t.match(unknown, { name: 'BylineError', status: 406 }, 'a format the API lacks is its 406')

  const missing = await byline.articles.get('no-such-story').catch((err: unknown) => err)
  t.ok(missing instanceof BylineError, 'a 404 throws BylineError')
  t.match(missing, { status: 404, problem: { status: 404, title: 'Not Found' } })

  const locked = await buildApp({ db, readRequiresKey: true })
  t.teardown(() => locked.close())
  const lockedUrl = await locked.listen({ port: 0, host: '127.0.0.1' })
  const refused = await createBylineClient({ baseUrl: lockedUrl }).articles.list().catch((err: unknown) => err)
  t.match(refused, { name: 'BylineError', status: 401, problem: { status: 401 } }, 'a 401 carries the problem')
})

t.test('429 and 503 are retried after Retry-After, three times at most, or not at all', async (t) => {
  let answers = 0
  let busyFor = 2
  const server = createServer((req, res) => {
    answers++
    if (answers <= busyFor) {
      res.writeHead(answers % 2 ? 429 : 503, { 'retry-after': '0', 'content-type': 'application/problem+json' })
      res.end(JSON.stringify({ status: 429, title: 'Too Many Requests' }))
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ data: [], page: { limit: 20, nextCursor: null, total: 0 } }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => server.close())
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  t.same((await createBylineClient({ baseUrl }).articles.list()).data, [], 'answered after two refusals')
  t.equal(answers, 3)
  answers = 0
  busyFor = 10
  const gaveUp = await createBylineClient({ baseUrl }).articles.list().catch((err: unknown) => err)
  t.match(gaveUp, { name: 'BylineError' })
  t.equal(answers, 4, 'the first try and three retries')
  answers = 0
  const once = await createBylineClient({ baseUrl, retry: false }).articles.list().catch((err: unknown) => err)
  t.match(once, { status: 429 })
  t.equal(answers, 1, 'retry: false sends once')
})

t.test('writes as an editor makes them: a replayed create, an update after a compressed read, a stale ETag, a withdrawal', async (t) => {
  const db = testDb(t)
  const { secret } = createKey(db, 'Newsroom', ['write'])
  const app = await buildApp({ db })
  t.teardown(() => app.close())
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' })
  const byline = createBylineClient({ baseUrl, apiKey: secret })

  const doc = { ...fixtureDocument(7), slug: 'client-story' }
  const created = await byline.articles.create(doc as never, { idempotencyKey: 'client-create-1' })
  const replayed = await byline.articles.create(doc as never, { idempotencyKey: 'client-create-1' })
  t.equal(replayed.data.id, created.data.id, 'the replay answers the first create')
  t.equal(db.$client.prepare("select count(*) from articles where slug = 'client-story'").pluck().get(), 1, 'one story written')

  // The seed story is long enough that a fetch (which asks for br and gzip) reads it compressed.
  const read = await fetch(`${baseUrl}/v1/articles/${SEED}`, { headers: { authorization: `Bearer ${secret}` } })
  t.match(read.headers.get('content-encoding'), /^(br|gzip)$/, 'the read the client makes is compressed')
  const staleTag = read.headers.get('etag')!
  await read.arrayBuffer()
  const updated = await byline.articles.update(SEED, { headline: 'Edited from the client' })
  t.equal(updated.data.headline, 'Edited from the client', 'update reads the ETag itself and sends it as If-Match')
  const stale = await byline.articles.update(SEED, { headline: 'Too late' }, { etag: staleTag }).catch((err: unknown) => err)
  t.match(stale, { name: 'BylineError', status: 412 }, 'a stale ETag is a 412')
  t.equal((await byline.articles.get(SEED)).data.headline, 'Edited from the client')
  const revisions = await byline.articles.revisions(SEED)
  t.ok(revisions.data.length >= 2, `${revisions.data.length} revisions`)

  await byline.articles.withdraw('client-story')
  t.match(await byline.articles.get('client-story').catch((err: unknown) => err), { status: 410 }, 'withdrawn: 410 Gone')
})

/** The seed and five fixture stories behind a listening server; its write key. */
async function serve(t: Test, options: Partial<AppOptions> = {}) {
  const db = testDb(t)
  createImporter(db).importBatch(Array.from({ length: 5 }, (_, i) => fixtureDocument(i + 1)))
  const app = await buildApp({ db, ...options })
  t.teardown(() => app.close())
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' })
  return { db, app, baseUrl, writeKey: createKey(db, 'Newsroom', ['write']).secret }
}

/** What authors, sources, tags and quotes have alike, as the test below drives them. */
type Written = {
  list(query?: { limit?: number }): Promise<{ data: { id: string }[]; page: { total: number; nextCursor: string | null } }>
  all(query?: { limit?: number }): AsyncGenerator<{ id: string }>
  get(id: string): Promise<{ data: { id: string; version: number } }>
  create(doc: any, opts?: { idempotencyKey?: string }): Promise<{ data: { id: string; version: number } }>
  update(id: string, patch: any, opts?: { etag?: string }): Promise<{ data: { id: string; version: number } }>
  delete(id: string, opts?: { etag?: string }): Promise<void>
}

type Served = Awaited<ReturnType<typeof serve>>

/** One collection through the client: pages, a replayed create, an update, a stale ETag refused, a delete. */
async function exercise<C extends Written>(t: Test, { db, baseUrl, writeKey }: Served, name: string, c: C, doc: Parameters<C['create']>[0], patch: Parameters<C['update']>[1]) {
  const first = await c.list({ limit: 2 })
  t.equal(first.data.length, 2, 'a page of two')
  t.ok(first.page.nextCursor, 'with a cursor to the next')
  const ids: string[] = []
  for await (const item of c.all({ limit: 2 })) ids.push(item.id)
  t.ok(first.page.total > 4, `${first.page.total} ${name}: all() reads at least three pages`)
  t.equal(ids.length, first.page.total, 'all() follows the cursor to the end')
  t.equal(new Set(ids).size, ids.length, 'each one once')

  const rows = () => db.$client.prepare(`select count(*) from ${name}`).pluck().get() as number
  const before = rows()
  const created = await c.create(doc, { idempotencyKey: `client-${name}` })
  const replayed = await c.create(doc, { idempotencyKey: `client-${name}` })
  t.equal(replayed.data.id, created.data.id, 'the replay answers the first create')
  t.equal(rows(), before + 1, 'one written')
  const id = created.data.id
  t.equal((await c.get(id)).data.id, id, 'get reads it back')

  const read = await fetch(`${baseUrl}/v1/${name}/${id}`, { headers: { authorization: `Bearer ${writeKey}` } })
  const staleTag = read.headers.get('etag')
  await read.arrayBuffer()
  t.ok(staleTag, 'an ETag read before the update')
  const updated = await c.update(id, patch)
  t.match(updated.data, { ...patch, version: created.data.version + 1 }, 'update reads the ETag itself and sends it as If-Match')
  t.match((await c.get(id)).data, patch, 'the change is stored')
  t.match(await c.update(id, patch, { etag: staleTag! }).catch((err: unknown) => err), { name: 'BylineError', status: 412 }, 'a stale ETag: 412')
  t.match(await c.delete(id, { etag: staleTag! }).catch((err: unknown) => err), { name: 'BylineError', status: 412 }, 'a stale delete: 412')
  await c.delete(id)
  t.match(await c.get(id).catch((err: unknown) => err), { name: 'BylineError', status: 404 }, 'deleted: 404')
  t.equal(rows(), before, 'gone from the database')
}

t.test('authors, sources, tags and quotes: pages, a replayed create, an update, a stale ETag, a delete', async (t) => {
  const served = await serve(t)
  const byline = createBylineClient({ baseUrl: served.baseUrl, apiKey: served.writeKey })
  const author = { slug: 'client-author', name: 'Client Author', title: null, organization: null, location: null, bio: null }
  await t.test('authors', (t) => exercise(t, served, 'authors', byline.authors, author, { bio: 'Edited from the client' }))
  const source = { slug: 'client-source', name: null, description: 'a source the client made', kind: 'person', anonymous: true, affiliation: null } as const
  await t.test('sources', (t) => exercise(t, served, 'sources', byline.sources, source, { description: 'a source the client edited' }))
  await t.test('tags', (t) => exercise(t, served, 'tags', byline.tags, { slug: 'client-tag', name: 'Client tag', type: 'subject' }, { name: 'Edited tag' }))
  const quote = { article: 'fixture-story-1', text: 'A second paragraph', kind: 'paraphrase', source: 'fixture-official-1', saidTo: null, channel: null, cue: null } as const
  await t.test('quotes', (t) => exercise(t, served, 'quotes', byline.quotes, quote, { kind: 'partial' }))
})

t.test('what hangs off a story, an author, a source and a tag; search; corrections', async (t) => {
  const { baseUrl, writeKey } = await serve(t)
  const byline = createBylineClient({ baseUrl, apiKey: writeKey })

  const credited = await byline.authors.articles('fixture-reporter', { limit: 2 })
  t.same([credited.data.length, credited.page.total], [2, 5], "a page of the fixture reporter's five stories")
  t.same((await byline.sources.quotes('fixture-official-3')).data.map((q) => q.text), ['Quote number 3 stands here'])
  t.ok((await byline.tags.articles('punjab')).data.some((a) => a.slug === SEED), 'the seed story is tagged punjab')
  t.equal((await byline.articles.quotes(SEED, { limit: 5 })).page.total, 22, "the seed story's quotes")
  t.equal((await byline.articles.sources(SEED)).page.total, 13, 'and sources')
  t.ok((await byline.articles.authors(SEED)).data.length > 0, 'and authors')

  const hits = await byline.search('Punjab', { type: 'article' })
  t.same(
    hits.data.map((h) => [h.type, h.slug]),
    [['article', SEED]],
    'search finds the seed story',
  )
  t.same((await byline.search('nothingmatchesthis')).data, [], 'and nothing for a word no story has')

  t.same((await byline.corrections.list()).data, [], 'no corrections yet')
  await byline.articles.update(SEED, { standfirst: 'Clarified', correction: { kind: 'clarification', note: 'The standfirst was unclear.' } })
  const corrections = await byline.corrections.list({ limit: 5 })
  t.match(corrections, { data: [{ kind: 'clarification', note: 'The standfirst was unclear.' }], page: { total: 1 } }, 'a page of corrections')
  t.match((await byline.articles.corrections(SEED)).data, [{ id: corrections.data[0]!.id }], "and the story's own")
})

/** The feed's `nextToken` as it stands: where a follower starting now begins. */
async function feedEnd(byline: BylineClient): Promise<string> {
  let answer = await byline.changes.list({ limit: 1000 })
  while (answer.hasMore) answer = await byline.changes.list({ since: answer.nextToken, limit: 1000 })
  return answer.nextToken
}

/** Iterates `events` in the background; `created(id)` waits for article `id`'s creation among them. */
function consume(events: AsyncGenerator<ChangeEvent>) {
  const seen: ChangeEvent[] = []
  const done = (async () => {
    for await (const event of events) seen.push(event)
  })()
  const created = (id: string) => until(`article ${id} created`, () => seen.find((e) => e.resource === 'article' && e.type === 'created' && e.id === id))
  return { seen, done, created }
}

t.test('changes.follow long-polls, yields each event once, outlives a server restart and ends on abort', async (t) => {
  const { db, app: first, baseUrl, writeKey } = await serve(t)
  let app = first
  t.teardown(() => app.close())
  // What the follower's fetch met besides answers: refused connections, 503s while closing.
  const outages: string[] = []
  const fetchNoting: typeof fetch = async (input, init) => {
    const response = await fetch(input, init).catch((err: Error) => {
      outages.push(err.name)
      throw err
    })
    if (!response.ok) outages.push(String(response.status))
    return response
  }
  const byline = createBylineClient({ baseUrl, apiKey: writeKey })
  const since = await feedEnd(byline)
  const abort = new AbortController()
  // The default 30 s wait: the restart below answers the held poll at once.
  const follower = consume(createBylineClient({ baseUrl, fetch: fetchNoting }).changes.follow({ since, signal: abort.signal }))

  await until('the follower waits on the feed', () => app.changeWatcher.waiting === 1)
  const one = await byline.articles.create(fixtureDocument(11) as never)
  const yielded = await follower.created(one.data.id)
  t.ok(yielded.token, 'the event carries its token')
  t.same(outages, [], 'no outage yet')

  await app.close()
  app = await buildApp({ db })
  await app.listen({ port: Number(new URL(baseUrl).port), host: '127.0.0.1' })
  const two = await byline.articles.create(fixtureDocument(12) as never)
  await follower.created(two.data.id)
  t.ok(outages.length > 0, `the follower met the restart (${outages.join(', ')}) and went on`)

  const seqs = follower.seen.map((e) => e.seq)
  t.same(seqs, [...new Set(seqs)].sort((a, b) => a - b), `${seqs.length} events, each once, in order`)
  const expected = await byline.changes.list({ since, limit: 1000 })
  t.same(seqs, expected.data.map((e) => e.seq), 'every event after `since`, none missed')
  abort.abort()
  await follower.done
  t.pass('abort ends the iteration without an error')

  const patient = new AbortController()
  const holding = consume(byline.changes.follow({ since: expected.nextToken, signal: patient.signal }))
  await until('a follower with the default 30 s wait is held', () => app.changeWatcher.waiting === 1)
  const aborted = Date.now()
  patient.abort()
  await holding.done
  t.ok(Date.now() - aborted < 1000, 'abort ends a held long poll at once')
  await until('the server lets the held request go', () => app.changeWatcher.waiting === 0)
})

t.test("follow({ since: event.token }) resumes after that event, not at it", async (t) => {
  const { baseUrl } = await serve(t)
  const byline = createBylineClient({ baseUrl })
  const [a, b] = (await byline.changes.list({ limit: 2 })).data
  let taken: ChangeEvent | undefined
  for await (const event of byline.changes.follow({ wait: 1 })) {
    taken = event
    break
  }
  t.equal(taken?.seq, a!.seq, 'the first event of the feed')
  for await (const event of byline.changes.follow({ since: taken!.token, wait: 1 })) {
    t.equal(event.seq, b!.seq, 'resumed from its token: the next event')
    break
  }
  const failed = await byline.changes.follow({ since: 'not-a-token' }).next().catch((err: unknown) => err)
  t.match(failed, { name: 'BylineError', status: 400 }, 'a bad token is not retried: it throws')
})

t.test('webhooks: registered through the client, and a delivery Byline signed verified as a partner does', async (t) => {
  const { db, baseUrl, writeKey } = await serve(t, { allowPrivateWebhooks: true })
  const admin = createBylineClient({ baseUrl, apiKey: createKey(db, 'Ops', ['admin']).secret })
  const byline = createBylineClient({ baseUrl, apiKey: writeKey })
  const rcv = await receiver(t)
  const hook = await admin.webhooks.create({ url: `${rcv.url}/hooks/byline`, events: ['article.created'] })
  const secret = hook.data.secret!
  t.match(secret, /^whsec_/, 'the secret, shown once')
  t.same((await admin.webhooks.list()).data.map((w) => w.id), [hook.data.id], 'listed')
  t.equal((await admin.webhooks.get(hook.data.id)).data.url, `${rcv.url}/hooks/byline`)
  const worker = startWebhookWorker({ db, allowPrivate: true, pollIntervalMs: 100 })
  t.teardown(() => worker.stop())

  const story = await byline.articles.create(fixtureDocument(21) as never)
  const { headers, body } = await rcv.next()
  t.match(JSON.parse(body), { type: 'article.created', data: { id: story.data.id } }, 'the delivery is of the new story')
  t.equal(await byline.webhooks.verify(secret, headers, body), true, 'verified')
  await until('the delivery is recorded', async () => (await admin.webhooks.deliveries(hook.data.id)).data.some((d) => d.status === 'delivered'))

  const now = new Date()
  /** Our verdict: 'valid', or what the WebhookVerificationError's message says failed. */
  const ours = (h: typeof headers | Headers, b: string | Uint8Array, opts: { secret?: string; now?: Date } = {}) =>
    byline.webhooks.verify(opts.secret ?? secret, h, b, { now: opts.now ?? now }).then(
      (valid) => (valid === true ? 'valid' : `resolved ${String(valid)}`),
      (err: unknown) => (err instanceof WebhookVerificationError ? err.message.split(':')[0] : `threw ${String(err)}`),
    )
  const otherSecret = `whsec_${btoa('another secret, 32 bytes long...')}`
  const later = new Date(now.getTime() + 10 * 60_000)
  const changed = body.replace(story.data.id, 'art_00000000000000000000000000')
  const unsigned = { ...headers, 'webhook-signature': undefined }
  const cases = [
    ['as delivered', await ours(headers, body), verifyStandardWebhook(secret, headers, body, now.getTime() / 1000), 'valid'],
    ['a changed body', await ours(headers, changed), verifyStandardWebhook(secret, headers, changed, now.getTime() / 1000), 'no matching signature'],
    ['another secret', await ours(headers, body, { secret: otherSecret }), verifyStandardWebhook(otherSecret, headers, body, now.getTime() / 1000), 'no matching signature'],
    ['ten minutes later', await ours(headers, body, { now: later }), verifyStandardWebhook(secret, headers, body, later.getTime() / 1000), 'timestamp outside tolerance'],
    ['no signature', await ours(unsigned, body), verifyStandardWebhook(secret, unsigned, body, now.getTime() / 1000), 'missing headers'],
  ]
  for (const [name, verdict, reference, expected] of cases) t.same([verdict, reference], [expected, expected], `${name}: ${expected}, as the reference verifier says`)

  const fetchHeaders = new Headers(Object.entries(headers).filter((e): e is [string, string] => typeof e[1] === 'string'))
  t.equal(await ours(fetchHeaders, body), 'valid', 'a fetch Headers')
  t.equal(await ours(Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v])), body), 'valid', 'names in any case')
  t.equal(await ours(headers, new TextEncoder().encode(body)), 'valid', 'the body as bytes')
  const signature = headers['webhook-signature'] as string
  const forged = `v1,${btoa('x'.repeat(32))}`
  t.equal(await ours({ ...headers, 'webhook-signature': `${forged} ${signature}` }, body), 'valid', 'any v1 entry may match')
  t.equal(await ours({ ...headers, 'webhook-signature': forged }, body), 'no matching signature', 'but one must')

  await admin.webhooks.delete(hook.data.id)
  t.match(await admin.webhooks.get(hook.data.id).catch((err: unknown) => err), { name: 'BylineError', status: 404 }, 'deleted')
})
