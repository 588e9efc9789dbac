import t from 'tap'
import { buildApp } from '../src/app.js'
import { createKey } from '../src/core/keys.js'
import type { KeyScope } from '../src/db/schema.js'
import { build, testDb, type Json } from './helper.js'

// Served outside the contract on purpose: the docs UI and the document itself, and the
// ninjs profile schema (a JSON Schema, not an API resource).
const UNDOCUMENTED = [/^\/docs/, /^\/openapi\.json$/, /^\/v1\/schemas\//]

t.test('the routes the server registers are exactly the operations the contract documents', async (t) => {
  const app = await build(t)
  const doc = (await app.inject('/openapi.json')).json() as Json
  const documented = new Set<string>()
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const method of Object.keys(ops)) documented.add(`${method.toUpperCase()} ${path}`)
  }
  const registered = new Set<string>()
  for (const r of app.routeInventory) {
    if (r.method === 'HEAD' || r.method === 'OPTIONS') continue
    if (UNDOCUMENTED.some((re) => re.test(r.url))) continue
    registered.add(`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`)
  }
  t.same([...registered].filter((r) => !documented.has(r)), [], 'every registered route is documented')
  t.same([...documented].filter((d) => !registered.has(d)), [], 'every documented operation is served')
  t.ok(registered.size >= 50, `${registered.size} routes`)
})

t.test('every route that changes anything declares the scope it needs', async (t) => {
  const app = await build(t)
  const writes = app.routeInventory.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method))
  t.equal(writes.length, 17, '15 editorial writes and 2 webhook routes')
  for (const r of writes) t.ok(r.scope === 'write' || r.scope === 'admin', `${r.method} ${r.url} declares ${r.scope}`)
})

t.test('default deny: a route that declares nothing and is not a read needs an admin key', async (t) => {
  const db = testDb(t)
  const app = await buildApp({ db })
  t.teardown(() => app.close())
  app.post('/v1/undeclared', async () => ({ ok: true }))
  const key = (scopes: KeyScope[]) => ({ authorization: `Bearer ${createKey(db, scopes.join(','), scopes).secret}` })
  t.equal((await app.inject({ method: 'POST', url: '/v1/undeclared' })).statusCode, 401)
  t.equal((await app.inject({ method: 'POST', url: '/v1/undeclared', headers: key(['write']) })).statusCode, 403)
  t.equal((await app.inject({ method: 'POST', url: '/v1/undeclared', headers: key(['admin']) })).statusCode, 200)
})
