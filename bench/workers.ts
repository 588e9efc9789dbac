// WORKERS=1 against WORKERS=2 on the seeded story's cached pages, with the bare Fastify
// ceiling answering the same bytes in the same run. Nothing is pinned: the workers are meant
// to use both cores, and autocannon shares them (this machine has no third core for it).
// Usage: npm run bench:workers [-- --seconds 10 --connections 40 --rounds 2]
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { appendReport, capture, NODE_TSX, prepareDatabase, start, stop } from './lib.js'
import { cpus } from 'node:os'

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '40' },
    rounds: { type: 'string', default: '2' },
    out: { type: 'string', default: 'bench/RESULTS.md' },
  },
})
const SECONDS = Number(args.seconds)
const CONNECTIONS = Number(args.connections)
const SLUG = 'islamic-militant-threat-grows-in-pakistani-heartland'

const dir = mkdtempSync(join(tmpdir(), 'byline-workers-'))
const database = join(dir, 'bench.db')
prepareDatabase(database, 'bench')
const paths = { 'story page': `/v1/articles/${SLUG}`, 'list page': '/v1/articles' }

async function rps(port: number, path: string) {
  const result = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: CONNECTIONS, duration: SECONDS })
  if (result.non2xx || result.errors) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return { rps: result.requests.average, p99: result.latency.p99 }
}

async function serve(workers: number) {
  return start([...NODE_TSX, 'src/server.ts'], { DATABASE_PATH: database, WORKERS: String(workers), LOG_LEVEL: 'warn' }, '/ready')
}

const first = await serve(1)
await capture(`http://127.0.0.1:${first.port}`, Object.values(paths), join(dir, 'responses.json'))
stop(first.child)
await new Promise((r) => first.child.once('exit', r))

const rows: string[] = []
for (let round = 1; round <= Number(args.rounds); round++) {
  for (const [name, path] of Object.entries(paths)) {
    const figures: Record<string, { rps: number; p99: number }> = {}
    for (const workers of [1, 2]) {
      const server = await serve(workers)
      await rps(server.port, path) // warm: caches filled, JIT settled, every worker up
      figures[`w${workers}`] = await rps(server.port, path)
      stop(server.child)
      await new Promise((r) => server.child.once('exit', r))
    }
    const ceiling = await start([...NODE_TSX, 'bench/ceiling.ts', join(dir, 'responses.json')], {}, '/v1/articles')
    figures.ceiling = await rps(ceiling.port, path)
    stop(ceiling.child)
    const { w1, w2, ceiling: c } = figures as Record<string, { rps: number; p99: number }>
    const row = `| ${round} | ${name} | ${w1!.rps.toFixed(0)} | ${w1!.p99} | ${w2!.rps.toFixed(0)} | ${w2!.p99} | ${(w2!.rps / w1!.rps).toFixed(2)} | ${c!.rps.toFixed(0)} |`
    rows.push(row)
    process.stdout.write(`${row}\n`)
  }
}

appendReport(
  args.out!,
  `## ${new Date().toISOString().slice(0, 10)}: WORKERS=1 against WORKERS=2, ${SECONDS} s a run, ${CONNECTIONS} connections

Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; nothing pinned, autocannon on the same cores. Each run follows a warm-up run of the same length. The ceiling is one bare Fastify process answering the same bytes.

| round | page | WORKERS=1 req/s | p99 ms | WORKERS=2 req/s | p99 ms | 2 ÷ 1 | ceiling req/s |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`,
  '# Benchmark results\n\n',
)
process.stdout.write(`appended to ${args.out}\n`)
process.exit(0)
