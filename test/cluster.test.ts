// WORKERS=2 as `npm start` runs it: a primary and two HTTP workers on one port and one file.
// Clients are Node's fetch on fresh connections (the primary hands each connection to a
// worker in turn); processes are killed with real signals.
import { existsSync, statSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import t, { type Test } from 'tap'
import { createKey } from '../src/core/keys.js'
import { openDb } from '../src/db/client.js'
import { fixtureDocument, type Json } from './helper.js'
import { until } from './lib/until.js'
import { prepareDatabase, startServer, type Server } from './lib/server-process.js'
import { receiver } from './lib/webhook-receiver.js'

const fresh = { connection: 'close' }

/** The pids that answered requests, from the access log every worker writes. */
const answeredBy = (server: Server) => new Set(server.log.filter((e) => e.msg === 'request completed').map((e) => e.pid as number))
const primaryOf = (server: Server) => server.log.find((e) => e.role === 'primary')?.pid as number | undefined

function start(t: Test, name: string) {
  const { path, secret } = prepareDatabase(t, name)
  return { path, secret, server: startServer(t, { DATABASE_PATH: path, WORKERS: '2', ALLOW_PRIVATE_WEBHOOKS: 'true' }) }
}

t.test('two workers serve one port, and a write through one is read through the other', async (t) => {
  const { secret, server: starting } = start(t, 'cluster-serve')
  const server = await starting
  const auth = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }
  const slug = 'islamic-militant-threat-grows-in-pakistani-heartland'
  // Both workers listen once each has logged it.
  await until('two workers listening', () => server.log.filter((e) => /Server listening/.test(String(e.msg))).length >= 2 || undefined)
  for (let i = 0; i < 8; i++) await (await fetch(`${server.url}/v1/articles/${slug}`, { headers: fresh })).arrayBuffer()
  const workers = answeredBy(server)
  t.equal(workers.size, 2, 'requests were answered by two processes')
  t.notOk(workers.has(primaryOf(server)!), 'the primary answers none')

  const read = await fetch(`${server.url}/v1/articles/${slug}`, { headers: { ...auth, ...fresh } })
  const etag = read.headers.get('etag')!
  await read.arrayBuffer()
  const edited = await fetch(`${server.url}/v1/articles/${slug}`, {
    method: 'PATCH',
    headers: { ...auth, ...fresh, 'if-match': etag },
    body: JSON.stringify({ headline: 'Edited through one worker' }),
  })
  t.equal(edited.status, 200)
  await edited.arrayBuffer()
  const headlines = new Set<string>()
  for (let i = 0; i < 8; i++) {
    headlines.add(((await (await fetch(`${server.url}/v1/articles/${slug}`, { headers: fresh })).json()) as Json).data.headline)
  }
  t.same([...headlines], ['Edited through one worker'], 'every worker serves the edit at once, from cache or not')
})

t.test('a client meets one rate limit, whichever worker answers it', async (t) => {
  const { path } = prepareDatabase(t, 'cluster-rate')
  const server = await startServer(t, { DATABASE_PATH: path, WORKERS: '2', RATE_LIMIT_MAX: '10', RATE_LIMIT_WINDOW_SECONDS: '60' })
  await until('two workers listening', () => server.log.filter((e) => /Server listening/.test(String(e.msg))).length >= 2 || undefined)
  const statuses: number[] = []
  const remaining: string[] = []
  for (let i = 0; i < 24; i++) {
    const res = await fetch(`${server.url}/v1/articles?limit=1`, { headers: fresh })
    statuses.push(res.status)
    remaining.push(res.headers.get('ratelimit-remaining') ?? '')
    await res.arrayBuffer()
  }
  t.equal(answeredBy(server).size, 2, 'the requests were spread over both workers')
  t.same(statuses.slice(0, 10), Array(10).fill(200), 'the first 10 answered')
  t.same(statuses.slice(10), Array(14).fill(429), 'every one past RATE_LIMIT_MAX refused, on either worker')
  t.same(remaining.slice(0, 10), ['9', '8', '7', '6', '5', '4', '3', '2', '1', '0'], 'one count, as the client sees it in RateLimit-Remaining')
})

t.test('a worker that dies is replaced; SIGTERM drains every worker and folds the WAL once', async (t) => {
  const { path, secret, server: starting } = start(t, 'cluster-lifecycle')
  const server = await starting
  await until('two workers listening', () => server.log.filter((e) => /Server listening/.test(String(e.msg))).length >= 2 || undefined)
  for (let i = 0; i < 8; i++) await (await fetch(`${server.url}/health`, { headers: fresh })).arrayBuffer()
  for (let i = 0; i < 8; i++) await (await fetch(`${server.url}/v1/articles`, { headers: fresh })).arrayBuffer()
  const [victim] = [...answeredBy(server)]
  process.kill(victim!, 'SIGKILL')
  await until('the primary to see the death', () => server.log.some((e) => e.msg === 'a worker died; starting another' && e.worker === victim) || undefined)
  const replaced = await until('three workers seen listening', () => server.log.filter((e) => /Server listening/.test(String(e.msg))).length >= 3 || undefined)
  t.ok(replaced, 'the primary started another worker')
  for (let i = 0; i < 8; i++) t.equal((await fetch(`${server.url}/v1/articles`, { headers: fresh })).status, 200, `request ${i} answered after the kill`)

  // Writes in flight at the signal are answered and kept.
  const auth = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }
  const writes = Array.from({ length: 10 }, (_, i) =>
    fetch(`${server.url}/v1/articles`, { method: 'POST', headers: { ...auth, ...fresh }, body: JSON.stringify(fixtureDocument(100 + i)) })
      .then((res) => res.status)
      .catch(() => 0),
  )
  await sleep(20)
  server.child.kill('SIGTERM')
  const statuses = await Promise.all(writes)
  const exit = await server.exited
  t.same(exit, { code: 0, signal: null }, 'the primary exits 0')
  const acknowledged = statuses.filter((s) => s === 201).length
  t.ok(statuses.every((s) => s === 201 || s === 503 || s === 0), `every write answered 201, or refused whole (${statuses.join(' ')})`)
  const db = openDb(path)
  t.teardown(() => db.$client.close())
  const stored = db.$client.prepare("select count(*) from articles where slug like 'fixture-story-1__'").pluck().get() as number
  t.ok(stored >= acknowledged, `${acknowledged} acknowledged, ${stored} stored`)
  t.ok(!existsSync(`${path}-wal`) || statSync(`${path}-wal`).size === 0, 'the WAL was folded into the database file')
  const shutdowns = server.log.filter((e) => e.msg === 'shutting down')
  t.equal(shutdowns.length, 3, 'the primary and both workers shut down')
})

t.test('webhook delivery runs in one process, and moves within seconds when that process is killed', async (t) => {
  const { path, secret, server: starting } = start(t, 'cluster-lease')
  const db = openDb(path)
  t.teardown(() => db.$client.close())
  const admin = createKey(db, 'Ops', ['admin']).secret
  const partner = await receiver(t)
  const server = await starting
  await until('two workers listening', () => server.log.filter((e) => /Server listening/.test(String(e.msg))).length >= 2 || undefined)
  const hook = await fetch(`${server.url}/v1/webhooks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url: `${partner.url}/hooks`, events: ['article.created'] }),
  })
  t.equal(hook.status, 201)
  await hook.arrayBuffer()
  const holder = () => db.$client.prepare("select holder from leases where name = 'webhooks' and expires_at > ?").pluck().get(Date.now()) as string | undefined
  const first = await until('a lease holder', holder)
  t.equal(server.log.filter((e) => e.msg === 'webhooks: running in this process').length, 1, 'one process delivers')

  const auth = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }
  // A connection handed to a worker as it dies fails: the newsroom's client retries with
  // the same Idempotency-Key, as a careful client does, and the story is written once.
  const publish = async (n: number) => {
    const request = { method: 'POST', headers: { ...auth, ...fresh, 'idempotency-key': `cluster-${n}` }, body: JSON.stringify(fixtureDocument(n)) }
    const res = await until(`story ${n} sent`, () => fetch(`${server.url}/v1/articles`, request).catch(() => undefined))
    t.equal(res.status, 201, `story ${n} published`)
    return ((await res.json()) as Json).data.id as string
  }
  const delivered = () => new Set(partner.received.map((r) => (JSON.parse(r.body) as Json).data?.id as string))
  const before = await publish(1)
  await until('the first delivery', () => delivered().has(before) || undefined)

  process.kill(Number(first.split(':')[1]), 'SIGKILL')
  const killedAt = Date.now()
  const after = [await publish(2), await publish(3)]
  const second = await until('another holder', () => {
    const h = holder()
    return h !== undefined && h !== first ? h : undefined
  })
  await until('the deliveries after the kill', () => after.every((id) => delivered().has(id)) || undefined)
  t.ok(Date.now() - killedAt < 10_000, `delivery resumed ${Date.now() - killedAt} ms after the kill`)
  t.not(second.split(':')[1], first.split(':')[1], 'a different process holds the lease')
  const ids = partner.received.map((r) => r.headers['webhook-id'])
  t.equal(new Set(ids).size, ids.length, 'no event was delivered twice')
})
