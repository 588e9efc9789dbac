import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { Response } from 'undici'
import { z } from 'zod'
import { buildApp } from '../../src/app.js'
import { createKey } from '../../src/core/keys.js'
import { changesToken, eventsWritten } from '../../src/core/events.js'
import { openDb, type Db } from '../../src/db/client.js'
import { migrateDb } from '../../src/db/migrate.js'
import { newId } from '../../src/core/ids.js'
import { list } from '../../src/core/contract.js'
import { createWebhook } from '../../src/resources/webhooks/queries.js'
import { WebhookDelivery } from '../../src/resources/webhooks/schemas.js'
import { generateSecret, secretKey, sign } from '../../src/resources/webhooks/signing.js'
import { forbiddenReason, registrationProblem } from '../../src/resources/webhooks/ssrf.js'
import { BACKOFF_MS, startWebhookWorker, type AttemptOutcome, type WebhookWorkerOptions } from '../../src/resources/webhooks/worker.js'
import { testDb, type Json } from '../helper.js'
import { receiver, verifyStandardWebhook } from '../lib/webhook-receiver.js'

const T0 = '2026-03-01T12:00:00.000Z'

async function setup(t: Test, db: Db = testDb(t)) {
  const app = await buildApp({ db, clock: () => new Date(T0) })
  t.teardown(() => app.close())
  await app.ready()
  const auth = (secret: string) => ({ authorization: `Bearer ${secret}` })
  return {
    db,
    app,
    admin: auth(createKey(db, 'Ops', ['admin']).secret),
    writer: auth(createKey(db, 'Newsroom', ['write']).secret),
  }
}

/** A webhook stored directly, past the registration check (which refuses 127.0.0.1). */
function hook(db: Db, url: string, events = ['*'], secret = generateSecret()) {
  const res = createWebhook(db, { url, events: events as ['*'], secret }, new Date(T0), null, (id) => `/v1/webhooks/${id}`)
  const { data } = JSON.parse(res.body!) as { data: { id: string; secret: string } }
  return { id: data.id, secret: data.secret }
}

let seq = 0
/** An event and its delivery, queued as reconcile queues them (inside a write). */
function queue(db: Db, webhookId: string, { due = T0, at = T0, resource = 'article', type = 'created' } = {}) {
  const resourceId = `art_fixture${++seq}`
  const event = db.$client
    .prepare('insert into events (type, resource, resource_id, version, at) values (?, ?, ?, 1, ?)')
    .run(type, resource, resourceId, at)
  const id = newId('msg')
  db.$client
    .prepare(
      `insert into webhook_deliveries (id, webhook_id, event_seq, status, attempts, next_attempt_at, created_at)
       values (?, ?, ?, 'pending', 0, ?, ?)`,
    )
    .run(id, webhookId, Number(event.lastInsertRowid), due, at)
  return { id, seq: Number(event.lastInsertRowid), resourceId }
}

type DeliveryRow = { status: string; attempts: number; last_status: number | null; last_error: string | null; next_attempt_at: string; delivered_at: string | null }
const delivery = (db: Db, id: string) => db.$client.prepare('select * from webhook_deliveries where id = ?').get(id) as DeliveryRow

/** A worker whose attempts can be awaited one by one; stopped when the test ends. */
function worker(t: Test, options: Partial<WebhookWorkerOptions> & { db: Db }) {
  const seen: AttemptOutcome[] = []
  const waiting: ((o: AttemptOutcome) => void)[] = []
  const w = startWebhookWorker({
    allowPrivate: true,
    pollIntervalMs: 60_000,
    ...options,
    onAttempt: (o) => {
      const waiter = waiting.shift()
      if (waiter) waiter(o)
      else seen.push(o)
    },
  })
  t.teardown(() => w.stop())
  return {
    ...w,
    next: () => new Promise<AttemptOutcome>((resolve) => (seen.length > 0 ? resolve(seen.shift()!) : waiting.push(resolve))),
    async take(n: number) {
      const out: AttemptOutcome[] = []
      for (let i = 0; i < n; i++) out.push(await this.next())
      return out
    },
  }
}

t.test('registration: admin only; the secret is shown once', async (t) => {
  const { app, admin, writer } = await setup(t)
  const body = { url: 'https://partner.example/hooks/byline', events: ['article.created', 'article.withdrawn'] }

  const anonymous = await app.inject({ method: 'POST', url: '/v1/webhooks', payload: body })
  t.equal(anonymous.statusCode, 401)
  t.match(anonymous.headers['www-authenticate'], /^Bearer/)
  const forbidden = await app.inject({ method: 'POST', url: '/v1/webhooks', headers: writer, payload: body })
  t.equal(forbidden.statusCode, 403)
  t.match(forbidden.headers['content-type'], /^application\/problem\+json/)
  t.equal((await app.inject({ url: '/v1/webhooks', headers: writer })).statusCode, 403, 'the list is admin-only too')
  t.equal((await app.inject({ url: '/v1/webhooks' })).statusCode, 401)

  const res = await app.inject({ method: 'POST', url: '/v1/webhooks', headers: admin, payload: body })
  t.equal(res.statusCode, 201, res.body)
  t.match(res.headers['content-type'], /^application\/json/)
  const { data } = res.json() as Json
  t.match(data.id, /^whk_[0-9a-z]{26}$/)
  t.equal(res.headers.location, `/v1/webhooks/${data.id}`)
  t.same(data, { id: data.id, url: body.url, events: body.events, createdAt: T0, secret: data.secret })
  t.match(data.secret, /^whsec_[A-Za-z0-9+/]{43}=$/, '32 random bytes, base64')
  t.equal(res.headers['cache-control'], 'no-store')
  t.equal(secretKey(data.secret)?.length, 32)

  const given = `whsec_${Buffer.alloc(24, 7).toString('base64')}`
  const own = await app.inject({ method: 'POST', url: '/v1/webhooks', headers: admin, payload: { ...body, events: ['*'], secret: given } })
  t.equal(own.statusCode, 201, own.body)
  t.equal(own.json().data.secret, given, 'a secret the partner chose is kept')

  // Reads never show a secret.
  const one = await app.inject({ url: `/v1/webhooks/${data.id}`, headers: admin })
  t.equal(one.statusCode, 200)
  t.same(one.json(), { data: { id: data.id, url: body.url, events: body.events, createdAt: T0 } })
  const all = await app.inject({ url: '/v1/webhooks', headers: admin })
  t.equal(all.statusCode, 200)
  // Both were made in the same millisecond: the id orders them.
  const ids = [data.id as string, own.json().data.id as string].sort()
  t.same(all.json().data.map((w: Json) => w.id), ids)
  t.same(all.json().page, { limit: 20, nextCursor: null, total: 2 })
  for (const r of [one, all]) {
    t.notMatch(r.body, /whsec_|secret/, 'no secret in reads')
    t.equal(r.headers['cache-control'], 'no-store', 'nor any copy kept')
  }
  const paged = await app.inject({ url: '/v1/webhooks?limit=1', headers: admin })
  const second = await app.inject({ url: `/v1/webhooks?limit=1&cursor=${paged.json().page.nextCursor}`, headers: admin })
  t.same([...paged.json().data, ...second.json().data].map((w: Json) => w.id), ids)
  t.equal(second.json().page.nextCursor, null)

  // Delete: 204, then it is gone.
  const del = await app.inject({ method: 'DELETE', url: `/v1/webhooks/${data.id}`, headers: admin })
  t.equal(del.statusCode, 204)
  t.equal(del.body, '')
  for (const url of [`/v1/webhooks/${data.id}`, `/v1/webhooks/${data.id}/deliveries`]) {
    const gone = await app.inject({ url, headers: admin })
    t.equal(gone.statusCode, 404, url)
    t.match(gone.headers['content-type'], /^application\/problem\+json/)
  }
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/webhooks/${data.id}`, headers: admin })).statusCode, 404)
  t.same((await app.inject({ url: '/v1/webhooks', headers: admin })).json().page.total, 1)
})

t.test('a replayed registration never shows the secret again, not even after a delete', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'byline-webhooks-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'byline.db')
  const db = openDb(file)
  migrateDb(db)
  t.teardown(() => db.$client.close())
  const app = await buildApp({ db, clock: () => new Date(T0) })
  t.teardown(() => app.close())
  await app.listen({ host: '127.0.0.1', port: 0 })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/v1`
  const admin = { authorization: `Bearer ${createKey(db, 'Ops', ['admin']).secret}` }
  const register = (key: string, body: Json) =>
    fetch(`${base}/webhooks`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    })
  const generated = { url: 'https://partner.example/hooks/byline', events: ['article.created'] }
  const chosen = { url: 'https://partner.example/hooks/other', events: ['*'], secret: `whsec_${Buffer.alloc(32, 9).toString('base64')}` }

  const first = await register('hook-1', generated)
  t.equal(first.status, 201)
  const created = ((await first.json()) as Json).data
  t.match(created.secret, /^whsec_/, 'the first answer shows the secret')
  const own = await register('hook-2', chosen)
  t.equal(own.status, 201)
  t.equal(((await own.json()) as Json).data.secret, chosen.secret)

  const replayed = async (key: string, body: Json) => {
    const res = await register(key, body)
    t.equal(res.status, 201, `${key} replays its 201`)
    t.equal(res.headers.get('idempotent-replayed'), 'true')
    const data = ((await res.json()) as Json).data
    t.equal(res.headers.get('location'), `/v1/webhooks/${data.id}`)
    return data
  }
  t.same(await replayed('hook-1', generated), { ...created, secret: null }, 'a replay is the first answer without its secret')
  t.equal((await replayed('hook-2', chosen)).secret, null, 'a secret the partner chose is not echoed either')

  const del = await fetch(`${base}/webhooks/${created.id}`, { method: 'DELETE', headers: admin })
  t.equal(del.status, 204)
  t.same(await replayed('hook-1', generated), { ...created, secret: null }, 'nor after the webhook is deleted')

  // What is kept for replays, read from the file by another connection.
  const reader = openDb(file)
  t.teardown(() => reader.$client.close())
  const kept = reader.$client.prepare('select * from idempotency_keys').all() as Json[]
  t.equal(kept.length, 2, 'both registrations are remembered')
  for (const row of kept) {
    const text = JSON.stringify(row)
    t.notOk(text.includes(created.secret) || text.includes(chosen.secret) || text.includes('whsec_'), `no secret kept under ${row.key}`)
  }
})

t.test('registration refuses bad URLs, events and secrets', async (t) => {
  const { app, admin } = await setup(t)
  const post = (payload: Json) => app.inject({ method: 'POST', url: '/v1/webhooks', headers: admin, payload })
  const ok = { url: 'https://partner.example/hook', events: ['*'] }

  const invalid: [string, Json][] = [
    ['ftp URL', { ...ok, url: 'ftp://partner.example/hook' }],
    ['javascript URL', { ...ok, url: 'javascript:alert(1)' }],
    ['file URL', { ...ok, url: 'file:///etc/passwd' }],
    ['relative URL', { ...ok, url: '/hook' }],
    ['credentials in the URL', { ...ok, url: 'https://user:pass@partner.example/hook' }],
    ['a URL over 2048 characters', { ...ok, url: `https://partner.example/${'a'.repeat(2048)}` }],
    ['unknown event', { ...ok, events: ['article.exploded'] }],
    ['an event the feed never sends', { ...ok, events: ['article.deleted'] }],
    ['no events', { ...ok, events: [] }],
    ['no URL', { events: ['*'] }],
    ['an unknown field', { ...ok, retries: 3 }],
    ['a secret without the prefix', { ...ok, secret: Buffer.alloc(32).toString('base64') }],
    ['a secret under 24 bytes', { ...ok, secret: `whsec_${Buffer.alloc(16).toString('base64')}` }],
    ['a secret over 64 bytes', { ...ok, secret: `whsec_${Buffer.alloc(65).toString('base64')}` }],
    ['a secret that is not base64', { ...ok, secret: `whsec_${'!'.repeat(40)}` }],
  ]
  for (const [name, payload] of invalid) {
    const res = await post(payload)
    t.equal(res.statusCode, 400, `${name}: ${res.body}`)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.match(res.json(), { status: 400, errors: [{ in: 'body' }] }, name)
  }

  // Well-formed, but naming a place inside the network.
  for (const url of [
    'http://127.0.0.1:8080/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/hook',
    'http://[::ffff:10.0.0.1]/hook',
    'http://10.1.2.3/hook',
    'http://192.168.0.10/hook',
    'http://localhost:3000/hook',
    'http://2130706433/hook',
  ]) {
    const res = await post({ ...ok, url })
    t.equal(res.statusCode, 422, `${url}: ${res.body}`)
    t.match(res.json(), { status: 422, errors: [{ in: 'body', pointer: '/url' }] })
  }
  t.equal((await app.inject({ url: '/v1/webhooks', headers: admin })).json().page.total, 0, 'nothing was stored')
})

t.test('a delivery reaches a real endpoint, signed as Standard Webhooks says', async (t) => {
  const db = testDb(t)
  const endpoint = await receiver(t)
  const { id: webhookId, secret } = hook(db, `${endpoint.url}/hooks/byline?partner=1`)
  const queued = queue(db, webhookId, { at: '2026-02-28T09:30:00.000Z', due: new Date().toISOString() })
  const w = worker(t, { db })

  const [outcome] = await w.take(1)
  const req = endpoint.received[0]!
  t.equal(req.method, 'POST')
  t.equal(req.path, '/hooks/byline?partner=1')
  t.match(req.headers['content-type'], /^application\/json/)
  t.equal(req.headers['webhook-id'], queued.id, 'webhook-id is the delivery id')
  t.match(req.headers['webhook-timestamp'], /^\d{10}$/)
  t.match(req.headers['webhook-signature'], /^v1,[A-Za-z0-9+/]{43}=$/)
  t.equal(verifyStandardWebhook(secret, req.headers, req.body, Math.floor(Date.now() / 1000)), 'valid')
  t.equal(verifyStandardWebhook(generateSecret(), req.headers, req.body, Math.floor(Date.now() / 1000)), 'no matching signature', 'another secret fails')
  t.equal(verifyStandardWebhook(secret, req.headers, `${req.body} `, Math.floor(Date.now() / 1000)), 'no matching signature', 'a changed body fails')
  t.equal(verifyStandardWebhook(secret, req.headers, req.body, Math.floor(Date.now() / 1000) + 600), 'timestamp outside tolerance')

  t.same(JSON.parse(req.body), {
    type: 'article.created',
    timestamp: '2026-02-28T09:30:00.000Z',
    data: {
      seq: queued.seq,
      type: 'created',
      resource: 'article',
      id: queued.resourceId,
      version: 1,
      at: '2026-02-28T09:30:00.000Z',
      surrogateKeys: [queued.resourceId, 'articles', 'embeds'],
      token: changesToken(queued.seq),
    },
  })
  t.match(outcome, { deliveryId: queued.id, attempt: 1, status: 'delivered', httpStatus: 204, error: null })
  t.match(delivery(db, queued.id), { status: 'delivered', attempts: 1, last_status: 204, last_error: null })
  t.ok(delivery(db, queued.id).delivered_at)

  // The same bytes our signer produces; the spec's own test vector checks the algorithm.
  t.equal(
    sign('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}'),
    'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
  )
})

t.test('failures are retried with backoff until a 2xx; the id and body stay, the timestamp moves', async (t) => {
  const db = testDb(t)
  let answers = [500, 500, 200]
  const endpoint = await receiver(t, (_r, res) => res.writeHead(answers.shift() ?? 200).end('nope'))
  const { id: webhookId, secret } = hook(db, endpoint.url)
  const queued = queue(db, webhookId)
  let now = new Date(T0)
  const w = worker(t, { db, clock: () => now, random: () => 0.5 })

  const first = await w.next()
  t.match(first, { attempt: 1, status: 'pending', httpStatus: 500, error: 'HTTP 500' })
  t.equal(first.nextAttemptAt, new Date(now.getTime() + BACKOFF_MS[0]!).toISOString(), '5 s after the first failure')
  t.match(delivery(db, queued.id), { status: 'pending', attempts: 1, last_status: 500, last_error: 'HTTP 500' })

  // Not due yet: a wake-up sends nothing.
  now = new Date(now.getTime() + 4_000)
  w.wake()
  now = new Date(Date.parse(T0) + 5_000)
  w.wake()
  const second = await w.next()
  t.match(second, { attempt: 2, status: 'pending', httpStatus: 500 })
  t.equal(second.nextAttemptAt, new Date(now.getTime() + BACKOFF_MS[1]!).toISOString(), '30 s after the second')
  now = new Date(second.nextAttemptAt!)
  w.wake()
  const third = await w.next()
  t.match(third, { attempt: 3, status: 'delivered', httpStatus: 200, error: null, nextAttemptAt: null })
  t.match(delivery(db, queued.id), { status: 'delivered', attempts: 3, last_status: 200, last_error: null, delivered_at: now.toISOString() })

  t.equal(endpoint.received.length, 3)
  const [a, b, c] = endpoint.received
  t.equal(new Set(endpoint.received.map((r) => r.headers['webhook-id'])).size, 1, 'one webhook-id across retries')
  t.equal(new Set(endpoint.received.map((r) => r.body)).size, 1, 'one body across retries')
  t.same(
    [a, b, c].map((r) => Number(r!.headers['webhook-timestamp'])),
    [0, 5, 35].map((s) => Date.parse(T0) / 1000 + s),
    'each attempt is stamped with its own time',
  )
  for (const r of endpoint.received) t.equal(verifyStandardWebhook(secret, r.headers, r.body, Number(r.headers['webhook-timestamp'])), 'valid')
})

t.test('backoff is jittered, and a delivery gives up after the last attempt', async (t) => {
  const db = testDb(t)
  const endpoint = await receiver(t, (_r, res) => res.writeHead(503).end())
  const { id: webhookId } = hook(db, endpoint.url)
  const queued = queue(db, webhookId)
  let now = new Date(T0)
  const w = worker(t, { db, clock: () => now, random: () => 0, maxAttempts: 3 })
  const first = await w.next()
  t.equal(first.nextAttemptAt, new Date(Date.parse(T0) + BACKOFF_MS[0]! * 0.8).toISOString(), 'jitter takes up to 20% off')
  now = new Date(first.nextAttemptAt!)
  w.wake()
  const second = await w.next()
  now = new Date(second.nextAttemptAt!)
  w.wake()
  const third = await w.next()
  t.match(third, { attempt: 3, status: 'failed', httpStatus: 503, nextAttemptAt: null })
  t.match(delivery(db, queued.id), { status: 'failed', attempts: 3, last_status: 503, last_error: 'HTTP 503', delivered_at: null })
  now = new Date(Date.parse(T0) + 86_400_000)
  w.wake()
  await w.stop()
  t.equal(endpoint.received.length, 3, 'nothing more is sent')
})

t.test('a redirect is not followed: it is a failed attempt', async (t) => {
  const db = testDb(t)
  const target = await receiver(t)
  const endpoint = await receiver(t, (_r, res) => res.writeHead(302, { location: `${target.url}/elsewhere` }).end())
  const { id: webhookId } = hook(db, endpoint.url)
  const queued = queue(db, webhookId)
  const w = worker(t, { db, clock: () => new Date(T0) })
  const outcome = await w.next()
  t.match(outcome, { status: 'pending', httpStatus: 302, error: 'HTTP 302: redirects are not followed' })
  t.match(delivery(db, queued.id), { status: 'pending', attempts: 1, last_status: 302 })
  t.equal(endpoint.received.length, 1)
  t.equal(target.received.length, 0, 'the redirect target never hears of it')
})

t.test('an endpoint that does not answer times out', async (t) => {
  const db = testDb(t)
  const endpoint = await receiver(t, () => {})
  const { id: webhookId } = hook(db, endpoint.url)
  const queued = queue(db, webhookId)
  const w = worker(t, { db, clock: () => new Date(T0), timeoutMs: 200 })
  t.match(await w.next(), { status: 'pending', httpStatus: null, error: 'No response within 0.2 s.' })
  t.match(delivery(db, queued.id), { attempts: 1, last_status: null, last_error: 'No response within 0.2 s.' })
})

t.test('SSRF: without ALLOW_PRIVATE_WEBHOOKS, private addresses are refused when connecting', async (t) => {
  const db = testDb(t)
  const endpoint = await receiver(t)
  const cases: [string, RegExp][] = [
    [`${endpoint.url}/hook`, /^127\.0\.0\.1 is a loopback address; refused$/],
    [`http://localhost:${endpoint.port}/hook`, /^localhost resolves to (127\.0\.0\.1|::1), a loopback address; refused$/],
    ['http://169.254.169.254/latest/meta-data/', /^169\.254\.169\.254 is a link-local address/],
    [`http://[::1]:${endpoint.port}/hook`, /^::1 is a loopback address; refused$/],
    [`http://[::ffff:127.0.0.1]:${endpoint.port}/hook`, /loopback address \(as IPv4 127\.0\.0\.1\); refused$/],
    [`http://0.0.0.0:${endpoint.port}/hook`, /^0\.0\.0\.0 is a "this network" address; refused$/],
  ]
  const ids = new Map(cases.map(([url, why]) => [queue(db, hook(db, url).id).id, { url, why }]))
  const w = worker(t, { db, allowPrivate: false, clock: () => new Date(T0) })
  for (const outcome of await w.take(cases.length)) {
    const { url, why } = ids.get(outcome.deliveryId)!
    t.match(outcome, { status: 'pending', httpStatus: null, error: why }, url)
    t.match(delivery(db, outcome.deliveryId).last_error, why)
  }
  t.equal(endpoint.received.length, 0, 'no request reached the endpoint')
})

t.test('forbidden addresses, and registration-time checks', async (t) => {
  const forbidden = [
    '0.0.0.0', '10.0.0.1', '100.64.0.1', '127.0.0.1', '127.255.255.254', '169.254.169.254', '172.16.0.1', '172.31.255.255',
    '192.168.1.1', '192.0.2.1', '198.18.0.1', '224.0.0.1', '239.255.255.250', '255.255.255.255', '240.0.0.1',
    '::', '::1', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'fe80::1%eth0', 'ff02::1', '::ffff:127.0.0.1', '::ffff:a9fe:a9fe',
    '::ffff:10.0.0.1', '64:ff9b::a00:1', '2002:7f00:1::', '2001:db8::1', '::127.0.0.1', '100::1',
  ]
  for (const address of forbidden) t.ok(forbiddenReason(address), `${address} is refused: ${forbiddenReason(address)}`)
  const allowed = ['8.8.8.8', '93.184.216.34', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::']
  for (const address of allowed) t.equal(forbiddenReason(address), undefined, `${address} is allowed`)
  // With private addresses allowed, link-local and metadata ones (however written) are still refused.
  const metadata = ['169.254.169.254', '169.254.0.1', '100.100.100.200', 'fd00:ec2::254', 'fe80::1', 'febf::1', '::ffff:169.254.169.254', '64:ff9b::a9fe:a9fe', '2002:a9fe:a9fe::', '::169.254.169.254']
  for (const address of metadata) t.ok(forbiddenReason(address, true), `${address} is refused even so: ${forbiddenReason(address, true)}`)
  for (const address of ['127.0.0.1', '10.0.0.1', '192.168.1.1', '100.64.0.1', '::1', 'fd00::1', 'fd00:ec2::253', 'fec0::1', ...allowed]) {
    t.equal(forbiddenReason(address, true), undefined, `${address} is allowed as private`)
  }
  t.match(registrationProblem(new URL('http://[fd00:ec2::254]/'), true), /cloud metadata/)
  t.equal(registrationProblem(new URL('http://api.localhost/'), true), undefined)
  t.equal(registrationProblem(new URL('https://partner.example/hook')), undefined)
  t.match(registrationProblem(new URL('http://[fd00::5]/')), /unique local/)
  t.match(registrationProblem(new URL('http://api.localhost/')), /loopback name/)
})

t.test('the connect-time lookup judges every address a name resolves to', async (t) => {
  const answers: Record<string, { address: string; family: number }[] | Error> = {
    'partner.example': [{ address: '93.184.216.34', family: 4 }, { address: '2606:2800:220:1::1', family: 6 }],
    'rebind.example': [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.5', family: 4 }],
    'empty.example': [],
    'nxdomain.example': Object.assign(new Error('getaddrinfo ENOTFOUND nxdomain.example'), { code: 'ENOTFOUND' }),
  }
  const { guardedLookup } = await t.mockImport<typeof import('../../src/resources/webhooks/ssrf.js')>('../../src/resources/webhooks/ssrf.js', {
    'node:dns': {
      lookup: (host: string, options: { all?: boolean }, cb: (err: Error | null, a?: unknown) => void) => {
        t.equal(options.all, true, 'every address is asked for')
        const answer = answers[host]!
        if (answer instanceof Error) cb(answer)
        else cb(null, answer)
      },
    },
  })
  const lookup = (host: string, all: boolean) =>
    new Promise<{ err: (Error & { code?: string }) | null; rest: unknown[] }>((resolve) =>
      guardedLookup(host, { all }, (err: Error | null, ...rest: unknown[]) => resolve({ err, rest })),
    )
  t.same(await lookup('partner.example', true), { err: null, rest: [answers['partner.example']] }, 'all addresses when Node races families')
  t.same(await lookup('partner.example', false), { err: null, rest: ['93.184.216.34', 4] }, 'the first otherwise')
  const rebind = await lookup('rebind.example', true)
  t.match(rebind.err, { name: 'ForbiddenAddressError', message: 'rebind.example resolves to 10.0.0.5, a private address; refused' }, 'one bad address is enough')
  t.match((await lookup('empty.example', false)).err, { code: 'ENOTFOUND' })
  t.match((await lookup('nxdomain.example', false)).err, { code: 'ENOTFOUND' })
})

// Where a cloud's metadata service answers (and hands out the machine's credentials).
const METADATA_URLS = [
  'http://169.254.169.254/latest/meta-data/',
  'http://169.254.0.23/',
  'http://[fd00:ec2::254]/latest/meta-data/',
  'http://[fe80::1]/hook',
  'http://[::ffff:169.254.169.254]/',
  'http://[::ffff:a9fe:a9fe]/',
  'http://100.100.100.200/latest/meta-data/',
]

t.test('ALLOW_PRIVATE_WEBHOOKS still refuses link-local and cloud metadata addresses at registration', async (t) => {
  const db = testDb(t)
  const app = await buildApp({ db, clock: () => new Date(T0), allowPrivateWebhooks: true })
  t.teardown(() => app.close())
  const admin = { authorization: `Bearer ${createKey(db, 'Ops', ['admin']).secret}` }
  const post = (url: string) => app.inject({ method: 'POST', url: '/v1/webhooks', headers: admin, payload: { url, events: ['*'] } })
  for (const url of METADATA_URLS) {
    const res = await post(url)
    t.equal(res.statusCode, 422, `${url}: ${res.body}`)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.match(res.json(), { status: 422, errors: [{ in: 'body', pointer: '/url', detail: /link-local|metadata/ }] }, url)
  }
  t.equal((await app.inject({ url: '/v1/webhooks', headers: admin })).json().page.total, 0, 'nothing was stored')
  for (const url of ['http://127.0.0.1:8080/hook', 'http://10.1.2.3/hook', 'http://[fd00::5]/hook', 'http://localhost:3000/hook']) {
    t.equal((await post(url)).statusCode, 201, `${url} is private, and allowed`)
  }
})

t.test('ALLOW_PRIVATE_WEBHOOKS still refuses link-local and cloud metadata addresses when connecting', async (t) => {
  const db = testDb(t)
  const endpoint = await receiver(t)
  const refused = new Map(METADATA_URLS.map((url) => [queue(db, hook(db, url).id).id, url]))
  const local = queue(db, hook(db, `${endpoint.url}/hook`).id)
  // Long enough that a connection really attempted would end as a timeout, not a refusal.
  const w = worker(t, { db, allowPrivate: true, clock: () => new Date(T0), timeoutMs: 3_000 })
  for (const outcome of await w.take(refused.size + 1)) {
    if (outcome.deliveryId === local.id) {
      t.match(outcome, { status: 'delivered' }, 'a loopback endpoint is still reached')
      continue
    }
    const url = refused.get(outcome.deliveryId)!
    t.match(outcome, { status: 'pending', httpStatus: null, error: /^\S+ is a (link-local|cloud metadata) address.*; refused$/ }, url)
  }
  t.equal(endpoint.received.length, 1)
})

t.test('ALLOW_PRIVATE_WEBHOOKS still refuses a name that resolves to a metadata address', async (t) => {
  const db = testDb(t)
  const endpoint = await receiver(t)
  const answers: Record<string, { address: string; family: number }[]> = {
    'metadata.google.internal': [{ address: '169.254.169.254', family: 4 }],
    'instance-data.example': [{ address: '127.0.0.1', family: 4 }, { address: 'fd00:ec2::254', family: 6 }],
    'partner.internal': [{ address: '127.0.0.1', family: 4 }],
  }
  const ssrf = await t.mockImport<typeof import('../../src/resources/webhooks/ssrf.js')>('../../src/resources/webhooks/ssrf.js', {
    'node:dns': {
      lookup: (host: string, _options: unknown, cb: (err: Error | null, a?: unknown) => void) => cb(null, answers[host] ?? []),
    },
  })
  const { startWebhookWorker } = await t.mockImport<typeof import('../../src/resources/webhooks/worker.js')>('../../src/resources/webhooks/worker.js', {
    '../../src/resources/webhooks/ssrf.js': ssrf,
  })
  const metadata = queue(db, hook(db, `http://metadata.google.internal:${endpoint.port}/computeMetadata/v1/`).id)
  const mixed = queue(db, hook(db, `http://instance-data.example:${endpoint.port}/`).id)
  const local = queue(db, hook(db, `http://partner.internal:${endpoint.port}/hook`).id)
  const outcomes = new Map<string, AttemptOutcome>()
  const all = new Promise<void>((resolve) => {
    const w = startWebhookWorker({
      db,
      allowPrivate: true,
      clock: () => new Date(T0),
      pollIntervalMs: 60_000,
      timeoutMs: 3_000,
      onAttempt: (o) => {
        outcomes.set(o.deliveryId, o)
        if (outcomes.size === 3) resolve()
      },
    })
    t.teardown(() => w.stop())
  })
  await all
  t.match(outcomes.get(metadata.id), {
    status: 'pending',
    error: 'metadata.google.internal resolves to 169.254.169.254, a link-local address (cloud metadata lives here); refused',
  })
  t.match(outcomes.get(mixed.id), { status: 'pending', error: /^instance-data\.example resolves to fd00:ec2::254, a cloud metadata address.*; refused$/ })
  t.match(outcomes.get(local.id), { status: 'delivered' }, 'a name resolving to loopback is still reached')
  t.equal(endpoint.received.length, 1)
})

t.test('a refused connection and a vanished event are recorded', async (t) => {
  const db = testDb(t)
  const endpoint = await receiver(t)
  const closed = endpoint.port
  await new Promise<void>((resolve) => endpoint.close(resolve))
  const refused = queue(db, hook(db, `http://127.0.0.1:${closed}/`).id)
  const orphan = queue(db, hook(db, 'https://partner.example/').id)
  db.$client.prepare('delete from events where seq = ?').run(orphan.seq)
  const w = worker(t, { db, clock: () => new Date(T0) })
  const outcomes = new Map((await w.take(2)).map((o) => [o.deliveryId, o]))
  t.match(outcomes.get(refused.id), { status: 'pending', httpStatus: null, error: /^ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:\d+$/ })
  t.match(outcomes.get(orphan.id), { status: 'failed', error: 'The event no longer exists.' }, 'nothing to send: given up at once')
})

t.test('deleting a webhook cancels what it had queued', async (t) => {
  const { db, app, admin } = await setup(t)
  const endpoint = await receiver(t)
  const { id: webhookId } = hook(db, endpoint.url)
  const queued = queue(db, webhookId)
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/webhooks/${webhookId}`, headers: admin })).statusCode, 204)
  t.match(delivery(db, queued.id), { status: 'failed', last_error: 'The webhook was deleted.' })
  const w = worker(t, { db, clock: () => new Date(T0) })
  w.wake()
  await w.stop()
  t.equal(endpoint.received.length, 0)
  t.equal((db.$client.prepare('select secret from webhooks where id = ?').get(webhookId) as { secret: string }).secret, '', 'its secret is forgotten')
})

t.test('the delivery log: newest first, paginated, exactly its schema', async (t) => {
  const { db, app, admin } = await setup(t)
  const { id: webhookId } = hook(db, 'https://partner.example/hook')
  const other = hook(db, 'https://other.example/hook')
  const queued = [1, 2, 3].map((n) => queue(db, webhookId, { at: `2026-03-01T12:00:0${n}.000Z`, resource: 'tag', type: 'updated' }))
  queue(db, other.id)
  db.$client.prepare(`update webhook_deliveries set status = 'delivered', attempts = 1, last_status = 200, delivered_at = ? where id = ?`).run(T0, queued[0]!.id)

  const first = await app.inject({ url: `/v1/webhooks/${webhookId}/deliveries?limit=2`, headers: admin })
  t.equal(first.statusCode, 200, first.body)
  const schema = list(WebhookDelivery, '')
  const parsed = schema.safeParse(first.json())
  t.ok(parsed.success, parsed.error?.message ?? 'parses')
  t.same(JSON.parse(JSON.stringify(z.encode(schema, parsed.data!))), first.json(), 'no extra fields')
  const body = first.json() as Json
  t.same(body.data.map((d: Json) => d.id), [queued[2]!.id, queued[1]!.id])
  t.same(body.data[0], {
    id: queued[2]!.id,
    eventSeq: queued[2]!.seq,
    event: 'tag.updated',
    status: 'pending',
    attempts: 0,
    lastStatus: null,
    lastError: null,
    nextAttemptAt: T0,
    createdAt: '2026-03-01T12:00:03.000Z',
    deliveredAt: null,
  })
  t.equal(body.page.total, 3)
  const rest = (await app.inject({ url: `/v1/webhooks/${webhookId}/deliveries?limit=2&cursor=${body.page.nextCursor}`, headers: admin })).json() as Json
  t.same(rest.data.map((d: Json) => d.id), [queued[0]!.id])
  t.match(rest.data[0], { status: 'delivered', attempts: 1, lastStatus: 200, nextAttemptAt: null, deliveredAt: T0 })
  t.equal(rest.page.nextCursor, null)
  const bad = await app.inject({ url: `/v1/webhooks/${webhookId}/deliveries?cursor=nonsense`, headers: admin })
  t.equal(bad.statusCode, 400)
})

t.test('stop() lets the attempt in flight finish; a new worker on the same file sends the rest', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'byline-webhooks-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'byline.db')
  const first = openDb(file)
  migrateDb(first)
  const release: (() => void)[] = []
  const endpoint = await receiver(t, (_r, res) => release.push(() => res.writeHead(200).end()))
  const { id: webhookId } = hook(first, endpoint.url)
  const a = queue(first, webhookId)
  const b = queue(first, webhookId, { due: '2026-03-01T12:00:01.000Z' })

  const w1 = worker(t, { db: first, clock: () => new Date(T0) })
  await endpoint.next()
  let stopped = false
  const stopping = w1.stop().then(() => (stopped = true))
  await new Promise((resolve) => setImmediate(resolve))
  t.notOk(stopped, 'stop waits for the attempt in flight')
  release.shift()!()
  await stopping
  t.match(delivery(first, a.id), { status: 'delivered', attempts: 1 }, 'and records it')
  t.match(delivery(first, b.id), { status: 'pending', attempts: 0 })
  first.$client.close()

  // As after a restart: a new process, the same file.
  const second = openDb(file)
  t.teardown(() => second.$client.close())
  const w2 = worker(t, { db: second, clock: () => new Date('2026-03-01T12:00:05.000Z') })
  const req = await endpoint.next()
  t.equal(req.headers['webhook-id'], b.id)
  release.shift()!()
  t.match(await w2.next(), { deliveryId: b.id, status: 'delivered' })
  t.equal(endpoint.received.length, 2)
})

t.test('two workers on one database never send the same delivery twice', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'byline-webhooks-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'byline.db')
  const one = openDb(file)
  migrateDb(one)
  const two = openDb(file)
  t.teardown(() => {
    one.$client.close()
    two.$client.close()
  })
  const endpoint = await receiver(t)
  const queued = Array.from({ length: 8 }, (_, i) => hook(one, `${endpoint.url}/${i}`)).flatMap((h) => [queue(one, h.id), queue(one, h.id)])
  const w1 = worker(t, { db: one, clock: () => new Date(T0) })
  const w2 = worker(t, { db: two, clock: () => new Date(T0) })
  let done = 0
  const all = new Promise<void>((resolve) => {
    const count = () => void (++done === queued.length && resolve())
    for (const w of [w1, w2]) void (async () => { while (done < queued.length) { await w.next(); count() } })()
  })
  w1.wake()
  w2.wake()
  await all
  const ids = endpoint.received.map((r) => r.headers['webhook-id'])
  t.equal(ids.length, queued.length)
  t.same(new Set(ids), new Set(queued.map((q) => q.id)), 'each exactly once')
  await Promise.all([w1.stop(), w2.stop()])
})

t.test('a worker wakes when events are written, without waiting for its poll', async (t) => {
  const db = testDb(t)
  const endpoint = await receiver(t)
  const { id: webhookId } = hook(db, endpoint.url)
  const w = worker(t, { db, clock: () => new Date(T0), pollIntervalMs: 3_600_000 })
  await new Promise((resolve) => setImmediate(resolve))
  const queued = queue(db, webhookId)
  eventsWritten.emit('events')
  t.match(await w.next(), { deliveryId: queued.id, status: 'delivered' })
})

t.test('end to end: a story created over the API is delivered as article.created', async (t) => {
  const { db, app, admin, writer } = await setup(t)
  const created = await app.inject({
    method: 'POST',
    url: '/v1/webhooks',
    headers: admin,
    payload: { url: 'https://partner.example/hooks/byline', events: ['article.created'] },
  })
  t.equal(created.statusCode, 201, created.body)
  const { id: webhookId, secret } = created.json().data as { id: string; secret: string }

  const story = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: writer,
    payload: {
      slug: 'webhook-story',
      headline: 'Webhook story',
      language: 'en',
      status: 'published',
      publishedAt: '2026-02-01T00:00:00.000Z',
      body: [{ type: 'paragraph', text: 'The river rose overnight.' }],
      authors: [{ slug: 'desk-reporter', name: 'Desk Reporter', role: 'reporter' }],
    },
  })
  t.equal(story.statusCode, 201, story.body)
  const articleId = story.json().data.id as string

  const log = (await app.inject({ url: `/v1/webhooks/${webhookId}/deliveries?limit=100`, headers: admin })).json() as Json
  t.ok(log.data.length >= 1, 'the write queued a delivery')
  t.ok(log.data.every((d: Json) => d.event === 'article.created' && d.status === 'pending'), 'only article.created, pending')

  // Sent through an injected fetch: partner.example does not exist.
  const sent: { url: string; headers: Record<string, string>; body: string }[] = []
  const w = worker(t, {
    db,
    allowPrivate: false,
    clock: () => new Date(T0),
    fetchImpl: async (url, init) => {
      sent.push({ url: String(url), headers: init!.headers as Record<string, string>, body: String(init!.body) })
      return new Response(null, { status: 204 })
    },
  })
  await w.take(log.data.length)
  const mine = sent.find((s) => JSON.parse(s.body).data.id === articleId)
  t.ok(mine, 'the new story was delivered')
  t.equal(mine?.url, 'https://partner.example/hooks/byline')
  t.match(JSON.parse(mine!.body), { type: 'article.created', data: { resource: 'article', type: 'created', id: articleId, version: 1 } })
  t.equal(verifyStandardWebhook(secret, mine!.headers, mine!.body, Date.parse(T0) / 1000), 'valid')
  const after = (await app.inject({ url: `/v1/webhooks/${webhookId}/deliveries?limit=100`, headers: admin })).json() as Json
  t.ok(after.data.every((d: Json) => d.status === 'delivered' && d.attempts === 1 && d.lastStatus === 204))
})

t.test('ALLOW_PRIVATE_WEBHOOKS is a boolean setting, off by default', async (t) => {
  const { loadConfig } = await import('../../src/config.js')
  t.equal(loadConfig({}).allowPrivateWebhooks, false)
  t.equal(loadConfig({ ALLOW_PRIVATE_WEBHOOKS: 'true' }).allowPrivateWebhooks, true)
  t.throws(() => loadConfig({ ALLOW_PRIVATE_WEBHOOKS: 'yes' }), /ALLOW_PRIVATE_WEBHOOKS/)
})
