// Overload: find the capacity C of the seeded story's page (highest rate with p99 < 50 ms
// and no errors), drive 5 × C, then 0.5 × C, and report what clients saw.
// Usage: npm run bench:overload [-- --seconds 60 --quick]
// --quick (used by the test): short phases, capacity taken from one probe.
import { mkdtempSync } from 'node:fs'
import type { IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { appendReport, machine, NODE_TSX, pin, pinSelf, start, stop } from './lib.js'

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/RESULTS.md' },
  },
})
const OVERLOAD_SECONDS = args.quick ? 5 : Number(args.seconds)
const PHASE_SECONDS = args.quick ? 3 : 10
pinSelf()

export type Phase = {
  rate: number
  rps: number
  p50: number
  p99: number
  statuses: Record<string, number>
  /** 503s that were not problem documents with Retry-After. */
  bad503: number
  errors: number
}

/** A run at a fixed request rate (0: as fast as possible) over 50 connections. */
async function phase(url: string, rate: number, seconds: number): Promise<Phase> {
  const statuses: Record<string, number> = {}
  let bad503 = 0
  const result = await autocannon({
    url,
    connections: 50,
    duration: seconds,
    ...(rate > 0 ? { overallRate: rate } : {}),
    requests: [
      {
        onResponse: (status: number, body: string, _context: object, headers?: IncomingHttpHeaders) => {
          statuses[status] = (statuses[status] ?? 0) + 1
          if (status === 503) {
            const problem = /^\{"type":"about:blank","title":"Service Unavailable","status":503/.test(body)
            const retry = headers?.['retry-after']
            if (!problem || !retry) bad503++
          }
        },
      },
    ],
  })
  return { rate, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, statuses, bad503, errors: result.errors + result.timeouts }
}

const dir = mkdtempSync(join(tmpdir(), 'byline-overload-'))
const server = await start(
  pin('1', [...NODE_TSX, 'src/server.ts']),
  // Shedding at its defaults; the rate limit off, so overload is the server's, not a key's.
  { DATABASE_PATH: join(dir, 'overload.db'), LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '0', MAX_EVENT_LOOP_DELAY_MS: '200' },
  '/ready',
)
// Uncached work each time: full-text search with a changing query would defeat the cache,
// but autocannon repeats one URL, so the heaviest cached page stands in (27 KB per answer).
const url = `http://127.0.0.1:${server.port}/v1/articles/islamic-militant-threat-grows-in-pakistani-heartland`

// Warm-up, discarded: JIT and the representation cache settle before anything is measured.
await phase(url, 0, args.quick ? 2 : 5)

const rows: Phase[] = []
let capacity = 0
let baseline: Phase | undefined
if (args.quick) {
  baseline = await phase(url, 0, PHASE_SECONDS)
  capacity = Math.max(100, Math.round(baseline.rps * 0.8))
  rows.push(baseline)
} else {
  // Rising rates until p99 ≥ 50 ms or errors: the last rate that held is C.
  for (let rate = 500; rate <= 50_000; rate = Math.round(rate * 1.5)) {
    const p = await phase(url, rate, PHASE_SECONDS)
    rows.push(p)
    if (p.p99 >= 50 || p.errors > 0 || p.rps < rate * 0.9) break
    capacity = rate
    baseline = p
  }
}
const pid = server.child.pid!
const overload = await phase(url, capacity * 5, OVERLOAD_SECONDS)
const alive = server.child.exitCode === null && server.child.pid === pid
const recovery = await phase(url, Math.round(capacity / 2), PHASE_SECONDS)
stop(server.child)

const result = { capacity, baseline, overload, recovery, sameProcess: alive }
process.stdout.write(`${JSON.stringify(result)}\n`)
if (!args.quick) {
  const line = (name: string, p: Phase) =>
    `| ${name} | ${p.rate || 'max'} | ${p.rps.toFixed(0)} | ${p.p50} | ${p.p99} | ${JSON.stringify(p.statuses)} | ${p.bad503} | ${p.errors} |`
  appendReport(
    args.out!,
    `## ${new Date().toISOString().slice(0, 10)}: overload (${OVERLOAD_SECONDS} s at 5 × capacity)

Machine: ${machine()}
Capacity C = ${capacity} req/s (highest rate with p99 < 50 ms and no errors) on the seeded story's page. Same process throughout: ${alive}.

| phase | target req/s | served req/s | p50 | p99 | statuses | 503 without problem/Retry-After | errors |
|---|---|---|---|---|---|---|---|
${rows.map((r, i) => line(`probe ${i + 1}`, r)).join('\n')}
${line('5 × C', overload)}
${line('0.5 × C after', recovery)}
`,
    '',
  )
}
process.exit(0)
