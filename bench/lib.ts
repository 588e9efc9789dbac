// Shared by the benchmarks: servers on free ports, pinned apart from the load generator,
// and autocannon runs that also read the server's own CPU time from /proc.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { cpus } from 'node:os'
import autocannon from 'autocannon'
import { seedDb } from '../seed/load.js'
import { createKey } from '../src/core/keys.js'
import { openDb } from '../src/db/client.js'
import { migrateDb } from '../src/db/migrate.js'

export const NODE_TSX = [process.execPath, '--import', 'tsx']
export const pin = (cpu: string, cmd: string[]) => (cpus().length > 1 ? ['taskset', '-c', cpu, ...cmd] : cmd)

/** Keeps this process (the load generator) on CPU 0, so it does not take the servers' core. */
export function pinSelf() {
  if (cpus().length > 1) spawnSync('taskset', ['-cp', '0', String(process.pid)], { stdio: 'ignore' })
}

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  server.close()
  return port
}

const children = new Set<ChildProcess>()
// A benchmark that fails half-way must not leave servers behind.
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')))

/** Starts a server on a free port (its output discarded, as in production) and waits for it. */
export async function start(cmd: string[], env: Record<string, string>, probe: string) {
  const port = await freePort()
  const [bin, ...rest] = cmd
  // One client makes every request here: Byline's per-client rate limit would measure itself.
  const child = spawn(bin!, rest, {
    env: { ...process.env, RATE_LIMIT_MAX: '0', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  children.add(child)
  child.once('exit', () => children.delete(child))
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${cmd.join(' ')} exited with ${child.exitCode}`)
    try {
      if ((await fetch(`http://127.0.0.1:${port}${probe}`)).ok) return { child, port }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`${cmd.join(' ')} did not start`)
}

/** Migrates and seeds a database file, and makes one write key, before any server opens it. */
export function prepareDatabase(path: string, keyName: string): { secret: string } {
  const db = openDb(path)
  migrateDb(db)
  seedDb(db)
  const { secret } = createKey(db, keyName, ['write'])
  db.$client.close()
  return { secret }
}

/** utime + stime of a process, in seconds, from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

export type Run = { rps: number; p50: number; p99: number; perCpu: number }

export async function load(port: number, path: string, pid: number, seconds: number, connections: number): Promise<Run> {
  const before = cpuSeconds(pid)
  const result = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections, duration: seconds })
  const cpu = cpuSeconds(pid) - before
  if (result.non2xx || result.errors) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, perCpu: result.requests.total / cpu }
}

/** Captures what Byline answers for each URL, so the ceiling can answer the same bytes. */
/** A POST each request of which carries a new body (`body(n)` for the n-th request). */
export type Post = { path: string; headers: Record<string, string>; body: (n: number) => string }

export async function loadPost(port: number, post: Post, pid: number, seconds: number, connections: number): Promise<Run> {
  const before = cpuSeconds(pid)
  let n = 0
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${post.path}`,
    connections,
    duration: seconds,
    requests: [{ method: 'POST', headers: post.headers, setupRequest: (req) => ({ ...req, body: post.body(n++) }) }],
  })
  const cpu = cpuSeconds(pid) - before
  if (result.non2xx || result.errors) throw new Error(`POST ${post.path}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, perCpu: result.requests.total / cpu }
}

/**
 * Byline's answers, saved for the ceiling server to replay: GETs by URL, and one answer
 * to each POST (under "POST <path>") made with its first body.
 */
export async function capture(base: string, urls: string[], file: string, posts: Post[] = []) {
  const captured: Record<string, { body: string; type: string; status?: number }> = {}
  for (const url of urls) {
    const res = await fetch(`${base}${url}`)
    if (!res.ok) throw new Error(`${url}: ${res.status}`)
    captured[url] = { body: await res.text(), type: res.headers.get('content-type')! }
  }
  for (const post of posts) {
    const res = await fetch(`${base}${post.path}`, { method: 'POST', headers: post.headers, body: post.body(-1) })
    if (!res.ok) throw new Error(`POST ${post.path}: ${res.status} ${await res.text()}`)
    captured[`POST ${post.path}`] = { body: await res.text(), type: res.headers.get('content-type')!, status: res.status }
  }
  writeFileSync(file, JSON.stringify(captured))
  return captured
}

export const machine = () =>
  `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}. Servers pinned to CPU 1, autocannon on CPU 0 (taskset).`

export function appendReport(file: string, section: string, preamble: string) {
  let existing: string
  try {
    existing = readFileSync(file, 'utf8')
  } catch {
    existing = preamble
  }
  writeFileSync(file, `${existing}${section}\n`)
}

export const stop = (...children: ChildProcess[]) => children.forEach((c) => c.kill('SIGTERM'))

/** The first lines of RELIABILITY.md, written by whichever full-mode part runs first. */
export const RELIABILITY_PREAMBLE =
  '# Reliability results\n\nProduced by `npm run test:reliability` (each part can be run alone; see README, "Operating Byline"). Newest last.\n\n'
