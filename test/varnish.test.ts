// Byline behind a real Varnish, with deploy/varnish/byline.vcl and the xkey module, in front of
// WORKERS=2, purged by the server's own purge sender (PURGE_URLS). Readers and editors are
// Node's fetch; processes die by real signals. Without varnishd this test fails, it does not
// skip: .ci/run installs varnish and varnish-modules.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import t, { type Test } from 'tap'
import { openDb } from '../src/db/client.js'
import { importDocument } from '../src/resources/articles/importer.js'
import { fixtureDocument, type Json } from './helper.js'
import { until } from './lib/until.js'
import { prepareDatabase, startServer } from './lib/server-process.js'

const VARNISHD = process.env.VARNISHD ?? '/usr/sbin/varnishd'
const SLUG = 'islamic-militant-threat-grows-in-pakistani-heartland'

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** varnishd in the foreground, with the shipped VCL pointed at the backend's port. */
async function startVarnish(t: Test, port: number, backendPort: number) {
  const dir = mkdtempSync(join(tmpdir(), 'byline-varnish-'))
  const vcl = readFileSync('deploy/varnish/byline.vcl', 'utf8').replace('.port = "3000"', `.port = "${backendPort}"`)
  writeFileSync(join(dir, 'byline.vcl'), vcl)
  const child = spawn(VARNISHD, ['-F', '-j', 'none', '-a', `127.0.0.1:${port}`, '-n', join(dir, 'work'), '-f', join(dir, 'byline.vcl'), '-s', 'malloc,64m'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (err) => reject(new Error(`varnishd could not start (${VARNISHD}): ${err.message}`)))
    child.once('exit', (code) => reject(new Error(`varnishd exited (${code}):\n${output}`)))
  })
  failed.catch(() => {})
  t.teardown(() => {
    child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  })
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    const ready = await Promise.race([fetch(`${url}/health`).then((r) => r.ok, () => false), failed])
    if (ready) return url
    if (i > 200) throw new Error(`varnishd did not answer within 20 s:\n${output}`)
    await sleep(100)
  }
}

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers })
  const text = await res.text()
  const body = (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : { text }) as Json
  return { status: res.status, cache: res.headers.get('x-cache'), body }
}

t.test('Varnish caches public pages, never keyed ones, and is purged by key within a second of a commit', async (t) => {
  const { path, secret } = prepareDatabase(t, 'varnish')
  const db = openDb(path)
  t.teardown(() => db.$client.close())
  // A second story with its own reporter: pages about it are unrelated to an edit of the seed.
  importDocument(db, fixtureDocument(1, { authors: [{ slug: 'unrelated-reporter', name: 'Unrelated Reporter', role: 'reporter' }] } as never))
  const cachePort = await freePort()
  // A second instance that is down: purging the live one must not wait for it.
  const deadPort = await freePort()
  const server = await startServer(t, { DATABASE_PATH: path, WORKERS: '2', PURGE_URLS: `http://127.0.0.1:${cachePort},http://127.0.0.1:${deadPort}` })
  const cache = await startVarnish(t, cachePort, Number(new URL(server.url).port))
  const auth = { authorization: `Bearer ${secret}` }

  const story = `${cache}/v1/articles/${SLUG}`
  const list = `${cache}/v1/articles`
  const feed = `${cache}/v1/feeds/articles.atom`
  const unrelated = `${cache}/v1/authors/unrelated-reporter`
  for (const url of [story, list, feed, unrelated]) {
    t.equal((await get(url)).cache, 'MISS', `${url}: first read is a MISS`)
    t.equal((await get(url)).cache, 'HIT', `${url}: second read is a HIT`)
  }
  t.equal((await get(story, auth)).cache, 'MISS', 'a keyed read is not served from the cache')
  t.equal((await get(story, auth)).cache, 'MISS', 'nor stored by it')

  // An edit through the origin, as an editor's tool would make it.
  const edit = async (base: string, headline: string) => {
    const read = await fetch(`${base}/v1/articles/${SLUG}`, { headers: auth })
    await read.arrayBuffer()
    const res = await fetch(`${base}/v1/articles/${SLUG}`, {
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'application/json', 'if-match': read.headers.get('etag')! },
      body: JSON.stringify({ headline }),
    })
    t.equal(res.status, 200, `edited: ${headline}`)
    await res.arrayBuffer()
    return Date.now()
  }
  const visible = async (headline: string, since: number) => {
    for (const [name, url, pick] of [
      ['story page', story, (b: Json) => b.data.headline],
      ['list', list, (b: Json) => b.data.find((a: Json) => a.slug === SLUG)?.headline],
      ['Atom feed', feed, (b: Json) => (String(b.text).includes(`<title type="text">${headline}</title>`) ? headline : undefined)],
    ] as const) {
      await until(`${name} to show "${headline}"`, async () => (pick((await get(url)).body) === headline ? true : undefined))
      const ms = Date.now() - since
      t.ok(ms <= 1000, `${name} showed the edit through Varnish ${ms} ms after its commit`)
    }
  }
  await visible('Edited at the origin', await edit(server.url, 'Edited at the origin'))
  const position = (port: number) =>
    db.$client.prepare('select seq from purge_positions where url = ?').pluck().get(`http://127.0.0.1:${port}`) as number
  const feedEnd = db.$client.prepare('select max(seq) from events').pluck().get() as number
  await until('the live instance purged to the end of the feed', async () => (position(cachePort) === feedEnd ? true : undefined))
  t.ok(position(deadPort) < feedEnd, 'the instance that is down waits at its position')
  t.ok(server.log.some((e) => e.msg === 'cache instance could not be purged' && String(e.url).endsWith(`:${deadPort}`)), 'the instance that is down is reported')
  t.equal((await get(unrelated)).cache, 'HIT', 'an unrelated page stays cached')
  await visible('Edited through Varnish', await edit(cache, 'Edited through Varnish'))
  t.equal((await get(unrelated)).cache, 'HIT', 'and stays cached again')

  // A purge by hand, from this host: the VCL answers with how many objects it dropped.
  const articleId = (await get(story)).body.data.id as string
  const purged = await fetch(`${cache}/`, { method: 'PURGE', headers: { 'xkey-purge': articleId } })
  t.equal(purged.status, 200)
  t.match(purged.statusText, /^Purged [1-9]\d*$/, `${purged.statusText}`)
  await purged.arrayBuffer()
  t.equal((await get(story)).cache, 'MISS', 'the purged page is fetched again')

  // The purge sender dies: another process takes its lease and purges what it missed.
  const holder = () => db.$client.prepare("select holder from leases where name = 'purge' and expires_at > ?").pluck().get(Date.now()) as string | undefined
  const first = holder()
  t.ok(first, 'one process sends purges')
  process.kill(Number(first!.split(':')[1]), 'SIGKILL')
  const killedAt = Date.now()
  // The edit lands while no process may purge; a retry covers a connection the dead worker held.
  await until('an edit after the kill', async () => (await edit(server.url, 'Edited while the purger was down').catch(() => undefined)) ?? undefined)
  await until('the edit through Varnish', async () => ((await get(story)).body.data.headline === 'Edited while the purger was down' ? true : undefined))
  const ms = Date.now() - killedAt
  t.ok(ms <= 10_000, `purging resumed ${ms} ms after the sender was killed`)
  t.not(holder()?.split(':')[1], first!.split(':')[1], 'another process sends purges now')
})
