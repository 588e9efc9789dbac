import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { seedDb } from '../seed/load.js'
import { buildApp } from '../src/app.js'
import { createKey } from '../src/core/keys.js'
import { openDb } from '../src/db/client.js'
import { migrateDb } from '../src/db/migrate.js'
import type { Json } from './helper.js'

/** A small tmpfs of its own, or null where this machine does not let us mount one. */
function smallDisk(t: Test, megabytes: number): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'byline-disk-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'ignore' })
  } catch {
    rmSync(dir, { recursive: true, force: true })
    return null
  }
  t.teardown(() => {
    try {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
  return dir
}

/** Fills the disk to the last byte; returns the filler to delete. */
function fill(dir: string): string {
  const file = join(dir, 'filler')
  const fd = openSync(file, 'w')
  const chunk = Buffer.alloc(64 * 1024)
  try {
    for (;;) writeSync(fd, chunk)
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOSPC') throw err
    for (;;) {
      try {
        writeSync(fd, chunk, 0, 512)
      } catch {
        break
      }
    }
  } finally {
    closeSync(fd)
  }
  return file
}

function story(n: number): Json {
  return {
    slug: `fault-story-${n}`,
    headline: `Fault story ${n}`,
    language: 'en',
    status: 'published',
    body: [{ type: 'paragraph', text: `"Disk ${n} is fine," the operator said. ${'More words. '.repeat(400)}` }],
    sources: [{ slug: `operator-${n}`, description: 'the operator', kind: 'person', anonymous: true }],
    quotes: [{ text: `Disk ${n} is fine`, kind: 'direct', source: `operator-${n}` }],
  }
}

async function setup(t: Test, dir: string) {
  mkdirSync(join(dir, 'db'))
  const db = openDb(join(dir, 'db', 'byline.db'))
  migrateDb(db)
  seedDb(db)
  const app = await buildApp({ db })
  t.teardown(async () => {
    await app.close()
    db.$client.close()
  })
  const { secret } = createKey(db, 'Newsroom', ['write'])
  const post = (n: number, key?: string) =>
    app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { authorization: `Bearer ${secret}`, ...(key ? { 'idempotency-key': key } : {}) },
      payload: story(n),
    })
  const stories = () => (db.$client.prepare("select count(*) as n from articles where slug like 'fault-story-%'").get() as { n: number }).n
  return { db, app, post, stories }
}

t.test('a full disk: writes answer 503 with Retry-After, reads go on, and writes resume when space returns', async (t) => {
  const dir = smallDisk(t, 8)
  if (!dir) {
    t.comment('SKIPPED: mounting a tmpfs is not permitted on this machine (needs root and CAP_SYS_ADMIN)')
    return
  }
  const { db, app, post, stories } = await setup(t, dir)
  t.equal((await post(1)).statusCode, 201)
  const filler = fill(dir)

  let refused = 0
  for (let n = 2; n <= 6; n++) {
    const res = await post(n, `retry-${n}`)
    if (res.statusCode === 503) {
      refused++
      t.match(res.headers['content-type'], /^application\/problem\+json/)
      t.equal(res.headers['retry-after'], '30')
      t.notMatch(res.body, /SQLITE|disk|at .*\.ts/, 'says nothing of the internals')
    } else t.equal(res.statusCode, 201, `story ${n}: 201 or 503, nothing else`)
  }
  t.ok(refused > 0, `${refused} of 5 writes refused while the disk was full`)
  // Reads that reach the database (not the cache) still work.
  t.equal((await app.inject('/v1/quotes?limit=3&sort=createdAt')).statusCode, 200)
  t.equal((await app.inject('/v1/search?q=Taliban')).statusCode, 200)
  t.equal((await app.inject('/ready')).statusCode, 200)

  rmSync(filler)
  const before = stories()
  // The same Idempotency-Keys again: each story is written once, whatever happened before.
  for (let n = 2; n <= 6; n++) t.ok([200, 201].includes((await post(n, `retry-${n}`)).statusCode), `story ${n} after space returned`)
  for (let n = 2; n <= 6; n++) t.equal((await post(n, `retry-${n}`)).headers['idempotent-replayed'], 'true')
  t.equal(stories(), 6, `every story once (${before} before the retries)`)
  t.equal(db.$client.pragma('integrity_check', { simple: true }), 'ok')
})

// A filesystem cannot be remounted read-only while the database is open on it ("mount
// point is busy"), and root ignores file modes, so SQLite's own read-only switch stands in
// for the fault: writes then fail with SQLITE_READONLY, as on a read-only file.
t.test('a read-only database: writes answer 503, reads go on, and writes resume when it is writable again', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'byline-ro-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const { db, app, post, stories } = await setup(t, dir)
  t.equal((await post(1)).statusCode, 201)
  db.$client.pragma('query_only = ON')
  const res = await post(2, 'ro-2')
  t.equal(res.statusCode, 503, res.body)
  t.equal(res.headers['retry-after'], '30')
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  t.equal((await app.inject('/v1/quotes?limit=2&sort=createdAt')).statusCode, 200, 'reads still work')
  t.equal((await app.inject('/v1/changes')).statusCode, 200, 'the changes feed still serves what it has')
  db.$client.pragma('query_only = OFF')
  t.equal((await post(2, 'ro-2')).statusCode, 201, 'writable again, no restart')
  t.equal(stories(), 2)
  t.equal(db.$client.pragma('integrity_check', { simple: true }), 'ok')
})
