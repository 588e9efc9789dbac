// The world a case runs in: one app over one seeded database, keys and fixtures.
import { buildApp, type App } from '../../src/app.js'
import { createKey, revokeKey } from '../../src/core/keys.js'
import { openDb, type Db } from '../../src/db/client.js'
import { migrateDb } from '../../src/db/migrate.js'
import { seedDb } from '../../seed/load.js'
import type { FixtureKind, Scope } from './cases.js'

type Fixtures = Record<FixtureKind, { id: string; slug?: string; text?: string }[]>

/** One app over one seeded database, with a key of every scope and the data to point at. */
export type World = { app: App; db: Db; keys: Record<Scope, string | undefined>; fixtures: Fixtures; origin?: string }

export async function buildWorld(listen = false): Promise<World> {
  const db = openDb(':memory:')
  migrateDb(db)
  seedDb(db)
  const revoked = createKey(db, 'fuzz revoked', ['admin'])
  revokeKey(db, revoked.id)
  const keys: World['keys'] = {
    none: undefined,
    read: createKey(db, 'fuzz read', ['read']).secret,
    write: createKey(db, 'fuzz write', ['write']).secret,
    admin: createKey(db, 'fuzz admin', ['admin']).secret,
    revoked: revoked.secret,
    forged: revoked.secret.slice(0, -6) + 'AAAAAA',
    malformed: undefined,
  }
  const app = await buildApp({ db, rateLimitMax: 0 })
  await app.ready()
  const admin = { authorization: `Bearer ${keys.admin}` }
  const created = await app.inject({
    method: 'POST',
    url: '/v1/webhooks',
    headers: { ...admin, 'content-type': 'application/json' },
    payload: JSON.stringify({ url: 'https://hooks.example.com/fuzz', events: ['*'] }),
  })
  if (created.statusCode !== 201) throw new Error(`fixture webhook: ${created.statusCode} ${created.body}`)
  const list = async (url: string) => {
    const res = await app.inject({ url, headers: admin })
    if (res.statusCode !== 200) throw new Error(`fixtures: ${url} answered ${res.statusCode}`)
    return res.json().data as { id: string; slug?: string; text?: string }[]
  }
  const quotes = await list('/v1/quotes?limit=100')
  const fixtures: Fixtures = {
    article: await list('/v1/articles?limit=100&fields=slug'),
    author: await list('/v1/authors?limit=100&fields=slug'),
    source: await list('/v1/sources?limit=100&fields=slug'),
    tag: await list('/v1/tags?limit=100&fields=slug'),
    quote: quotes.map((q) => ({ id: q.id })),
    quoteText: quotes.map((q) => ({ id: q.id, text: q.text! })),
    webhook: await list('/v1/webhooks?limit=100'),
  }
  const world: World = { app, db, keys, fixtures }
  if (listen) {
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    if (address && typeof address === 'object') world.origin = `http://127.0.0.1:${address.port}`
  }
  return world
}

export async function closeWorld(w: World) {
  await w.app.close()
  w.db.$client.close()
}

