import t from 'tap'
import { buildApp } from '../src/app.js'
import { createKey } from '../src/core/keys.js'
import { testDb, type Json } from './helper.js'

type Operation = { method: string; path: string }

/** Every operation the contract says needs the write scope, with its path filled in. */
async function writeOperations(app: Awaited<ReturnType<typeof buildApp>>): Promise<Operation[]> {
  const doc = (await app.inject('/openapi.json')).json() as Json
  const ops: Operation[] = []
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!JSON.stringify(op.security ?? []).includes('write')) continue
      ops.push({ method: method.toUpperCase(), path: path.replace('{idOrSlug}', 'some-slug').replace('{id}', 'quo_x').replace('{number}', '1') })
    }
  }
  return ops
}

t.test('every write-scoped route: 401 without a key, 403 with a read key, 429 past the limit', async (t) => {
  const db = testDb(t)
  const app = await buildApp({ db, rateLimitMax: 1, rateLimitWindowSeconds: 60 })
  t.teardown(() => app.close())
  const ops = await writeOperations(app)
  t.equal(ops.length, 18, "15 writes and 3 revision reads need the write scope")
  for (const { method, path } of ops) {
    const name = `${method} ${path}`
    const inject = (headers: Record<string, string>) =>
      app.inject({ method: method as 'GET', url: path, headers, ...(method === 'POST' || method === 'PATCH' ? { payload: {} } : {}) })
    // Each check gets a key of its own, so the limit of one is not spent elsewhere.
    const reader = createKey(db, `reader ${name}`, ['read'])
    const forbidden = await inject({ authorization: `Bearer ${reader.secret}` })
    t.equal(forbidden.statusCode, 403, `${name} with a read key`)
    t.match(forbidden.json(), { status: 403 })
    const writer = createKey(db, `writer ${name}`, ['write'])
    const first = await inject({ authorization: `Bearer ${writer.secret}` })
    t.not(first.statusCode, 429, `${name}: the first request is within the limit`)
    const second = await inject({ authorization: `Bearer ${writer.secret}` })
    t.equal(second.statusCode, 429, `${name} past the limit`)
    t.match(second.headers['retry-after'], /^\d+$/)
    t.match(second.headers['content-type'], /^application\/problem\+json/)
  }
  // Without a key: 401 with a challenge (a fresh app, so the per-address limit is not in play).
  const open = await buildApp({ db })
  t.teardown(() => open.close())
  for (const { method, path } of ops) {
    const res = await open.inject({ method: method as 'GET', url: path })
    t.equal(res.statusCode, 401, `${method} ${path} without a key`)
    t.match(res.headers['www-authenticate'], /^Bearer realm="byline"/)
  }
})
