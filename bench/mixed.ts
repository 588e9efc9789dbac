// The long tail: a read mix over a large archive, with a writer running and /health timed alongside.
// Usage: npm run bench:mixed [-- --size 100000 --seconds 20 --connections 20 --writes 0,1,5 --workers 1 --hot both|only|none --build-only]
// Builds (or reuses) bench/data/<size>.db with the project's generator and importer.
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { createKey } from '../src/core/keys.js'
import { openDb } from '../src/db/client.js'
import { migrateDb } from '../src/db/migrate.js'
import { ArticleDocument } from '../src/resources/articles/document.js'
import { createImporter } from '../src/resources/articles/importer.js'
import { createGenerator } from '../tools/generate.js'
import { appendReport, machine, NODE_TSX, pin, pinSelf, start, stop } from './lib.js'

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '20' },
    writes: { type: 'string', default: '0,1,5' },
    'build-only': { type: 'boolean', default: false },
    // More than one: WORKERS=N on both cores (this process is pinned to CPU 0, and a child
    // inherits that unless told otherwise), shared with autocannon.
    workers: { type: 'string', default: '1' },
    // The working sets to run: both, only (the hot 10 %) or none (the long tail alone).
    hot: { type: 'string', default: 'both' },
    out: { type: 'string', default: 'bench/RESULTS.md' },
  },
})
const SIZE = Number(args.size)
const SECONDS = Number(args.seconds)
const CONNECTIONS = Number(args.connections)
const WRITE_RATES = args.writes.split(',').map(Number)
pinSelf()

/** The archive: generated stories, imported in batches, and a write key for the writer. */
function buildArchive(path: string): string {
  const db = openDb(path)
  migrateDb(db)
  // Story n comes from the generator's one stream, so the stories already stored are made
  // again (and skipped) before the first new one: a fresh stream would repeat story 1's ids.
  const have = db.$client.prepare("select coalesce(max(cast(substr(slug, 7) as integer)), 0) from articles where slug like 'story-%'").pluck().get() as number
  if (have < SIZE) {
    const generator = createGenerator(1)
    for (let n = 1; n <= have; n++) generator.line(n)
    const importer = createImporter(db)
    const started = Date.now()
    for (let from = have + 1; from <= SIZE; from += 1000) {
      const n = Math.min(1000, SIZE - from + 1)
      importer.importBatch(Array.from({ length: n }, (_, i) => ArticleDocument.parse(JSON.parse(generator.line(from + i)))))
      process.stderr.write(`\rimported ${from + n - 1} of ${SIZE} (${Math.round((from + n - 1 - have) / ((Date.now() - started) / 1000))}/s)`)
    }
    process.stderr.write('\n')
  }
  const { secret } = createKey(db, 'mixed bench writer', ['write'])
  db.$client.close()
  return secret
}

/** What the mix draws from: ids newest first, tags, sources, and words of headlines. */
function population(path: string) {
  const db = openDb(path)
  const col = (sql: string) => db.$client.prepare(sql).pluck().all() as string[]
  const p = {
    ids: col("select id from articles where status = 'published' order by published_sort desc"),
    tags: col('select slug from tags'),
    sources: col('select slug from sources'),
    words: [...new Set(col('select headline from articles order by random() limit 2000').flatMap((h) => h.toLowerCase().match(/[a-z]{4,}/g) ?? []))],
  }
  db.$client.close()
  return p
}

/** Zipf (s = 1) over n ranks: rank 0 is asked most. */
function zipf(n: number) {
  const cdf = new Float64Array(n)
  let sum = 0
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / (i + 1)
  return () => {
    const x = Math.random() * sum
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cdf[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

const any = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!

/** 60 % story by id, 15 % tag pages, 10 % first page and page 2, 10 % searches, 5 % quotes by source. */
function mix(p: ReturnType<typeof population>, hot: boolean, pageTwo: string) {
  const ids = hot ? p.ids.slice(0, Math.ceil(p.ids.length / 10)) : p.ids
  const rank = zipf(ids.length)
  // Zipf over a shuffled order, so the most asked stories are not all the newest.
  const order = ids.map((id) => [Math.random(), id] as const).sort((a, b) => a[0] - b[0]).map(([, id]) => id)
  return () => {
    const x = Math.random()
    if (x < 0.6) return `/v1/articles/${order[rank()]}`
    if (x < 0.75) return `/v1/tags/${any(p.tags)}/articles`
    if (x < 0.85) return Math.random() < 0.5 ? '/v1/articles' : pageTwo
    if (x < 0.95) return `/v1/search?q=${any(p.words)}`
    return `/v1/sources/${any(p.sources)}/quotes`
  }
}

type Timed = { ms: number[]; failed: number }
const quantile = (xs: number[], q: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : NaN)

/** /health every 100 ms, timed, until stopped. */
function healthProbe(base: string) {
  const timed: Timed = { ms: [], failed: 0 }
  const timer = setInterval(async () => {
    const t0 = performance.now()
    try {
      await (await fetch(`${base}/health`)).arrayBuffer()
      timed.ms.push(performance.now() - t0)
    } catch {
      timed.failed++
    }
  }, 100)
  return { timed, stop: () => clearInterval(timer) }
}

/** A generated story as POST takes it: the server assigns every id. */
function newStory(line: string, i: number) {
  const { id: _id, ...doc } = JSON.parse(line) as Record<string, unknown>
  const withoutIds = (list: unknown) => (list as Record<string, unknown>[]).map(({ id: _id, ...rest }) => rest)
  return {
    ...doc,
    slug: `mixed-${Date.now()}-${i}`,
    ...Object.fromEntries(['authors', 'sources', 'quotes', 'tags'].map((k) => [k, withoutIds(doc[k] ?? [])])),
  }
}

/** A newsroom writing `rate` times a second: new stories and headline edits with If-Match, alternately. */
function writer(base: string, secret: string, rate: number) {
  const timed: Timed = { ms: [], failed: 0 }
  if (rate === 0) return { timed, stop: () => undefined, sent: () => 0 }
  const generator = createGenerator(99)
  const auth = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }
  let n = 0
  const write = async () => {
    const i = ++n
    const t0 = performance.now()
    try {
      let res: Response
      if (i % 2 === 1) {
        res = await fetch(`${base}/v1/articles`, { method: 'POST', headers: auth, body: JSON.stringify(newStory(generator.line(i), i)) })
      } else {
        const current = await fetch(`${base}/v1/articles?limit=1`, { headers: auth })
        const story = ((await current.json()) as { data: { id: string }[] }).data[0]!
        const read = await fetch(`${base}/v1/articles/${story.id}`, { headers: auth })
        await read.arrayBuffer()
        res = await fetch(`${base}/v1/articles/${story.id}`, {
          method: 'PATCH',
          headers: { ...auth, 'if-match': read.headers.get('etag') ?? '*' },
          body: JSON.stringify({ headline: `Edited at ${new Date().toISOString()}` }),
        })
      }
      await res.arrayBuffer()
      if (res.ok) timed.ms.push(performance.now() - t0)
      else timed.failed++
    } catch {
      timed.failed++
    }
  }
  const timer = setInterval(write, 1000 / rate)
  return { timed, stop: () => clearInterval(timer), sent: () => n }
}

const dataDir = join('bench', 'data')
mkdirSync(dataDir, { recursive: true })
const database = join(dataDir, `${SIZE}.db`)
const existed = existsSync(database)
const secret = buildArchive(database)
if (args['build-only']) process.exit(0)
const p = population(database)
const WORKERS = Number(args.workers)
const serverCommand = [...NODE_TSX, 'src/server.ts']
const server = await start(pin(WORKERS > 1 ? '0,1' : '1', serverCommand), { DATABASE_PATH: database, WORKERS: String(WORKERS) }, '/ready')
const base = `http://127.0.0.1:${server.port}`
const first = (await (await fetch(`${base}/v1/articles`)).json()) as { page: { nextCursor: string } }
const pageTwo = `/v1/articles?cursor=${encodeURIComponent(first.page.nextCursor)}`

const rows: string[] = []
for (const hot of args.hot === 'only' ? [true] : args.hot === 'none' ? [false] : [true, false]) {
  for (const rate of WRITE_RATES) {
    const health = healthProbe(base)
    const news = writer(base, secret, rate)
    const pick = mix(p, hot, pageTwo)
    const result = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [{ setupRequest: (req) => ({ ...req, path: pick() }) }],
    })
    news.stop()
    health.stop()
    await new Promise((r) => setTimeout(r, 1000))
    const set = hot ? '10 % of the ids (hot)' : 'all ids (long tail)'
    const writes = rate === 0 ? '–' : `${news.timed.ms.length}/${news.sent()} acked, p50 ${quantile(news.timed.ms, 0.5).toFixed(0)} ms, p99 ${quantile(news.timed.ms, 0.99).toFixed(0)} ms`
    rows.push(
      `| ${set} | ${rate}/s | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${result.non2xx} | ${quantile(health.timed.ms, 0.99).toFixed(0)} / ${Math.max(...health.timed.ms).toFixed(0)} | ${writes} |`,
    )
    console.log(rows.at(-1))
  }
}
stop(server.child)

appendReport(
  args.out,
  [
    `## ${new Date().toISOString().slice(0, 10)}: mixed read load, ${SIZE.toLocaleString('en')} stories, ${SECONDS} s a run, ${CONNECTIONS} connections`,
    '',
    `Machine: ${machine()}${WORKERS > 1 ? ` But WORKERS=${WORKERS}, not pinned: the workers share both cores with autocannon.` : ''} Database ${existed ? 'reused' : 'built'} at ${database}. Mix: 60 % story by id (Zipf), 15 % tag pages, 10 % first page and page 2, 10 % searches, 5 % quotes by source. Latencies in ms.`,
    '',
    '| working set | writes | reads/s | p50 | p99 | non-2xx | /health p99 / max | writes |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n'),
  '# Benchmark results\n\n',
)
console.log(`appended to ${args.out}`)
