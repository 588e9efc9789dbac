// Slow clients: sockets that drip headers, drip bodies or sit idle on keep-alive, held at a
// steady count while a normal client is measured, against the real server process.
// Pass: the normal client's p99 at most 2 × its baseline with no errors; every slow socket
// closed within its timeout + 2 s; the server's open file descriptors back to where they were.
// Usage: node --import tsx bench/slow-clients.ts [--quick] [--seconds 30] [--out RELIABILITY.md]
// The full mode keeps the server's default timeouts; --quick (used by the test) shortens them.
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { Pool } from 'undici'
import { loadConfig } from '../src/config.js'
import { appendReport, machine, NODE_TSX, pin, pinSelf, start, stop, RELIABILITY_PREAMBLE, prepareDatabase } from './lib.js'

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seconds: { type: 'string' },
    out: { type: 'string', default: 'RELIABILITY.md' },
  },
})
const QUICK = args.quick!
const SECONDS = Number(args.seconds ?? (QUICK ? 3 : 30))
const RATE = 200
const CONNECTIONS = 4
const PATHS = ['/v1/articles/islamic-militant-threat-grows-in-pakistani-heartland', '/v1/articles']
type Kind = 'headers' | 'bodies' | 'idle'
const KINDS: Kind[] = ['headers', 'bodies', 'idle']
const COUNTS: Record<Kind, number> = QUICK ? { headers: 100, bodies: 40, idle: 60 } : { headers: 500, bodies: 200, idle: 300 }
// The issue allows two seconds past each timeout. Node uses some: it checks the header and
// request deadlines four times a second (connectionsCheckingInterval), and holds an idle keep-alive
// socket for a second past the advertised keepAliveTimeout (HTTP_SERVER_KEEP_ALIVE_TIMEOUT_BUFFER).
const SLACK_MS = 2000
pinSelf()

const dir = mkdtempSync(join(tmpdir(), 'byline-slow-clients-'))
const env: Record<string, string> = {
  DATABASE_PATH: join(dir, 'slow-clients.db'),
  LOG_LEVEL: 'warn',
  // Every socket comes from 127.0.0.1: a per-IP limit would be measuring itself.
  RATE_LIMIT_MAX: '0',
  // Short enough for npm test; the full mode measures the defaults people run with.
  ...(QUICK ? { HEADERS_TIMEOUT_MS: '1000', REQUEST_TIMEOUT_MS: '2000', KEEP_ALIVE_TIMEOUT_MS: '1000' } : {}),
}
// The server reads the same environment through the same parser, so these are its timeouts.
const { timeouts } = loadConfig({ ...process.env, ...env })
const LIMIT_MS: Record<Kind, number> = { headers: timeouts.headersMs, bodies: timeouts.requestMs, idle: timeouts.keepAliveMs }

// Body drippers carry a write key: without one the server refuses them before the body
// and closes the connection at once, which would test nothing.
const { secret } = prepareDatabase(env.DATABASE_PATH!, 'slow writer')

const server = await start(pin('1', [...NODE_TSX, 'src/server.ts']), env, '/ready')
const pid = server.child.pid!
const origin = `http://127.0.0.1:${server.port}`

// ---- the server's file descriptors and connections, from /proc ----

const fdCount = () => readdirSync(`/proc/${pid}/fd`).length

/** Open descriptors by what they point at (socket, pipe, the database files…). */
function fdKinds(): Record<string, number> {
  const kinds: Record<string, number> = {}
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    let target: string
    try {
      target = readlinkSync(`/proc/${pid}/fd/${fd}`)
    } catch {
      continue // closed between the listing and the read
    }
    const kind = target.replace(/:\[\d+\]$/, '').replace(dir, '<db dir>')
    kinds[kind] = (kinds[kind] ?? 0) + 1
  }
  return kinds
}

const TCP_STATES: Record<string, string> = { '01': 'ESTABLISHED', '08': 'CLOSE_WAIT', '04': 'FIN_WAIT1', '05': 'FIN_WAIT2', '06': 'TIME_WAIT', '09': 'LAST_ACK', '0B': 'CLOSING' }

/** The server's side of its TCP connections, by state (the listening socket left out). */
function serverConnections(): Record<string, number> {
  const port = server.port.toString(16).toUpperCase().padStart(4, '0')
  const states: Record<string, number> = {}
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const [, local, , st] = line.trim().split(/\s+/)
    if (!local?.endsWith(`:${port}`) || st === '0A') continue
    const name = TCP_STATES[st!] ?? st!
    states[name] = (states[name] ?? 0) + 1
  }
  return states
}

/** Connections that still hold a descriptor in the server (TIME_WAIT and FIN_WAIT do not). */
const heldConnections = () => {
  const s = serverConnections()
  return (s.ESTABLISHED ?? 0) + (s.CLOSE_WAIT ?? 0)
}

async function waitUntil(done: () => boolean, ms: number) {
  const deadline = performance.now() + ms
  while (!done() && performance.now() < deadline) await sleep(100)
  return done()
}

// ---- the normal client ----

type Run = {
  requests: number
  rps: number
  p50: number
  p99: number
  max: number
  errors: number
  non2xx: number
  errorCodes: Record<string, number>
  /** The slowest requests: when they began (s since this script started) and how long they took. */
  slowest: { at: number; ms: number }[]
  /**
   * Time the server's and this script's main threads were ready to run but waited for a CPU,
   * and this script's worst event-loop delay: a busy machine, told apart from a slow server.
   */
  waitedForCpuMs: { server: number; client: number }
  clientLoopDelayMaxMs: number
}

const round = (ms: number) => Math.round(ms * 100) / 100
const sinceStart = (ms: number) => Math.round(ms / 100) / 10 // performance.now() in s, one decimal
/** Run-queue wait of a process's main thread, in ms (the second field of schedstat, in ns). */
const waitedForCpu = (p: number) => Number(readFileSync(`/proc/${p}/schedstat`, 'utf8').split(' ')[1]) / 1e6
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN

/**
 * RATE requests a second for `seconds`, sent on schedule whether or not earlier ones have
 * answered, over a few keep-alive connections. Latency is timed per request, sub-millisecond:
 * at a baseline near 1 ms, whole milliseconds could not tell 2 × from 1 ×.
 */
async function normalClient(seconds: number): Promise<Run> {
  const pool = new Pool(origin, { connections: CONNECTIONS, headersTimeout: 10_000, bodyTimeout: 10_000 })
  const latencies: number[] = []
  const began: number[] = []
  const errorCodes: Record<string, number> = {}
  let errors = 0
  let non2xx = 0
  const pending: Promise<void>[] = []
  const send = async (n: number) => {
    const at = performance.now()
    try {
      const res = await pool.request({ path: PATHS[n % PATHS.length]!, method: 'GET' })
      await res.body.arrayBuffer()
      latencies.push(performance.now() - at)
      began.push(at)
      if (res.statusCode < 200 || res.statusCode > 299) non2xx++
    } catch (err) {
      errors++
      const code = (err as { code?: string }).code ?? String(err)
      errorCodes[code] = (errorCodes[code] ?? 0) + 1
    }
  }
  const total = Math.round(seconds * RATE)
  const waited = { server: waitedForCpu(pid), client: waitedForCpu(process.pid) }
  const loopDelay = monitorEventLoopDelay({ resolution: 10 })
  loopDelay.enable()
  const t0 = performance.now()
  let sent = 0
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - t0) * RATE) / 1000) + 1)
    while (sent < due) pending.push(send(sent++))
    await sleep(2)
  }
  await Promise.all(pending)
  const elapsed = (performance.now() - t0) / 1000
  loopDelay.disable()
  await pool.close()
  const slowest = latencies
    .map((ms, i) => ({ at: sinceStart(began[i]!), ms: round(ms) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
  latencies.sort((a, b) => a - b)
  return {
    requests: total,
    rps: Math.round(total / elapsed),
    p50: round(percentile(latencies, 0.5)),
    p99: round(percentile(latencies, 0.99)),
    max: round(latencies.at(-1) ?? NaN),
    errors,
    non2xx,
    errorCodes,
    slowest,
    waitedForCpuMs: { server: Math.round(waitedForCpu(pid) - waited.server), client: Math.round(waitedForCpu(process.pid) - waited.client) },
    clientLoopDelayMaxMs: round(loopDelay.max / 1e6),
  }
}

// ---- the slow sockets ----

type Slow = {
  kind: Kind
  /** performance.now() of connect (drippers) or of the end of the response (idle). */
  started?: number
  closedAfter?: number
  connectError?: string
  closed: boolean
  /** Still open at the deadline, so this run closed it. */
  cut: boolean
  closedAt?: number
  received: string
}

const slow: Slow[] = []
const open = new Set<{ destroy: () => void }>()
let phase: 'hold' | 'drain' = 'hold'

const HEADERS_DRIP = 'Host: 127.0.0.1\r\nX-Drip: '
// Under the 64 KiB limit of a tag's body, so the server waits for it to arrive.
const BODY_HEAD = `POST /v1/tags HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${secret}\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n`
const BODY_DRIP = '{"name":"'

/** A response complete in `text` (Content-Length, or chunked up to its last chunk). */
function responseEnd(text: string): boolean {
  const head = text.indexOf('\r\n\r\n')
  if (head < 0) return false
  const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, head))
  if (length) return Buffer.byteLength(text.slice(head + 4), 'latin1') >= Number(length[1])
  return text.endsWith('0\r\n\r\n')
}

function openSlow(kind: Kind) {
  const s: Slow = { kind, closed: false, cut: false, received: '' }
  slow.push(s)
  const socket = connect({ host: '127.0.0.1', port: server.port })
  open.add(socket)
  let connected = false
  let timer: NodeJS.Timeout | undefined
  let dripped = 0
  const drip = (text: string) => {
    timer = setTimeout(
      () => {
        if (!socket.writable) return
        socket.write(text[dripped] ?? 'a')
        dripped++
        drip(text)
      },
      500 + Math.random() * 500,
    )
  }
  socket.on('connect', () => {
    connected = true
    if (kind === 'headers') {
      s.started = performance.now()
      socket.write('GET /v1/articles HTTP/1.1\r\n')
      drip(HEADERS_DRIP)
    } else if (kind === 'bodies') {
      s.started = performance.now()
      socket.write(BODY_HEAD)
      drip(BODY_DRIP)
    } else {
      socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
    }
  })
  // Reading what the server sends lets the socket see its end, and us see the status.
  socket.on('data', (chunk) => {
    s.received += chunk.toString('latin1')
    if (kind === 'idle' && s.started === undefined && responseEnd(s.received)) s.started = performance.now()
  })
  socket.on('error', (err: NodeJS.ErrnoException) => {
    if (!connected) s.connectError = err.code ?? err.message
  })
  socket.on('close', () => {
    clearTimeout(timer)
    open.delete(socket)
    s.closed = true
    s.closedAt = performance.now()
    if (s.started !== undefined && !s.cut) s.closedAfter = performance.now() - s.started
    // The count is held while the normal client runs; a refused connect waits a little.
    // Replaced at once, sockets opened together stay together, as an attacker's would: the
    // server cuts them in the same deadline check, all in one turn of its event loop.
    if (phase === 'hold') setTimeout(() => phase === 'hold' && openSlow(kind), connected ? 0 : 100)
  })
}

/** The three kinds interleaved, opened a batch at a time, so the listen backlog keeps up. */
async function rampUp() {
  const order = KINDS.flatMap((kind) => Array.from({ length: COUNTS[kind] }, (_, i) => ({ kind, at: (i + 0.5) / COUNTS[kind] })))
  order.sort((a, b) => a.at - b.at)
  for (let i = 0; i < order.length; i += 50) {
    for (const { kind } of order.slice(i, i + 50)) openSlow(kind)
    await sleep(50)
  }
  // Held once every socket is dripping, or idle after its answer (or refused).
  await waitUntil(() => slow.every((s) => s.started !== undefined || s.closed), 10_000)
}

type SlowFigures = {
  limitMs: number
  held: number
  opened: number
  connectErrors: Record<string, number>
  closedInTime: number
  late: number
  /** Open past the run's deadline (closed by this script), or never answered (idle). */
  unclosed: number
  minMs: number
  p50Ms: number
  maxMs: number
  statuses: Record<string, number>
  /** The first few late ones: when they closed (s since this script started), after how long. */
  lateCloses: { at: number; ms: number }[]
}

function slowFigures(kind: Kind): SlowFigures {
  const mine = slow.filter((s) => s.kind === kind)
  const limit = LIMIT_MS[kind] + SLACK_MS
  const connectErrors: Record<string, number> = {}
  const statuses: Record<string, number> = {}
  const times: number[] = []
  let late = 0
  let unclosed = 0
  const lateCloses: { at: number; ms: number }[] = []
  for (const s of mine) {
    for (const [, status] of s.received.matchAll(/HTTP\/1\.1 (\d{3})/g)) statuses[status!] = (statuses[status!] ?? 0) + 1
    if (s.connectError !== undefined) {
      connectErrors[s.connectError] = (connectErrors[s.connectError] ?? 0) + 1
      continue
    }
    if (s.closedAfter === undefined) unclosed++
    else {
      times.push(s.closedAfter)
      if (s.closedAfter > limit && late++ < 5) lateCloses.push({ at: sinceStart(s.closedAt!), ms: Math.round(s.closedAfter) })
    }
  }
  times.sort((a, b) => a - b)
  return {
    limitMs: LIMIT_MS[kind],
    held: COUNTS[kind],
    opened: mine.length,
    connectErrors,
    closedInTime: times.length - late,
    late,
    unclosed,
    minMs: Math.round(times[0] ?? NaN),
    p50Ms: Math.round(percentile(times, 0.5)),
    maxMs: Math.round(times.at(-1) ?? NaN),
    statuses,
    lateCloses,
  }
}

// ---- the run ----

// Warm-up, discarded: JIT and the representation cache settle before anything is measured.
await normalClient(QUICK ? 2 : 5)
const baseline = await normalClient(SECONDS)

// The descriptors before are counted with no client connected, as they are after.
const quietBefore = await waitUntil(() => heldConnections() === 0, timeouts.keepAliveMs + 5000)
const fdBefore = fdCount()
const fdKindsBefore = fdKinds()

let fdPeak = fdBefore
let openAtPeak = 0
const watch = setInterval(() => {
  const n = fdCount()
  if (n > fdPeak) {
    fdPeak = n
    openAtPeak = open.size
  }
}, 250)

await rampUp()
const underLoad = await normalClient(SECONDS)
phase = 'drain'
clearInterval(watch)
const drainedAt = performance.now()

// Every socket has had its timeout and the slack by then; whatever is still open is cut.
const allClosed = await waitUntil(() => open.size === 0, Math.max(...Object.values(LIMIT_MS)) + SLACK_MS + 1000)
for (const s of slow) if (s.closedAfter === undefined && s.connectError === undefined) s.cut = true
for (const socket of open) socket.destroy()
const drainSeconds = Math.round((performance.now() - drainedAt) / 100) / 10

// The normal client's pool is closed too, so nothing should hold a descriptor any more.
const quietAfter = await waitUntil(() => heldConnections() === 0 && fdCount() <= fdBefore, 5000)
const fdAfter = fdCount()
const fdKindsAfter = fdKinds()
const connectionsAfter = serverConnections()
const serverAlive = server.child.exitCode === null && server.child.signalCode === null

const figures = Object.fromEntries(KINDS.map((k) => [k, slowFigures(k)])) as Record<Kind, SlowFigures>
// npm test runs other test files on the same two cores, and each batch of expiring slow
// sockets costs the server ~0.2 ms apiece in one turn of its event loop (tens of ms for a
// batch): with a neighbour's work on top, 2 × a ~1 ms baseline measures the neighbour. The
// quick mode only checks the normal client was never held up for long (baseline + 250 ms);
// the full mode, run alone, holds to 2 ×.
const p99Limit = round(QUICK ? Math.max(2 * baseline.p99, baseline.p99 + 250) : 2 * baseline.p99)
const criteria = {
  normalClientNoErrors: underLoad.errors === 0 && underLoad.non2xx === 0 && baseline.errors === 0 && baseline.non2xx === 0,
  // Latency is judged in the full run only: inside npm test it measures the neighbours.
  ...(QUICK ? {} : { normalClientP99: underLoad.p99 <= p99Limit }),
  headersClosedInTime: figures.headers.late === 0 && figures.headers.unclosed === 0,
  bodiesClosedInTime: figures.bodies.late === 0 && figures.bodies.unclosed === 0,
  idleClosedInTime: figures.idle.late === 0 && figures.idle.unclosed === 0,
  fdsBackToBaseline: fdAfter <= fdBefore,
  serverAlive,
}
const failed = Object.entries(criteria)
  .filter(([, ok]) => !ok)
  .map(([name]) => name)

const result = {
  mode: QUICK ? 'quick' : 'full',
  seconds: SECONDS,
  rate: RATE,
  timeouts,
  baseline,
  underLoad,
  p99Limit,
  slow: figures,
  fds: { before: fdBefore, peak: fdPeak, after: fdAfter, openSlowAtPeak: openAtPeak, kindsBefore: fdKindsBefore, kindsAfter: fdKindsAfter },
  connectionsAfter,
  quietBefore,
  quietAfter,
  allClosed,
  drainSeconds,
  criteria,
  failed,
  pass: failed.length === 0,
}

if (!QUICK) {
  const ms = (n: number) => `${n} ms`
  const run = (name: string, r: Run) =>
    `| ${name} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.max} | ${r.errors} | ${r.non2xx} | ${r.waitedForCpuMs.server} |`
  const kindRow = (name: string, f: SlowFigures) =>
    `| ${name} | ${f.held} | ${f.opened} | ${ms(f.limitMs)} | ${f.minMs} / ${f.p50Ms} / ${f.maxMs} | ${f.closedInTime} | ${f.late} | ${f.unclosed} | ${JSON.stringify(f.connectErrors)} | ${JSON.stringify(f.statuses)} |`
  const mark = (ok: boolean) => (ok ? 'pass' : '**FAIL**')
  appendReport(
    args.out!,
    `## ${new Date().toISOString().slice(0, 10)}: slow clients (${COUNTS.headers} dripping headers, ${COUNTS.bodies} dripping bodies, ${COUNTS.idle} idle keep-alive)

Machine: ${machine().replace('autocannon', 'the load generator')}
The server at its default timeouts: headers ${ms(timeouts.headersMs)}, request ${ms(timeouts.requestMs)}, keep-alive ${ms(timeouts.keepAliveMs)}, connection ${ms(timeouts.connectionMs)}. Shedding at its defaults, rate limit off (one client address).
A normal client sends ${RATE} req/s over ${CONNECTIONS} keep-alive connections for ${SECONDS} s (the seeded story's page and the article list, alternately), alone and then while the slow sockets are held at their count (each one closed is replaced by a new one). Latencies in ms, timed per request.

| normal client | requests | req/s | p50 | p99 | max | errors | non-2xx | server waited for a CPU (ms) |
|---|---|---|---|---|---|---|---|---|
${run('alone', baseline)}
${run('with slow clients', underLoad)}

Slow sockets: time from connect (drippers) or from the end of the answer (idle) to the server closing the socket, in ms.

| kind | held | opened in all | timeout | closed after min / p50 / max | within timeout + 2 s | late | not closed | connect errors | statuses received |
|---|---|---|---|---|---|---|---|---|---|
${kindRow('headers dripped', figures.headers)}
${kindRow('body dripped (POST /v1/tags)', figures.bodies)}
${kindRow('idle keep-alive', figures.idle)}

Server file descriptors: ${fdBefore} before, ${fdPeak} at the peak (${openAtPeak} slow sockets open), ${fdAfter} after.

| criterion | result |
|---|---|
| normal client: 0 errors, 0 non-2xx | ${mark(criteria.normalClientNoErrors)} (${underLoad.errors} errors, ${underLoad.non2xx} non-2xx) |
| normal client p99 ≤ 2 × baseline | ${mark(criteria.normalClientP99 === true)} (${underLoad.p99} ms against ${p99Limit} ms) |
| dripped headers closed within ${ms(timeouts.headersMs)} + 2 s | ${mark(criteria.headersClosedInTime)} |
| dripped bodies closed within ${ms(timeouts.requestMs)} + 2 s | ${mark(criteria.bodiesClosedInTime)} |
| idle keep-alive closed within ${ms(timeouts.keepAliveMs)} + 2 s | ${mark(criteria.idleClosedInTime)} |
| file descriptors back to baseline | ${mark(criteria.fdsBackToBaseline)} (${fdBefore} → ${fdAfter}) |
| same server process throughout | ${mark(serverAlive)} |
`,
    // The same heading as bench/reliability.ts writes, whichever part creates the file.
    RELIABILITY_PREAMBLE,
  )
}

stop(server.child)
await Promise.race([new Promise((r) => server.child.once('exit', r)), sleep(5000)])
rmSync(dir, { recursive: true, force: true })
process.stdout.write(`${JSON.stringify(result)}\n`)
process.exit(result.pass ? 0 : 1)
