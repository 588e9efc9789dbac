// The serving connection never folds the WAL into the database file: a checkpoint on the
// event loop holds every request behind it. A thread does it, so what the newsroom writes
// reaches the database file within a round, long before SQLite's 1,000-page threshold.
import { statSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { buildApp } from '../src/app.js'
import { startCheckpointer } from '../src/db/checkpointer.js'
import { openDb } from '../src/db/client.js'
import { fixtureDocument } from './helper.js'
import { prepareDatabase } from './lib/server-process.js'

const autocheckpoint = (db: ReturnType<typeof openDb>) => db.$client.pragma('wal_autocheckpoint', { simple: true })

t.test('writes reach the database file from the checkpoint thread', async (t) => {
  const { path, secret } = prepareDatabase(t, 'checkpointing')
  const db = openDb(path)
  db.$client.pragma('wal_checkpoint(TRUNCATE)')
  const app = await buildApp({ db, rateLimitMax: 0 })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  const errors: string[] = []
  const checkpointer = await startCheckpointer(db, path, { intervalMs: 100, onError: (m) => errors.push(m) })
  t.teardown(async () => {
    await checkpointer.stop()
    await app.close()
    db.$client.close()
  })
  t.equal(autocheckpoint(db), 0, 'the serving connection does not checkpoint')

  const before = statSync(path)
  // About 60 pages of WAL: far below the 1,000 pages at which a commit would checkpoint.
  for (let n = 1; n <= 10; n++) {
    const res = await fetch(`${base}/v1/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify(fixtureDocument(n)),
    })
    t.equal(res.status, 201, `story ${n} written`)
    await res.arrayBuffer()
  }
  let after = statSync(path)
  for (let i = 0; i < 100 && after.size === before.size && after.mtimeMs === before.mtimeMs; i++) {
    await sleep(100)
    after = statSync(path)
  }
  t.ok(after.size > before.size || after.mtimeMs > before.mtimeMs, `the database file took the writes (${before.size} → ${after.size} bytes)`)
  t.same(errors, [], 'no checkpoint failed')

  await checkpointer.stop()
  t.equal(autocheckpoint(db), 1000, 'stopped, the serving connection checkpoints again')
})

t.test('a thread that cannot open the database leaves checkpointing where it was', async (t) => {
  const { path } = prepareDatabase(t, 'checkpointing-fallback')
  const db = openDb(path)
  t.teardown(() => db.$client.close())
  const errors: string[] = []
  const checkpointer = await startCheckpointer(db, `${path}.missing/none.db`, { onError: (m) => errors.push(m) })
  await checkpointer.stop()
  t.equal(autocheckpoint(db), 1000, 'the serving connection still checkpoints')
  t.match(errors, [/serving connection checkpoints the WAL itself/], 'the failure is reported')
})
