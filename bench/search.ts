// Search under hostile queries: each query once against a running server (so uncached, as a
// one-character change to `q` always is), while a second client asks /health every 5 ms and
// records how long it waited. Archives of generated stories (tools/generate.ts), built
// through the import path and kept under bench/data/ (git-ignored).
// Usage: node --import tsx bench/search.ts [-- --sizes 3000,100000 --out bench/RESULTS.md]
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { appendReport, machine, NODE_TSX, pin, pinSelf, start, stop } from './lib.js'

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '3000,100000' },
    out: { type: 'string', default: 'bench/RESULTS.md' },
  },
})
const DATA = 'bench/data'
mkdirSync(DATA, { recursive: true })
pinSelf()

const COMMON_OR = 'the OR and OR of OR to OR a OR in OR that OR is OR was OR for OR on OR with'
const QUERIES: [route: string, q: string][] = [
  ['/v1/search', Array.from({ length: 16 }, (_, i) => `${String.fromCharCode(97 + i)}*`).join(' OR ')],
  ['/v1/quotes', Array.from({ length: 16 }, (_, i) => `${String.fromCharCode(97 + i)}*`).join(' OR ')],
  ['/v1/search', 'the'],
  ['/v1/search', 'harbour'],
  ['/v1/search', 'xylophage'],
  ['/v1/search', '"the of"'],
  ['/v1/search', COMMON_OR],
  ['/v1/search', 'har* OR mar* OR xyl* OR the*'],
  ['/v1/search', 'the NOT harbour'],
  ['/v1/quotes', 'the'],
  ['/v1/quotes', COMMON_OR],
  ['/v1/articles', 'the'],
  ['/v1/articles', 'harbour'],
  ['/v1/sources', 'the'],
]

/** Generator → importer through a pipe, each on its own core. */
async function build(size: number, file: string) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  const generator = spawn('taskset', ['-c', '0', ...NODE_TSX, 'tools/generate.ts', String(size), '1'], { stdio: ['ignore', 'pipe', 'inherit'] })
  const importer = spawn('taskset', ['-c', '1', ...NODE_TSX, 'src/cli/import.ts', '-'], {
    env: { ...process.env, DATABASE_PATH: file },
    stdio: ['pipe', 'inherit', 'inherit'],
  })
  generator.stdout!.pipe(importer.stdin!)
  const [code] = (await Promise.all([new Promise((r) => importer.once('exit', r)), new Promise((r) => generator.once('exit', r))])) as [number, number]
  if (code !== 0) throw new Error(`import of ${size} exited with ${code}`)
}

/** Asks /health back to back until stopped; returns the longest wait. */
function watchHealth(base: string) {
  let longest = 0
  let running = true
  const loop = (async () => {
    while (running) {
      const t0 = performance.now()
      // A server blocked past its header timeout resets the waiting connection: still a wait.
      await fetch(`${base}/health`)
        .then((r) => r.arrayBuffer())
        .catch(() => undefined)
      longest = Math.max(longest, performance.now() - t0)
      await new Promise((r) => setTimeout(r, 5))
    }
  })()
  return async () => {
    running = false
    await loop
    return longest
  }
}

const rows: string[] = []
for (const size of args.sizes!.split(',').map(Number)) {
  const file = join(DATA, `${size}.db`)
  if (!existsSync(file)) {
    process.stdout.write(`building ${size} stories…\n`)
    await build(size, file)
  }
  const server = await start(pin('1', [...NODE_TSX, 'src/server.ts']), { DATABASE_PATH: file, MAX_EVENT_LOOP_DELAY_MS: '0' }, '/ready')
  const base = `http://127.0.0.1:${server.port}`
  for (const [route, q] of QUERIES) {
    const done = watchHealth(base)
    await new Promise((r) => setTimeout(r, 50))
    const t0 = performance.now()
    const answer = await fetch(`${base}${route}?q=${encodeURIComponent(q)}`)
      .then(async (res) => ({ status: String(res.status), body: (await res.json()) as { page?: { total: number; totalIsExact?: boolean } } }))
      .catch((err: Error) => ({ status: `no answer (${(err.cause as Error | undefined)?.message ?? err.message})`, body: {} as { page?: undefined } }))
    const ms = performance.now() - t0
    const health = await done()
    const page = answer.body.page
    const total = page ? `${page.total}${page.totalIsExact === false ? '+' : ''}` : '–'
    const row = `| ${size.toLocaleString('en')} | ${route} | \`${q.length > 40 ? `${q.slice(0, 37)}…` : q}\` | ${answer.status} | ${total} | ${ms.toFixed(1)} | ${health.toFixed(1)} |`
    rows.push(row)
    process.stdout.write(`${row}\n`)
  }
  stop(server.child)
  await new Promise((r) => server.child.once('exit', r))
}

appendReport(
  args.out!,
  `\n## ${new Date().toISOString().slice(0, 10)}: search under hostile queries (\`node --import tsx bench/search.ts\`)\n\n` +
    `Machine: ${machine()}\n` +
    'Each query once, uncached, against a running server; /health asked every 5 ms meanwhile by another client. ' +
    '`total` with `+`: more matched than the 1,000 candidates a search ranks.\n\n' +
    '| stories | route | q | status | total | ms | /health longest wait ms |\n|---|---|---|---|---|---|---|\n' +
    rows.join('\n') +
    '\n',
  '# Benchmark results\n\n',
)
