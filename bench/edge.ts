// What one machine does with Varnish in front: the story page through Varnish against the
// origin alone (WORKERS=2), and the write rate one SQLite file takes with WORKERS=1 and 2.
// Usage: npm run bench:edge [-- --seconds 10 --connections 20]   (needs varnishd and xkey)
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { appendReport, freePort, loadPost, NODE_TSX, prepareDatabase, start, stop, type Post } from './lib.js'

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    out: { type: 'string', default: 'bench/RESULTS.md' },
  },
})
const SECONDS = Number(args.seconds)
const CONNECTIONS = Number(args.connections)
const SLUG = 'islamic-militant-threat-grows-in-pakistani-heartland'
const dir = mkdtempSync(join(tmpdir(), 'byline-edge-'))

async function reads(url: string) {
  await autocannon({ url, connections: CONNECTIONS, duration: 2 })
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS })
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`)
  return `${r.requests.average.toFixed(0)} req/s, p99 ${r.latency.p99} ms`
}

const rows: string[] = []
{
  const database = join(dir, 'reads.db')
  prepareDatabase(database, 'edge')
  const cachePort = await freePort()
  const origin = await start([...NODE_TSX, 'src/server.ts'], { DATABASE_PATH: database, WORKERS: '2', LOG_LEVEL: 'warn', PURGE_URLS: `http://127.0.0.1:${cachePort}` }, '/ready')
  writeFileSync(join(dir, 'byline.vcl'), readFileSync('deploy/varnish/byline.vcl', 'utf8').replace('.port = "3000"', `.port = "${origin.port}"`))
  const varnish = spawn(process.env.VARNISHD ?? '/usr/sbin/varnishd', ['-F', '-j', 'none', '-a', `127.0.0.1:${cachePort}`, '-n', join(dir, 'varnish'), '-f', join(dir, 'byline.vcl'), '-s', 'malloc,256m'], { stdio: 'ignore' })
  for (let i = 0; i < 200; i++) {
    if (await fetch(`http://127.0.0.1:${cachePort}/health`).then((r) => r.ok, () => false)) break
    await new Promise((r) => setTimeout(r, 100))
  }
  rows.push(`| story page, origin alone (WORKERS=2) | ${await reads(`http://127.0.0.1:${origin.port}/v1/articles/${SLUG}`)} |`)
  rows.push(`| story page, through Varnish (HIT) | ${await reads(`http://127.0.0.1:${cachePort}/v1/articles/${SLUG}`)} |`)
  stop(origin.child)
  varnish.kill('SIGTERM')
}
for (const workers of [1, 2]) {
  const database = join(dir, `writes-${workers}.db`)
  const { secret } = prepareDatabase(database, 'edge')
  const server = await start([...NODE_TSX, 'src/server.ts'], { DATABASE_PATH: database, WORKERS: String(workers), LOG_LEVEL: 'warn' }, '/ready')
  const create: Post = {
    path: '/v1/articles',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: (n) =>
      JSON.stringify({
        slug: `edge-story-${n < 0 ? 'first' : n}-${workers}`,
        headline: `Edge story ${n}`,
        language: 'en',
        status: 'published',
        publishedAt: '2026-01-01T00:00:00.000Z',
        body: [{ type: 'paragraph', text: `"The count is ${n} today," an official said in a statement.` }],
        sources: [{ slug: 'edge-official', description: 'an official', kind: 'person', anonymous: true }],
        quotes: [{ text: `The count is ${n} today`, kind: 'direct', source: 'edge-official' }],
      }),
  }
  const run = await loadPost(server.port, create, server.child.pid!, SECONDS, CONNECTIONS)
  rows.push(`| story creates, WORKERS=${workers} | ${run.rps.toFixed(0)} writes/s, p99 ${run.p99} ms |`)
  stop(server.child)
}
process.stdout.write(`${rows.join('\n')}\n`)
appendReport(
  args.out!,
  `## ${new Date().toISOString().slice(0, 10)}: Varnish in front, and the write rate of one file (${SECONDS} s a run, ${CONNECTIONS} connections)

Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; nothing pinned: Varnish, the workers and autocannon share the cores. Each read run follows a 2 s warm-up.

| what | figure |
|---|---|
${rows.join('\n')}
`,
  '# Benchmark results\n\n',
)
process.exit(0)
