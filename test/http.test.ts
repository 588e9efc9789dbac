import t from 'tap'
import { buildApp } from '../src/app.js'
import { build, testDb } from './helper.js'

t.test('unknown routes are 404 problems', async (t) => {
  const app = await build(t)
  for (const path of ['/', '/v1', '/v1/nothing', '/v2/articles', '/v1/articles/x/y/z']) {
    const res = await app.inject(path)
    t.equal(res.statusCode, 404, path)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.match(res.json(), { type: 'about:blank', title: 'Not Found', status: 404, instance: path })
  }
})

t.test('a known path with the wrong method is a 405 problem with Allow', async (t) => {
  const app = await build(t)
  for (const [method, path, allow] of <const>[
    ['PUT', '/v1/articles', 'GET, HEAD, POST'],
    ['DELETE', '/v1/articles', 'GET, HEAD, POST'],
    ['POST', '/v1/articles/some-slug', 'DELETE, GET, HEAD, PATCH'],
    ['PUT', '/v1/quotes/quo_x', 'DELETE, GET, HEAD, PATCH'],
    ['POST', '/v1/corrections', 'GET, HEAD'],
    ['PATCH', '/health', 'GET, HEAD'],
  ]) {
    const res = await app.inject({ method, url: path })
    t.equal(res.statusCode, 405, `${method} ${path}`)
    t.equal(res.headers.allow, allow)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.match(res.json(), { status: 405, title: 'Method Not Allowed', detail: new RegExp(method) })
  }
})

t.test('HEAD answers like GET without a body', async (t) => {
  const app = await build(t)
  const res = await app.inject({ method: 'HEAD', url: '/v1/articles' })
  t.equal(res.statusCode, 200)
  t.equal(res.body, '')
})

t.test('hostile paths never reach a 500', async (t) => {
  const app = await build(t)
  for (const path of [
    '/v1/articles/%00',
    '/v1/articles/..%2f..%2fetc%2fpasswd',
    '/v1/articles/%E0%A4%A',
    `/v1/articles/${'a'.repeat(201)}`,
    `/v1/articles/${'a'.repeat(5000)}`,
    "/v1/articles/' or 1=1 --",
    '/v1/sources/%F0%9F%92%A9',
    '/v1/quotes/%uD800',
    '/v1/articles?limit=%00',
    '/v1/articles?cursor[]=x',
    '/v1/articles?__proto__[x]=1',
  ]) {
    const res = await app.inject(path)
    t.ok(res.statusCode >= 400 && res.statusCode < 500, `${path.slice(0, 60)} → ${res.statusCode}`)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.equal(res.json().status, res.statusCode)
  }
})

t.test('CORS: any origin by default, a list when configured', async (t) => {
  const open = await build(t)
  const res = await open.inject({ url: '/v1/articles', headers: { origin: 'https://news.example' } })
  t.equal(res.headers['access-control-allow-origin'], '*')
  const preflight = await open.inject({
    method: 'OPTIONS',
    url: '/v1/articles',
    headers: { origin: 'https://news.example', 'access-control-request-method': 'GET' },
  })
  t.equal(preflight.statusCode, 204)
  t.match(preflight.headers['access-control-allow-methods'], /GET/)

  const closed = await buildApp({ db: testDb(t), corsOrigins: ['https://news.example'] })
  t.teardown(() => closed.close())
  const allowed = await closed.inject({ url: '/v1/articles', headers: { origin: 'https://news.example' } })
  t.equal(allowed.headers['access-control-allow-origin'], 'https://news.example')
  const denied = await closed.inject({ url: '/v1/articles', headers: { origin: 'https://evil.example' } })
  t.equal(denied.headers['access-control-allow-origin'], undefined)
})

t.test('request ids: a plain client id is echoed, anything else replaced', async (t) => {
  const app = await build(t)
  const kept = await app.inject({ url: '/health', headers: { 'x-request-id': 'abc-123' } })
  t.equal(kept.headers['x-request-id'], 'abc-123')
  const replaced = await app.inject({ url: '/health', headers: { 'x-request-id': 'x'.repeat(500) } })
  t.match(replaced.headers['x-request-id'], /^[0-9a-f-]{36}$/)
})

t.test('health and readiness', async (t) => {
  const db = testDb(t)
  const app = await build(t, db)
  t.same((await app.inject('/health')).json(), { status: 'ok' })
  t.same((await app.inject('/ready')).json(), { status: 'ready' })
  db.$client.close()
  const res = await app.inject('/ready')
  t.equal(res.statusCode, 503)
  t.equal(res.headers['retry-after'], '5')
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  t.same((await app.inject('/health')).json(), { status: 'ok' }, 'the process is still up')
})

t.test('a failure inside a handler is a bare 500 problem, details only in the log', async (t) => {
  const db = testDb(t)
  const app = await build(t, db)
  db.$client.close()
  const res = await app.inject('/v1/articles')
  t.equal(res.statusCode, 500)
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  t.same(res.json(), { type: 'about:blank', title: 'Internal Server Error', status: 500, instance: '/v1/articles' })
  t.notMatch(res.body, /database|sqlite|stack/i)
})
