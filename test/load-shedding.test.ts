import t from 'tap'
import { buildApp } from '../src/app.js'
import { createKey } from '../src/core/keys.js'
import { testDb, type Json } from './helper.js'

/** Blocks the event loop, as a slow synchronous query would. */
const block = (ms: number) => {
  const end = Date.now() + ms
  while (Date.now() < end);
}

t.test('an event loop that falls behind sheds new requests with a 503 problem; health says why', async (t) => {
  const app = await buildApp({ db: testDb(t), shedding: { maxEventLoopDelayMs: 50, maxEventLoopUtilization: 0 } })
  t.teardown(() => app.close())
  await app.ready()
  const calm = (await app.inject('/health')).json() as Json
  t.match(calm, { status: 'ok', pressure: { underPressure: false } })

  // Keep the loop busy across a sampling interval (500 ms), in slices, as overload does.
  const deadline = Date.now() + 1500
  while (Date.now() < deadline) {
    block(150)
    await new Promise((r) => setImmediate(r))
  }
  const shed = await app.inject('/v1/articles')
  t.equal(shed.statusCode, 503)
  t.match(shed.headers['content-type'], /^application\/problem\+json/)
  t.equal(shed.headers['retry-after'], '2')
  t.match(shed.json(), { status: 503, title: 'Service Unavailable' })
  const health = await app.inject('/health')
  t.equal(health.statusCode, 200, '/health is never shed')
  t.match(health.json(), { pressure: { underPressure: true } })
  t.ok((health.json() as Json).pressure.eventLoopDelayMs > 50)
  const ready = await app.inject('/ready')
  t.equal(ready.statusCode, 503, '/ready tells the balancer to look elsewhere')

  // Idle again: the next samples are calm and requests are served.
  await new Promise((r) => setTimeout(r, 1200))
  t.equal((await app.inject('/v1/articles')).statusCode, 200, 'recovers without a restart')
  t.equal((await app.inject('/ready')).statusCode, 200)
})

t.test('under pressure, readers are shed but the newsroom still publishes', async (t) => {
  const db = testDb(t)
  const app = await buildApp({ db, shedding: { maxEventLoopDelayMs: 50, maxEventLoopUtilization: 0 } })
  t.teardown(() => app.close())
  await app.ready()
  const writer = { authorization: `Bearer ${createKey(db, 'Desk', ['write']).secret}` }
  const deadline = Date.now() + 1500
  while (Date.now() < deadline) {
    block(150)
    await new Promise((r) => setImmediate(r))
  }
  t.equal((await app.inject('/v1/articles')).statusCode, 503, 'a read is shed')
  t.equal((await app.inject({ url: '/v1/articles', headers: writer })).statusCode, 503, "a write key's read is shed too")
  const created = await app.inject({
    method: 'POST',
    url: '/v1/tags',
    headers: writer,
    payload: { slug: 'breaking', name: 'Breaking', type: 'subject' },
  })
  t.equal(created.statusCode, 201, 'a write is not shed')
  const etag = created.headers.etag as string
  const changed = await app.inject({
    method: 'PATCH',
    url: '/v1/tags/breaking',
    headers: { ...writer, 'if-match': etag },
    payload: { name: 'Breaking news' },
  })
  t.equal(changed.statusCode, 200, 'nor is an edit')
  t.equal((await app.inject({ method: 'POST', url: '/v1/tags', payload: {} })).statusCode, 401, 'a write without a key is refused, not served')
  t.match((await app.inject('/health')).json(), { pressure: { underPressure: true } }, 'all while the loop is behind')
})

t.test('without shedding configured, health has no pressure section', async (t) => {
  const app = await buildApp({ db: testDb(t) })
  t.teardown(() => app.close())
  t.same((await app.inject('/health')).json(), { status: 'ok' })
})

t.test('a loop blocked for a whole sample: health still answers, with no delay figure', async (t) => {
  const app = await buildApp({ db: testDb(t), shedding: { maxEventLoopDelayMs: 50, maxEventLoopUtilization: 0 } })
  t.teardown(() => app.close())
  await app.ready()
  // One block longer than two sampling intervals: a sample passes with no measurement.
  block(1200)
  await new Promise((r) => setImmediate(r))
  block(1200)
  await new Promise((r) => setTimeout(r, 20))
  const health = await app.inject('/health')
  t.equal(health.statusCode, 200, 'not a 500 from serializing Infinity')
  const delay = (health.json() as Json).pressure.eventLoopDelayMs
  t.ok(delay === null || delay > 50, `eventLoopDelayMs is ${delay}`)
})
