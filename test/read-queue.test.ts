// Readers browsing the archive must not hold up the newsroom or the health check: readers'
// reads wait their turn in a queue, and a write, an editor's read or a probe that arrives
// behind them is served first.
// Clients are Node's fetch over sockets, each read on a connection of its own, as a crowd of
// readers (or a CDN's many connections) would be.
import { setImmediate as tick } from 'node:timers/promises'
import t from 'tap'
import { openDb } from '../src/db/client.js'
import { ArticleDocument } from '../src/resources/articles/document.js'
import { createImporter } from '../src/resources/articles/importer.js'
import { createGenerator } from '../tools/generate.js'
import { fixtureDocument } from './helper.js'
import { prepareDatabase, startServer } from './lib/server-process.js'

const READS = 60
const { path, secret } = prepareDatabase(t, 'read-queue')
const db = openDb(path)
// Generated stories, as long as a newsroom's: each read below costs milliseconds.
const generator = createGenerator(7)
createImporter(db).importBatch(Array.from({ length: 200 }, (_, i) => ArticleDocument.parse(JSON.parse(generator.line(i + 1)))))
db.$client.close()

/** Uncached, heavy reads: each a different window, with bodies and quotes. */
const readUrl = (base: string, i: number) =>
  `${base}/v1/articles?limit=100&include=body,quotes&publishedAfter=${new Date(Date.UTC(1990, 0, 1, 0, 0, i)).toISOString()}`

const write = (base: string, n: number) =>
  fetch(`${base}/v1/articles`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(fixtureDocument(1000 + n)),
  })

t.test('a write, an editor\'s read and a health check arriving behind a crowd of reads overtake them', async (t) => {
  // Debug level logs each request as it arrives ("incoming request") as well as when it is
  // answered, in the server's own order: what overtook what is read there, not from the
  // client's side, where a busy machine delays when responses are noticed.
  const server = await startServer(t, { DATABASE_PATH: path, LOG_LEVEL: 'debug' })
  const base = server.url
  let readsDone = 0
  const reads = Array.from({ length: READS }, (_, i) =>
    fetch(readUrl(base, i)).then(async (res) => {
      await res.arrayBuffer()
      readsDone++
      return res.status
    }),
  )
  // One answered: the others have reached the server and wait behind it.
  while (readsDone === 0) await tick()
  // One story, as an editor reads it before an edit: a page of 100 with bodies took its
  // compression long enough on a busy machine that the queue had drained before it finished.
  const editorUrl = '/v1/articles/islamic-militant-threat-grows-in-pakistani-heartland'
  const [written, health, editor] = await Promise.all([
    write(base, 1),
    fetch(`${base}/health`),
    // An editor reading the ETag a write will send.
    fetch(`${base}${editorUrl}`, { headers: { authorization: `Bearer ${secret}` } }),
  ])
  for (const res of [written, health, editor]) await res.arrayBuffer()
  const statuses = await Promise.all(reads)
  t.equal(written.status, 201, 'the story is written')
  t.equal(health.status, 200)
  t.equal(editor.status, 200)
  t.same(new Set(statuses), new Set([200]), 'every read is answered')

  // Each request's place in the log: when it arrived and when it was answered.
  const arrived = new Map<string, number>()
  const answered = new Map<string, number>()
  const urlOf = new Map<string, string>()
  server.log.forEach((e, i) => {
    const id = e.reqId as string | undefined
    if (!id) return
    if (e.msg === 'incoming request') {
      arrived.set(id, i)
      urlOf.set(id, `${(e.req as { method: string }).method} ${(e.req as { url: string }).url}`)
    }
    if (e.msg === 'request completed') answered.set(id, i)
  })
  const readIds = [...urlOf].filter(([, u]) => u.startsWith('GET /v1/articles?limit=100&include=body,quotes&publishedAfter=')).map(([id]) => id)
  t.equal(readIds.length, READS, 'every read is in the log')
  const idOf = (request: string) => [...urlOf].find(([, u]) => u === request)![0]
  // Served in arrival order, a request overtakes no read that arrived before it; queued, the
  // reads waiting when it arrives are answered after it.
  for (const [name, request] of [
    ['the write', 'POST /v1/articles'],
    ['the health check', 'GET /health'],
    ["the editor's read", `GET ${editorUrl}`],
  ] as const) {
    const id = idOf(request)
    const overtaken = readIds.filter((r) => arrived.get(r)! < arrived.get(id)! && answered.get(r)! > answered.get(id)!).length
    const before = readIds.filter((r) => arrived.get(r)! < arrived.get(id)!).length
    t.ok(overtaken > 0 && overtaken >= before / 4, `${name} overtook ${overtaken} of the ${before} reads that arrived before it`)
  }
})

t.test('a read that has waited past the shedding threshold is answered 503; writes are not', async (t) => {
  const { url: base } = await startServer(t, { DATABASE_PATH: path, MAX_EVENT_LOOP_DELAY_MS: '20' })
  const reads = Array.from({ length: READS }, (_, i) =>
    fetch(readUrl(base, READS + i)).then(async (res) => ({ status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() })),
  )
  const writes = await Promise.all([1, 2, 3].map(async (n) => (await write(base, 10 + n)).status))
  const answers = await Promise.all(reads)
  const shed = answers.filter((a) => a.status === 503)
  t.ok(shed.length > 0, `${shed.length} of ${READS} reads shed`)
  t.ok(answers.every((a) => a.status === 200 || a.status === 503), 'every read is served or shed, nothing else')
  t.match(JSON.parse(shed[0]!.body), { status: 503, detail: /retry after/i })
  t.equal(shed[0]!.retryAfter, '2')
  t.same(writes, [201, 201, 201], 'no write is shed')
})
