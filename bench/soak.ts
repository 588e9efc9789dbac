// Soak: a long run at 0.8 × capacity on a mix of reads, feeds, the changes feed and writes,
// watching what only time shows: memory that creeps, latency that drifts, a WAL that is
// never checkpointed, errors that appear after minutes.
// Usage: node --import tsx bench/soak.ts [--minutes 10] [--rate R] [--out RELIABILITY.md]
//        (part of npm run test:reliability). --rate skips the capacity probe.
//        --quick (used by the test): a fixed rate, ~30 s in all, nothing appended.
// The last line of stdout is a JSON object with every figure; the exit code is 1 on a fail.
//
// Pass: RSS at the end ≤ 1.1 × RSS after warm-up; p99 of the last minute ≤ 1.5 × p99 of
// the first minute after warm-up; no errors (a 503 from load shedding is one: the rate is
// below capacity); the WAL under 64 MB throughout; the same process at the end, exiting 0
// on SIGTERM, and a database that passes PRAGMA integrity_check with every acknowledged
// story in it.
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { Pool } from 'undici'
import { appendReport, cpuSeconds, machine, NODE_TSX, pin, pinSelf, start, RELIABILITY_PREAMBLE, prepareDatabase } from './lib.js'

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    minutes: { type: 'string' },
    rate: { type: 'string' },
    out: { type: 'string', default: 'RELIABILITY.md' },
  },
})
const QUICK = args.quick!
const MEASURE_SECONDS = args.minutes !== undefined ? Number(args.minutes) * 60 : QUICK ? 20 : 600
const WARMUP_SECONDS = QUICK ? 4 : 60
const SAMPLE_SECONDS = QUICK ? 2 : 10
const PROBE_SECONDS = 10
// In npm test other files load both cores at the same time, so the quick mode does not
// probe: a probe there would measure the neighbours. 400 req/s is about half the capacity
// measured for this mix on the 2-core machine (845-1,268 req/s).
const QUICK_RATE = 400
const WAL_LIMIT = 64 * 1024 * 1024
const QUICK_RSS_SLACK = 128 * 1024 * 1024
const QUICK_P99_SLACK_MS = 25
const REQUEST_TIMEOUT_MS = 10_000
if (!(MEASURE_SECONDS >= SAMPLE_SECONDS * 2)) throw new Error('--minutes is too short to compare a start with an end')
pinSelf()

const SLUG = 'islamic-militant-threat-grows-in-pakistani-heartland'

// ---------------------------------------------------------------------------------------
// The server, on a fresh database with one write key made before it starts
// ---------------------------------------------------------------------------------------

const database = join(mkdtempSync(join(tmpdir(), 'byline-soak-')), 'soak.db')
const { secret } = prepareDatabase(database, 'soak')
// As shipped but for the rate limit (one client makes every request): info-level request
// logs, load shedding at its defaults.
const server = await start(pin('1', [...NODE_TSX, 'src/server.ts']), { DATABASE_PATH: database, RATE_LIMIT_MAX: '0' }, '/ready')
const pid = server.child.pid!
const base = `http://127.0.0.1:${server.port}`
const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)))
const articleId = ((await (await fetch(`${base}/v1/articles/${SLUG}`)).json()) as { data: { id: string } }).data.id

// ---------------------------------------------------------------------------------------
// The mix
// ---------------------------------------------------------------------------------------

type Kind = 'read' | 'feed' | 'changes' | 'write'
type Req = { kind: Kind; method: 'GET' | 'POST' | 'PATCH'; path: string; headers?: Record<string, string>; body?: string; expect: number }

// Stories the soak created (ids from the 201s' Location), newest last: read and edited as
// a newsroom's newest stories are.
const recent: string[] = []
const acknowledged: string[] = []
let changesToken: string | undefined

// Searches name words of the seeded story only, so their cost does not grow with the
// stories the soak adds: how cost grows with data is bench/scale.ts's subject, drift over
// time this one's. The lists, feeds and counts do see every new story.
const SEARCHES = ['Punjab', '%22nerve+centre%22', 'diplomat', 'Taliban', 'militan*', 'Lahore+OR+Peshawar']

/** Reads, feeds and the changes feed, by weight (out of 100). */
const READS: [weight: number, name: string, make: (n: number) => Req][] = [
  [16, 'article by slug', () => get('read', `/v1/articles/${SLUG}`)],
  [8, 'article by id', () => get('read', `/v1/articles/${articleId}`)],
  [6, 'a new story by id', (n) => get('read', `/v1/articles/${recent.length ? recent[n % recent.length] : articleId}`)],
  [10, 'articles, first page', () => get('read', '/v1/articles')],
  [4, 'articles by tag', () => get('read', '/v1/articles?tag=pakistan')],
  [8, 'quotes, first page', () => get('read', '/v1/quotes')],
  [3, 'quotes, filtered', () => get('read', '/v1/quotes?anonymous=true&kind=direct')],
  [8, 'source by slug', () => get('read', '/v1/sources/senior-western-diplomat')],
  [3, 'sources, first page', () => get('read', '/v1/sources')],
  [8, 'search', (n) => get('read', `/v1/search?q=${SEARCHES[n % SEARCHES.length]}`)],
  [5, 'Atom feed', () => get('feed', '/v1/feeds/articles.atom')],
  [5, 'JSON Feed', () => get('feed', '/v1/feeds/articles.json')],
  [3, 'RSS feed', () => get('feed', '/v1/feeds/articles.rss')],
  [2, "a tag's Atom feed", () => get('feed', '/v1/tags/pakistan/feed.atom')],
  [2, "an author's JSON Feed", () => get('feed', '/v1/authors/tucker-reals/feed.json')],
  // A consumer tailing the feed from its last token, without long polling.
  [5, 'changes since the last token', () => get('changes', `/v1/changes?limit=100${changesToken ? `&since=${changesToken}` : ''}`)],
]
const READ_WEIGHT = READS.reduce((sum, [w]) => sum + w, 0)

// Writes: 3 % of requests, at most 5 a second, three creations to one edit. Far below
// what the disk allows (~450-550 stories/s, each commit waiting for its fsync), but not
// cheap: every write makes every cached representation stale, so each is followed by a
// rebuild of every page the mix reads, ~22 ms of the server's time in all (the write's
// own 3-5 ms included). At 20 writes/s that took ~0.4 of the server's core, and the soak
// would have measured 12,000 new stories piling up rather than the process ageing. 5/s
// is a busy newsroom's peak and still ~3,000 stories in 10 minutes; a story's commit
// writes 80-130 KB of WAL pages, so the 4 MB auto-checkpoint runs every 5-10 s: dozens of
// times per run.
const WRITE_SHARE = 0.03
const WRITE_CAP = 5
const writeRate = (rate: number) => Math.min(rate * WRITE_SHARE, WRITE_CAP)

const auth = { authorization: `Bearer ${secret}` }
let stories = 0

function get(kind: Kind, path: string): Req {
  return { kind, method: 'GET', path, expect: 200 }
}

function write(n: number): Req {
  if (n % 4 === 3 && recent.length > 0) {
    const id = recent[n % recent.length]!
    return {
      kind: 'write',
      method: 'PATCH',
      path: `/v1/articles/${id}`,
      headers: { ...auth, 'content-type': 'application/merge-patch+json', 'if-match': '*' },
      body: JSON.stringify({ standfirst: `Updated for the ${n}th time.` }),
      expect: 200,
    }
  }
  const k = stories++
  return {
    kind: 'write',
    method: 'POST',
    path: '/v1/articles',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      slug: `soak-story-${k}`,
      headline: `Soak story ${k}: river levels fall across the valley`,
      language: 'en',
      status: 'published',
      publishedAt: new Date(Date.UTC(2026, 0, 1) + k * 1000).toISOString(),
      body: [
        { type: 'paragraph', text: `"Level ${k} is where the river stands tonight," the county hydrologist told reporters.` },
        { type: 'paragraph', text: 'Crews reopened two roads on Wednesday after the water went down overnight.' },
        { type: 'paragraph', text: 'Forecasters expect dry weather for the rest of the week.' },
      ],
      authors: [{ slug: 'soak-reporter', name: 'Soak Reporter', role: 'reporter' }],
      sources: [{ slug: 'county-hydrologist', description: 'the county hydrologist', kind: 'person', anonymous: true }],
      quotes: [{ text: `Level ${k} is where the river stands tonight`, kind: 'direct', source: 'county-hydrologist', cue: 'told' }],
      tags: [{ slug: 'floods', name: 'Floods', type: 'subject' }],
    }),
    expect: 201,
  }
}

// ---------------------------------------------------------------------------------------
// A fixed-rate client: requests leave on schedule whether or not earlier ones have
// answered (an open loop), and each is timed with performance.now() to the last byte.
// ---------------------------------------------------------------------------------------

type Bucket = {
  latencies: number[]
  byKind: Record<Kind, number[]>
  statuses: Record<string, number>
  errors: number
  firstErrors: string[]
  /** How far behind schedule the client dispatched, at worst (ms): its own health. */
  maxLag: number
  /** Wall time the bucket covers, and the server's and this process's CPU time in it (s). */
  seconds: number
  serverCpu: number
  clientCpu: number
}

const newBucket = (): Bucket => ({
  latencies: [],
  byKind: { read: [], feed: [], changes: [], write: [] },
  statuses: {},
  errors: 0,
  firstErrors: [],
  maxLag: 0,
  seconds: 0,
  serverCpu: 0,
  clientCpu: 0,
})

const pool = new Pool(base, { connections: 256, pipelining: 1, headersTimeout: REQUEST_TIMEOUT_MS, bodyTimeout: REQUEST_TIMEOUT_MS })
let seed = 0x5eed
// mulberry32: the same sequence of requests on every run.
function random() {
  seed = (seed + 0x6d2b79f5) | 0
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296
}

function pickRead(n: number): Req {
  let r = random() * READ_WEIGHT
  for (const [w, , make] of READS) {
    if ((r -= w) < 0) return make(n)
  }
  return READS[0]![2](n)
}

const ownCpuSeconds = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1e6
}

class Load {
  bucket = newBucket()
  private since = { wall: performance.now(), cpu: cpuSeconds(pid), own: ownCpuSeconds() }
  private sent = 0
  private writes = 0
  private inFlight = 0
  private timer: NodeJS.Timeout | undefined
  private readonly t0 = performance.now()
  private drained: (() => void) | undefined

  constructor(readonly rate: number) {
    this.timer = setInterval(() => this.tick(), 1)
  }

  /** The bucket so far; a new one starts. */
  take(): Bucket {
    const b = this.bucket
    const now = { wall: performance.now(), cpu: cpuSeconds(pid), own: ownCpuSeconds() }
    b.seconds = (now.wall - this.since.wall) / 1000
    b.serverCpu = now.cpu - this.since.cpu
    b.clientCpu = now.own - this.since.own
    this.since = now
    this.bucket = newBucket()
    return b
  }

  async stop(): Promise<Bucket> {
    clearInterval(this.timer)
    if (this.inFlight > 0) await new Promise<void>((r) => (this.drained = r))
    return this.take()
  }

  private tick() {
    const elapsed = (performance.now() - this.t0) / 1000
    const due = Math.floor(elapsed * this.rate)
    const writesDue = Math.floor(elapsed * writeRate(this.rate))
    while (this.sent < due) {
      const lag = (elapsed - this.sent / this.rate) * 1000
      if (lag > this.bucket.maxLag) this.bucket.maxLag = lag
      const n = this.sent++
      void this.send(this.writes < writesDue ? write(this.writes++) : pickRead(n))
    }
  }

  private async send(req: Req) {
    this.inFlight++
    const started = performance.now()
    try {
      const res = await pool.request({ method: req.method, path: req.path, headers: req.headers, body: req.body })
      const text = await res.body.text()
      const ms = performance.now() - started
      const b = this.bucket
      b.statuses[res.statusCode] = (b.statuses[res.statusCode] ?? 0) + 1
      b.latencies.push(ms)
      b.byKind[req.kind].push(ms)
      if (res.statusCode !== req.expect) {
        b.errors++
        if (b.firstErrors.length < 5) b.firstErrors.push(`${req.method} ${req.path}: ${res.statusCode} ${text.slice(0, 200)}`)
      } else if (req.method === 'POST') {
        const id = String(res.headers.location).split('/').at(-1)!
        acknowledged.push(id)
        recent.push(id)
        if (recent.length > 64) recent.shift()
      } else if (req.kind === 'changes') {
        changesToken = (JSON.parse(text) as { nextToken: string }).nextToken
      }
    } catch (err) {
      const b = this.bucket
      b.errors++
      const code = (err as { code?: string }).code ?? (err as Error).message
      b.statuses[code] = (b.statuses[code] ?? 0) + 1
      if (b.firstErrors.length < 5) b.firstErrors.push(`${req.method} ${req.path}: ${code}`)
    } finally {
      if (--this.inFlight === 0) this.drained?.()
    }
  }
}

// ---------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = Float64Array.from(values).sort()
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

function merge(buckets: Bucket[]): Bucket {
  const m = newBucket()
  for (const b of buckets) {
    for (const x of b.latencies) m.latencies.push(x)
    for (const k of Object.keys(m.byKind) as Kind[]) for (const x of b.byKind[k]) m.byKind[k].push(x)
    for (const [s, c] of Object.entries(b.statuses)) m.statuses[s] = (m.statuses[s] ?? 0) + c
    m.errors += b.errors
    m.firstErrors.push(...b.firstErrors.slice(0, 5 - m.firstErrors.length))
    m.maxLag = Math.max(m.maxLag, b.maxLag)
    m.seconds += b.seconds
    m.serverCpu += b.serverCpu
    m.clientCpu += b.clientCpu
  }
  return m
}

const summary = (b: Bucket) => ({
  served: round(b.latencies.length / b.seconds, 0),
  /** The server's CPU time over wall time: 1 is its whole core. */
  serverCpu: round(b.serverCpu / b.seconds, 3),
  clientCpu: round(b.clientCpu / b.seconds, 3),
  p50: round(percentile(b.latencies, 50)),
  p99: round(percentile(b.latencies, 99)),
  max: round(percentile(b.latencies, 100)),
  p99ByKind: Object.fromEntries((Object.keys(b.byKind) as Kind[]).map((k) => [k, round(percentile(b.byKind[k], 99))])),
  errors: b.errors,
  statuses: b.statuses,
  clientMaxLagMs: round(b.maxLag, 1),
})

/** The server's resident set; NaN once it is gone (a crash is then reported, not thrown). */
function rssBytes() {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024
  } catch {
    return Number.NaN
  }
}
function walBytes() {
  try {
    return statSync(`${database}-wal`).size
  } catch {
    return 0 // checkpointed and truncated, or not yet written
  }
}

// The WAL and RSS are looked at every second: a checkpoint falling behind may not last
// until the next sample, and RSS swings with V8's collection cycle (see the criteria).
let maxWal = 0
let measuring: number | undefined
const rssReadings: { t: number; bytes: number }[] = []
const watch = setInterval(() => {
  maxWal = Math.max(maxWal, walBytes())
  if (measuring !== undefined) rssReadings.push({ t: (performance.now() - measuring) / 1000, bytes: rssBytes() })
}, 1000)

// ---------------------------------------------------------------------------------------
// Capacity of the mix: rising rates until p99 ≥ 50 ms, an error, or < 90 % served
// ---------------------------------------------------------------------------------------

type Probe = ReturnType<typeof summary> & { rate: number }
const probes: Probe[] = []
let capacity = 0
let rate: number
if (args.rate !== undefined) rate = Number(args.rate)
else if (QUICK) rate = QUICK_RATE
else {
  // Warm-up, discarded: JIT and the caches settle before anything is measured.
  const warming = new Load(300)
  await sleep(5000)
  await warming.stop()
  for (let r = 250; r <= 50_000; r = Math.round(r * 1.5)) {
    const load = new Load(r)
    await sleep(PROBE_SECONDS * 1000)
    const p = { rate: r, ...summary(await load.stop()) }
    probes.push(p)
    process.stderr.write(`probe ${JSON.stringify(p)}\n`)
    if (p.p99 >= 50 || p.errors > 0 || p.served < r * 0.9) break
    capacity = r
  }
  if (capacity === 0) throw new Error(`no rate held: ${JSON.stringify(probes[0])}`)
  rate = Math.round(capacity * 0.8)
}

// ---------------------------------------------------------------------------------------
// The soak: warm-up at the rate, then samples until the end
// ---------------------------------------------------------------------------------------

type Sample = ReturnType<typeof summary> & { t: number; rssBytes: number; heapUsedBytes: number | null; walBytes: number }

const heapUsed = async () => {
  try {
    const health = (await (await fetch(`${base}/health`)).json()) as { pressure?: { heapUsedBytes: number } }
    return health.pressure?.heapUsedBytes ?? null
  } catch {
    return null
  }
}

process.stderr.write(`soak at ${rate} req/s (${round(writeRate(rate), 1)} writes/s): ${WARMUP_SECONDS} s warm-up, ${MEASURE_SECONDS} s measured\n`)
const load = new Load(rate)
await sleep(WARMUP_SECONDS * 1000)
const warmupBucket = load.take()
const warmup = summary(warmupBucket)
const rssAfterWarmup = rssBytes()
const storiesAtStart = stories
const buckets: Bucket[] = []
const samples: Sample[] = []
const began = performance.now()
measuring = began
for (let i = 1; i * SAMPLE_SECONDS <= MEASURE_SECONDS; i++) {
  // Each sample is taken on schedule, not after the previous one: no drift over the run.
  await sleep(Math.max(0, began + i * SAMPLE_SECONDS * 1000 - performance.now()))
  const b = load.take()
  buckets.push(b)
  const s: Sample = { t: i * SAMPLE_SECONDS, ...summary(b), rssBytes: rssBytes(), heapUsedBytes: await heapUsed(), walBytes: walBytes() }
  samples.push(s)
  process.stderr.write(`${JSON.stringify({ ...s, statuses: undefined })}\n`)
}
const measuredSeconds = samples.length * SAMPLE_SECONDS
const tail = await load.stop()
clearInterval(watch)
maxWal = Math.max(maxWal, walBytes())
const rssEnd = samples.at(-1)!.rssBytes
const sameProcess = server.child.exitCode === null && server.child.pid === pid

// The first and the last minute (quick mode: fifth) of the measured time.
const windowSamples = Math.max(1, Math.min(Math.round(60 / SAMPLE_SECONDS), Math.floor(samples.length / 5)))
const windowSeconds = windowSamples * SAMPLE_SECONDS
// RSS rises and falls by 50-100 MB with V8's collection cycle under this load (the heap
// grows to 2-3× what is live before a full collection), so one reading after warm-up and
// one at the end compare two random points of that saw-tooth. "After warm-up" and "at
// the end" are the medians of the per-second readings in the first and the last window.
const median = (xs: number[]) => (xs.some(Number.isNaN) ? Number.NaN : percentile(xs, 50))
const rssEarly = median(rssReadings.filter((r) => r.t <= windowSeconds).map((r) => r.bytes))
const rssLate = median(rssReadings.filter((r) => r.t > measuredSeconds - windowSeconds).map((r) => r.bytes))
// In quick mode the first full collection has not yet come (it came after ~20-40 s here),
// so the heap is still growing to its working size: there the check only catches a gross
// leak. The full run holds the issue's 1.1× exactly.
const rssLimit = QUICK ? Math.max(1.1 * rssEarly, rssEarly + QUICK_RSS_SLACK) : 1.1 * rssEarly
const early = merge(buckets.slice(0, windowSamples))
const late = merge(buckets.slice(-windowSamples))
const p99Early = percentile(early.latencies, 99)
const p99Late = percentile(late.latencies, 99)
// Quick mode runs inside npm test beside other test files on the same two cores (the
// overload test saturates a server on this one's core for seconds): a neighbour's burst
// moves a p99 of 5-15 ms by tens of ms whatever this server does, so there the limit has
// a floor of 25 ms above the early p99, which still catches a server that slows down for
// good. The full run, on a quiet machine, holds the issue's 1.5× exactly.
const p99Limit = QUICK ? Math.max(1.5 * p99Early, p99Early + QUICK_P99_SLACK_MS) : 1.5 * p99Early
const all = merge([...buckets, tail])
const errors = warmup.errors + all.errors

// ---------------------------------------------------------------------------------------
// After: SIGTERM, the exit code, then the file itself
// ---------------------------------------------------------------------------------------

await pool.close()
server.child.kill('SIGTERM')
const exitCode = await Promise.race([exited, sleep(30_000).then(() => 'no exit within 30 s' as const)])
const { integrity, storiesInDb, missingAcknowledged } = (() => {
  const db = new Database(database, { readonly: true })
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ')
    const stored = new Set(db.prepare("select id from articles where slug like 'soak-story-%'").pluck().all() as string[])
    return { integrity, storiesInDb: stored.size, missingAcknowledged: acknowledged.filter((id) => !stored.has(id)).length }
  } finally {
    db.close()
  }
})()

const criteria = {
  rss: rssLate <= rssLimit,
  // Latency is judged in the full run only: inside npm test it measures the neighbours.
  ...(QUICK ? {} : { p99: p99Late <= p99Limit }),
  errors: errors === 0,
  wal: maxWal < WAL_LIMIT,
  sameProcess,
  cleanExit: exitCode === 0,
  integrity: integrity === 'ok',
  acknowledgedStored: missingAcknowledged === 0,
}
const failed = Object.entries(criteria)
  .filter(([, ok]) => !ok)
  .map(([name]) => name)
const mix = {
  writes: `${WRITE_SHARE * 100} % of requests, at most ${WRITE_CAP}/s; 3 creations (POST /v1/articles) to 1 edit (PATCH)`,
  reads: Object.fromEntries(READS.map(([w, name]) => [name, `${round((w / READ_WEIGHT) * 100, 1)} %`])),
}
const result = {
  mode: QUICK ? 'quick' : 'full',
  capacity: capacity || null,
  rate,
  writesPerSecond: round(writeRate(rate), 1),
  warmupSeconds: WARMUP_SECONDS,
  measuredSeconds,
  sampleSeconds: SAMPLE_SECONDS,
  windowSeconds,
  rss: {
    earlyMedianBytes: rssEarly,
    lateMedianBytes: rssLate,
    limitBytes: Math.round(rssLimit),
    ratio: round(rssLate / rssEarly, 3),
    afterWarmupBytes: rssAfterWarmup,
    endBytes: rssEnd,
    maxBytes: Math.max(...rssReadings.map((r) => r.bytes).filter((b) => !Number.isNaN(b))),
  },
  p99: { earlyMs: round(p99Early), lateMs: round(p99Late), limitMs: round(p99Limit), ratio: round(p99Late / p99Early, 3) },
  errors,
  statuses: all.statuses,
  firstErrors: merge([warmupBucket, all]).firstErrors,
  walMaxBytes: maxWal,
  sameProcess,
  exitCode,
  integrity,
  stories: { acknowledged: acknowledged.length, inDatabase: storiesInDb, missing: missingAcknowledged, duringMeasure: stories - storiesAtStart },
  warmup,
  overall: summary(all),
  probes,
  samples,
  mix,
  criteria,
  failed,
  pass: failed.length === 0,
}

if (!QUICK) {
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)
  const yes = (ok: boolean) => (ok ? 'pass' : '**FAIL**')
  // One row a minute: the table stays readable for a 10-minute run.
  const perRow = Math.max(1, Math.round(60 / SAMPLE_SECONDS))
  const rows: string[] = []
  for (let i = 0; i < samples.length; i += perRow) {
    const group = samples.slice(i, i + perRow)
    const s = summary(merge(buckets.slice(i, i + perRow)))
    const from = group[0]!.t - SAMPLE_SECONDS
    const to = group.at(-1)!.t
    const rss = rssReadings.filter((r) => r.t > from && r.t <= to).map((r) => r.bytes)
    const heaps = group.map((g) => g.heapUsedBytes).filter((h) => h !== null)
    rows.push(
      `| ${from}–${to} | ${s.served} | ${s.serverCpu} | ${s.p50} | ${s.p99} | ${s.p99ByKind.read} | ${s.p99ByKind.feed} | ${s.p99ByKind.changes} | ${s.p99ByKind.write} | ${s.errors} | ${mb(median(rss))} (${mb(Math.min(...rss))}–${mb(Math.max(...rss))}) | ${heaps.length ? `${mb(Math.min(...heaps))}–${mb(Math.max(...heaps))}` : '–'} | ${mb(Math.max(...group.map((g) => g.walBytes)))} |`,
    )
  }
  appendReport(
    args.out!,
    `## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: soak — ${result.pass ? 'pass' : 'FAIL'} (${measuredSeconds / 60} min at ${rate} req/s after ${WARMUP_SECONDS} s warm-up)

Machine: ${machine()}
Rate: ${rate} req/s${capacity ? ` = 0.8 × C, C = ${capacity} req/s (highest probed rate of this mix with p99 < 50 ms, no errors, ≥ 90 % served; ${PROBE_SECONDS} s per rate, ×1.5 steps from 250)` : ' (given)'}, of which ${round(writeRate(rate), 1)} writes/s.
Mix: ${Object.entries(mix.reads).map(([name, share]) => `${name} ${share}`).join(', ')} of the reads; writes ${mix.writes}. Latency is timed by the load generator with performance.now(), from dispatch to the last byte, over keep-alive connections. Server CPU is its CPU time over wall time (1 = its whole core); heap used is the range /health reported in the minute.

| s after warm-up | served req/s | server CPU | p50 ms | p99 ms | p99 read | p99 feed | p99 changes | p99 write | errors | RSS MB: median (min–max) | heap used MB | WAL MB |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

| criterion | measured | verdict |
|---|---|---|
| RSS at the end ≤ 1.1 × after warm-up (medians of per-second readings, first and last ${windowSeconds} s) | ${mb(rssEarly)} → ${mb(rssLate)} MB (${result.rss.ratio}×); single readings ${mb(rssAfterWarmup)} → ${mb(rssEnd)} MB | ${yes(criteria.rss)} |
| p99 of the last ${windowSeconds} s ≤ 1.5 × the first | ${result.p99.earlyMs} → ${result.p99.lateMs} ms (${result.p99.ratio}×) | ${yes(criteria.p99 === true)} |
| no errors (503s included) | ${errors} (warm-up ${warmup.errors}) | ${yes(criteria.errors)} |
| WAL under 64 MB | at most ${mb(maxWal)} MB (looked at every second) | ${yes(criteria.wal)} |
| same process; exit 0 on SIGTERM | ${sameProcess ? 'same' : 'restarted or gone'}; exit ${exitCode} | ${yes(criteria.sameProcess && criteria.cleanExit)} |
| database whole | integrity_check ${integrity}; ${acknowledged.length} stories acknowledged, ${missingAcknowledged} missing | ${yes(criteria.integrity && criteria.acknowledgedStored)} |
`,
    // The preamble of bench/reliability.ts, which runs this with the other parts.
    RELIABILITY_PREAMBLE,
  )
}
process.stdout.write(`${JSON.stringify(result)}\n`)
process.exit(result.pass ? 0 : 1)
