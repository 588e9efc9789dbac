// A load balancer often shares an address with traffic, and probes through caches: health
// and readiness must answer it live whatever that address has spent.
import t from 'tap'
import { buildApp } from '../src/app.js'
import { testDb } from './helper.js'

const ALWAYS = ['/health', '/ready', '/openapi.json', '/docs', '/docs/', '/docs/json', '/docs/static/swagger-ui.css']

t.test('health, readiness and the docs are never rate-limited', async (t) => {
  const app = await buildApp({ db: testDb(t), rateLimitMax: 3 })
  t.teardown(() => app.close())
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  const codes: number[] = []
  for (let i = 0; i < 4; i++) {
    const res = await fetch(`${url}/v1/tags/lahore`)
    await res.arrayBuffer()
    codes.push(res.status)
  }
  t.same(codes, [200, 200, 200, 429], 'the caller has spent its bucket')
  for (const path of ALWAYS) {
    // Twice over the limit, so these are not merely free of charge once.
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${url}${path}`)
      await res.arrayBuffer()
      if (res.status !== 200) {
        t.fail(`${path}: ${res.status}`)
        break
      }
      if (i === 5) t.pass(`${path}: 200 past the limit`)
    }
  }
  const after = await fetch(`${url}/v1/tags/lahore`)
  t.equal(after.status, 429, 'the rest of the API is still limited')
  await after.arrayBuffer()

  const { paths } = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: Record<string, { get: { responses: object } }> }
  for (const path of ['/health', '/ready']) t.notOk('429' in paths[path]!.get.responses, `the contract promises no 429 on ${path}`)
  t.ok('429' in paths['/v1/tags/{idOrSlug}']!.get.responses, 'and keeps it elsewhere')
})

t.test('health and readiness are never stored by a cache', async (t) => {
  const app = await buildApp({ db: testDb(t) })
  t.teardown(() => app.close())
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  for (const path of ['/health', '/ready']) {
    const res = await fetch(`${url}${path}`)
    t.equal(res.status, 200, path)
    t.equal(res.headers.get('cache-control'), 'no-store', `${path}: no-store`)
    await res.arrayBuffer()
    const head = await fetch(`${url}${path}`, { method: 'HEAD' })
    t.equal(head.headers.get('cache-control'), 'no-store', `${path}: HEAD too`)
  }
  const docs = await fetch(`${url}/openapi.json`)
  t.match(docs.headers.get('cache-control'), /^public/, 'the contract stays cacheable')
  await docs.arrayBuffer()
})
