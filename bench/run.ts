// Byline against a bare Fastify ceiling, same bytes, same run: autocannon over loopback.
// Usage: npm run bench [-- --seconds 10 --connections 10]
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { createServer, type AddressInfo } from 'node:net'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    out: { type: 'string', default: 'bench/RESULTS.md' },
  },
})
const SECONDS = Number(args.seconds)
const CONNECTIONS = Number(args.connections)
const SLUG = 'islamic-militant-threat-grows-in-pakistani-heartland'
const NODE_TSX = [process.execPath, '--import', 'tsx']
const pin = (cpu: string, cmd: string[]) => (cpus().length > 1 ? ['taskset', '-c', cpu, ...cmd] : cmd)
// The load generator keeps to CPU 0 so it does not take the servers' core.
if (cpus().length > 1) spawnSync('taskset', ['-cp', '0', String(process.pid)], { stdio: 'ignore' })

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  server.close()
  return port
}

/** Starts a server on a free port (its output discarded, as in production) and waits for it. */
async function start(cmd: string[], env: Record<string, string>, probe: string) {
  const port = await freePort()
  const [bin, ...rest] = cmd
  const child = spawn(bin!, [...rest], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] })
  for (let i = 0; i < 200; i++) {
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

/** utime + stime of a process, in seconds, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

async function load(port: number, path: string, pid: number) {
  const before = cpuSeconds(pid)
  const result = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: CONNECTIONS, duration: SECONDS })
  const cpu = cpuSeconds(pid) - before
  if (result.non2xx || result.errors) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, perCpu: result.requests.total / cpu }
}

const dir = mkdtempSync(join(tmpdir(), 'byline-bench-'))
// Byline runs as shipped: default settings, info-level request logging included.
const byline = await start(pin('1', [...NODE_TSX, 'src/server.ts']), { DATABASE_PATH: join(dir, 'bench.db') }, '/ready')
const base = `http://127.0.0.1:${byline.port}`
const article = (await (await fetch(`${base}/v1/articles/${SLUG}`)).json()) as { data: { id: string } }
const scenarios: Record<string, string> = {
  'article by id': `/v1/articles/${article.data.id}`,
  'articles, first page': '/v1/articles',
  'quotes, first page': '/v1/quotes',
  'source by slug': '/v1/sources/senior-western-diplomat',
}
const captured: Record<string, { body: string; type: string }> = {}
for (const path of Object.values(scenarios)) {
  const res = await fetch(`${base}${path}`)
  captured[path] = { body: await res.text(), type: res.headers.get('content-type')! }
}
writeFileSync(join(dir, 'responses.json'), JSON.stringify(captured))
const ceiling = await start(pin('1', [...NODE_TSX, 'bench/ceiling.ts', join(dir, 'responses.json')]), {}, '/v1/articles')

const rows: string[] = []
for (const [name, path] of Object.entries(scenarios)) {
  const b = await load(byline.port, path, byline.child.pid!)
  const c = await load(ceiling.port, path, ceiling.child.pid!)
  const row = `| ${name} | ${captured[path]!.body.length} | ${b.rps.toFixed(0)} | ${b.p50} | ${b.p99} | ${b.perCpu.toFixed(0)} | ${c.rps.toFixed(0)} | ${c.p50} | ${c.p99} | ${(b.rps / c.rps).toFixed(2)} |`
  rows.push(row)
  process.stdout.write(`${row}\n`)
}
byline.child.kill('SIGTERM')
ceiling.child.kill('SIGTERM')

const cpu = cpus()[0]?.model ?? 'unknown CPU'
const report = `## ${new Date().toISOString().slice(0, 10)}: seeded story, ${SECONDS} s per run, ${CONNECTIONS} connections

Machine: ${cpus().length} × ${cpu}, Node ${process.version}. Servers pinned to CPU 1, autocannon on CPU 0 (taskset).
Latencies in ms. "req/CPU-s" is requests served per second of the server's own CPU time (from /proc).

| scenario | bytes | Byline req/s | p50 | p99 | req/CPU-s | ceiling req/s | p50 | p99 | Byline ÷ ceiling |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`
writeFileSync(args.out!, `${readExisting(args.out!)}${report}\n`)
process.stdout.write(`appended to ${args.out}\n`)
process.exit(0)

function readExisting(file: string) {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return '# Benchmark results\n\nProduced by `npm run bench`: Byline and a bare Fastify server answering the same bytes from memory, measured in the same run with autocannon over loopback. Each section is one run; newest last.\n\n'
  }
}
