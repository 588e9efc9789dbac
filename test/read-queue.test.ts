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

t.test('a write and a health check arriving behind a crowd of reads are served before most of them', async (t) => {
  const { url: base } = await startServer(t, { DATABASE_PATH: path })
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
  const atWrite = { sent: readsDone, done: -1 }
  const atHealth = { sent: readsDone, done: -1 }
  const atEditor = { sent: readsDone, done: -1 }
  const [written, health, editor] = await Promise.all([
    write(base, 1).then(async (res) => {
      atWrite.done = readsDone
      await res.arrayBuffer()
      return res.status
    }),
    fetch(`${base}/health`).then(async (res) => {
      atHealth.done = readsDone
      await res.arrayBuffer()
      return res.status
    }),
    // An editor reading the ETag a write will send.
    fetch(`${base}/v1/articles?limit=100&include=body,quotes`, { headers: { authorization: `Bearer ${secret}` } }).then(async (res) => {
      atEditor.done = readsDone
      await res.arrayBuffer()
      return res.status
    }),
  ])
  t.equal(editor, 200)
  const statuses = await Promise.all(reads)
  t.equal(written, 201, 'the story is written')
  t.equal(health, 200)
  t.same(new Set(statuses), new Set([200]), 'every read is answered')
  // Served in arrival order, the write would wait for the reads before it; queued, they wait.
  const overtook = (at: { sent: number; done: number }) => at.done - at.sent < (READS - at.sent) / 4
  t.ok(overtook(atWrite), `the write was sent when ${atWrite.sent} of ${READS} reads were answered, and answered when ${atWrite.done} were`)
  t.ok(overtook(atHealth), `the health check was sent when ${atHealth.sent} of ${READS} reads were answered, and answered when ${atHealth.done} were`)
  t.ok(overtook(atEditor), `the editor's read was sent when ${atEditor.sent} of ${READS} reads were answered, and answered when ${atEditor.done} were`)
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
