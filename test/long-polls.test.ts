// Long polls on the changes feed, as partners make them: Node's fetch against a listening
// server, and a server process started with its own MAX_LONG_POLLS.
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { buildApp } from '../src/app.js'
import { createKey } from '../src/core/keys.js'
import { openDb } from '../src/db/client.js'
import { migrateDb } from '../src/db/migrate.js'
import { seedDb } from '../seed/load.js'
import type { Json } from './helper.js'
import { prepareDatabase, startServer } from './lib/server-process.js'

/** A change another writer makes: an author's title, which the public sees at once. */
const retitle = (title: string) => ({
  method: 'PATCH' as const,
  url: '/v1/authors/farhan-bokhari',
  headers: { 'if-match': '*' },
  payload: { title },
})

/** A seeded database in a file of its own (long polls see other connections' commits), closed with the test. */
function seededFile(t: Test) {
  const dir = mkdtempSync(join(tmpdir(), 'byline-changes-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const db = openDb(join(dir, 'byline.db'))
  migrateDb(db)
  seedDb(db)
  t.teardown(() => db.$client.close())
  return db
}

t.test('waiting requests share one watcher: the database is read as often for twenty as for one', async (t) => {
  const db = seededFile(t)
  const w = { authorization: `Bearer ${createKey(db, 'Newsroom', ['write']).secret}` }
  const app = await buildApp({ db, maxLongPolls: 50 })
  t.teardown(() => app.close())
  await app.listen({ host: '127.0.0.1', port: 0 })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/v1/changes`
  let token = ((await (await fetch(`${base}?limit=1000`)).json()) as Json).nextToken as string

  // Every statement this process runs against SQLite, whoever runs it.
  const proto = Object.getPrototypeOf(db.$client.prepare('select 1')) as Record<string, (...a: unknown[]) => unknown>
  let statements = 0
  for (const method of ['get', 'all', 'run', 'iterate']) {
    const original = proto[method]!
    proto[method] = function (this: unknown, ...args: unknown[]) {
      statements++
      return original.apply(this, args)
    }
    t.teardown(() => void (proto[method] = original))
  }

  const watcher = app.changeWatcher
  const TICKS = 3
  const measure = async (n: number) => {
    const held = Array.from({ length: n }, () => fetch(`${base}?since=${token}&wait=30`))
    while (watcher.waiting < n) await once(watcher, 'tick')
    const before = { statements, reads: watcher.reads }
    for (let i = 0; i < TICKS; i++) await once(watcher, 'tick')
    const cost = { statements: (statements - before.statements) / TICKS, reads: (watcher.reads - before.reads) / TICKS }
    const title = `Correspondent ${n}`
    t.equal((await app.inject({ ...retitle(title), headers: { ...w, 'if-match': '*' } })).statusCode, 200)
    const answers = await Promise.all(held)
    for (const res of answers) {
      t.equal(res.status, 200)
      const page = (await res.json()) as Json
      t.match(page.data, [{ type: 'updated', resource: 'author' }], `each of the ${n} waiters gets the event`)
      token = page.nextToken
    }
    return cost
  }
  const one = await measure(1)
  const twenty = await measure(20)
  t.equal(one.reads, 1, 'the watcher reads the newest event once a tick')
  t.equal(twenty.reads, 1, 'and still once with twenty waiting')
  t.equal(twenty.statements, one.statements, `statements a tick: ${one.statements} for one waiter, ${twenty.statements} for twenty`)
  t.equal(watcher.waiting, 0)
})

t.test('MAX_LONG_POLLS: one waiter too many gets 503; a write by another process wakes the rest', async (t) => {
  const { path, secret } = prepareDatabase(t, 'long-polls')
  const server = await startServer(t, { DATABASE_PATH: path, MAX_LONG_POLLS: '3' })
  const base = `${server.url}/v1/changes`
  const { nextToken } = (await (await fetch(`${base}?limit=1000`)).json()) as Json
  const polls = Array.from({ length: 4 }, (_, i) => fetch(`${base}?since=${nextToken}&wait=30`).then((res) => ({ i, res })))

  // Only the one past the cap can answer before anything happens: the others are waiting.
  const first = await Promise.race(polls)
  t.equal(first.res.status, 503)
  t.match(first.res.headers.get('content-type'), /^application\/problem\+json/)
  t.match(first.res.headers.get('retry-after'), /^[1-9]\d*$/)
  t.match(await first.res.json(), { status: 503, detail: /wait/ })

  // Another process writes to the same file: no signal reaches the server, only the database.
  const db = openDb(path)
  t.teardown(() => db.$client.close())
  const writer = await buildApp({ db })
  t.teardown(() => writer.close())
  const patched = await writer.inject({ ...retitle('Bureau chief'), headers: { authorization: `Bearer ${secret}`, 'if-match': '*' } })
  t.equal(patched.statusCode, 200, patched.body)
  for (const { i, res } of await Promise.all(polls.filter((_, i) => i !== first.i))) {
    t.equal(res.status, 200, `waiter ${i}`)
    t.match(((await res.json()) as Json).data, [{ type: 'updated', resource: 'author', version: 2 }])
  }
  t.same(server.problems, [])
})

t.test('closing the server answers held polls at once, and the process keeps turning meanwhile', async (t) => {
  const db = seededFile(t)
  const app = await buildApp({ db })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/v1/changes`
  const token = ((await (await fetch(`${base}?limit=1000`)).json()) as Json).nextToken as string
  const held = fetch(`${base}?since=${token}&wait=20`)
  while (app.changeWatcher.waiting < 1) await once(app.changeWatcher, 'tick')

  // Timers fire only while the event loop turns: a loop spinning on a closed watcher stops them.
  let ticks = 0
  const ticker = setInterval(() => ticks++, 50)
  t.teardown(() => clearInterval(ticker))
  const closing = Date.now()
  await Promise.all([app.close(), held.then((res) => t.equal(res.status, 200, 'the held poll is answered'))])
  const tookMs = Date.now() - closing
  clearInterval(ticker)
  t.ok(tookMs < 10_000, `closed in ${tookMs} ms, not at the poll's 20 s deadline`)
  t.ok(ticks >= Math.floor(tookMs / 50) / 2, `${ticks} timer ticks in ${tookMs} ms: the event loop kept turning`)
})
