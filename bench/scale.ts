// Byline at 10k, 100k and 1M synthetic stories, loaded through the import path, against a
// bare Fastify ceiling answering the same bytes in the same run.
// Usage: npm run bench:scale [-- --sizes 10000,100000,1000000 --seconds 10 --connections 10]
// Databases are kept under bench/data/ (git-ignored) and reused when already built.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { appendReport, capture, load, machine, NODE_TSX, pin, pinSelf, start, stop, type Run } from './lib.js'

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    // In 1 story in 1,000 (tools/generate.ts): a selective search.
    search: { type: 'string', default: 'xylophage' },
    fresh: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/RESULTS.md' },
  },
})
const SIZES = args.sizes!.split(',').map(Number)
const SECONDS = Number(args.seconds)
const CONNECTIONS = Number(args.connections)
const DATA = 'bench/data'
mkdirSync(DATA, { recursive: true })
pinSelf()

/** Generator → importer through a pipe, each on its own core; returns articles per second. */
async function build(size: number, file: string): Promise<number> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  const started = process.hrtime.bigint()
  const generator = spawn('taskset', ['-c', '0', ...NODE_TSX, 'tools/generate.ts', String(size), '1'], { stdio: ['ignore', 'pipe', 'inherit'] })
  const importer = spawn('taskset', ['-c', '1', ...NODE_TSX, 'src/cli/import.ts', '-'], {
    env: { ...process.env, DATABASE_PATH: file },
    stdio: ['pipe', 'inherit', 'inherit'],
  })
  generator.stdout!.pipe(importer.stdin!)
  const [code] = (await Promise.all([
    new Promise((r) => importer.once('exit', r)),
    new Promise((r) => generator.once('exit', r)),
  ])) as [number, number]
  if (code !== 0) throw new Error(`import of ${size} exited with ${code}`)
  return size / (Number(process.hrtime.bigint() - started) / 1e9)
}

type Json = { data: { id: string; authors: { id: string }[]; tags: { id: string }[] }[]; page: { nextCursor: string | null } }

async function scenarios(base: string): Promise<Record<string, string>> {
  const get = async (url: string) => (await (await fetch(`${base}${url}`)).json()) as Json
  const first = await get('/v1/articles?limit=100')
  let cursor = first.page.nextCursor
  // The page that starts 5,000 articles deep (or as deep as a small database goes).
  for (let i = 1; i < 50; i++) {
    const next = (await get(`/v1/articles?limit=100&cursor=${cursor}`)).page.nextCursor
    if (!next) break
    cursor = next
  }
  const sample = first.data[7]!
  const quote = (await (await fetch(`${base}/v1/quotes?limit=1`)).json()) as { data: { source: { id: string } }[] }
  return {
    'article by id': `/v1/articles/${sample.id}`,
    'articles, first page': '/v1/articles',
    'articles, 5,000 deep': `/v1/articles?cursor=${cursor}`,
    'articles by tag + author': `/v1/articles?tag=${sample.tags[0]!.id}&author=${sample.authors[0]!.id}`,
    'quotes by source + kind': `/v1/quotes?source=${quote.data[0]!.source.id}&kind=direct`,
    [`search "${args.search}"`]: `/v1/search?q=${encodeURIComponent(args.search!)}`,
  }
}

/** The first request to a freshly started server: nothing cached, exact total included. */
async function coldMs(file: string, url: string) {
  const server = await start(pin('1', [...NODE_TSX, 'src/server.ts']), { DATABASE_PATH: file }, '/health')
  const t0 = process.hrtime.bigint()
  const res = await fetch(`http://127.0.0.1:${server.port}${url}`)
  await res.arrayBuffer()
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  stop(server.child)
  await new Promise((r) => server.child.once('exit', r))
  return ms
}

const rows: string[] = []
const builds: string[] = []
// Server CPU time per request, per scenario, at the smallest size of the first run that
// measured it, kept so a later run of a larger size alone still compares with it. (p50 is
// below autocannon's 1 ms resolution once pages are cached; CPU per request is not.)
const BASELINE = join(DATA, 'baseline-cpu-us.json')
const p50s = new Map<string, number>(existsSync(BASELINE) ? Object.entries(JSON.parse(readFileSync(BASELINE, 'utf8'))) : [])
for (const size of SIZES) {
  const file = join(DATA, `${size}.db`)
  if (args.fresh || !existsSync(file)) {
    const rate = await build(size, file)
    builds.push(`| ${size.toLocaleString('en')} | ${rate.toFixed(0)} | ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB |`)
    process.stdout.write(`built ${size}: ${rate.toFixed(0)} articles/s\n`)
  }
  const byline = await start(pin('1', [...NODE_TSX, 'src/server.ts']), { DATABASE_PATH: file }, '/ready')
  const base = `http://127.0.0.1:${byline.port}`
  const urls = await scenarios(base)
  const colds = new Map<string, number>()
  for (const url of Object.values(urls)) colds.set(url, await coldMs(file, url))
  const responses = join(DATA, `responses-${size}.json`)
  const captured = await capture(base, Object.values(urls), responses)
  const ceiling = await start(pin('1', [...NODE_TSX, 'bench/ceiling.ts', responses]), {}, urls['articles, first page']!)
  for (const [name, url] of Object.entries(urls)) {
    const cold = colds.get(url)!
    // One warm-up second fills caches as a running service would have them.
    await load(byline.port, url, byline.child.pid!, 1, CONNECTIONS)
    const b: Run = await load(byline.port, url, byline.child.pid!, SECONDS, CONNECTIONS)
    const c: Run = await load(ceiling.port, url, ceiling.child.pid!, SECONDS, CONNECTIONS)
    const cpuUs = 1e6 / b.perCpu
    if (!p50s.has(name)) {
      p50s.set(name, cpuUs)
      writeFileSync(BASELINE, JSON.stringify(Object.fromEntries(p50s)))
    }
    const vsSmallest = `${cpuUs.toFixed(0)} (${(cpuUs / p50s.get(name)!).toFixed(2)}×)`
    const row = `| ${size.toLocaleString('en')} | ${name} | ${captured[url]!.body.length} | ${cold.toFixed(1)} | ${b.rps.toFixed(0)} | ${b.p50} | ${b.p99} | ${b.perCpu.toFixed(0)} | ${c.rps.toFixed(0)} | ${(b.rps / c.rps).toFixed(2)} | ${vsSmallest} |`
    rows.push(row)
    process.stdout.write(`${row}\n`)
  }
  stop(byline.child, ceiling.child)
}

appendReport(
  args.out!,
  `## ${new Date().toISOString().slice(0, 10)}: scale, ${SECONDS} s per run after a 1 s warm-up, ${CONNECTIONS} connections

Machine: ${machine()}
Latencies in ms (autocannon reports whole milliseconds). "cold ms" is the first request to a freshly started server (nothing cached: the page, its representations and its exact total are computed), timed by the client; the runs after it are served from the per-epoch cache, as they are between two writes. "CPU µs/req" is the server's own CPU time per request, and in brackets its ratio to the same scenario at the smallest size measured (bench/data/baseline-cpu-us.json): p50 is below autocannon's 1 ms resolution once pages are cached.
${builds.length ? `\nBuilt through the import path (generator and importer piped, one core each):\n\n| articles | articles/s | database |\n|---|---|---|\n${builds.join('\n')}\n` : ''}
| articles | scenario | bytes | cold ms | Byline req/s | p50 | p99 | req/CPU-s | ceiling req/s | Byline ÷ ceiling | CPU µs/req (÷ smallest) |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`,
  '# Benchmark results\n\n',
)
process.exit(0)
