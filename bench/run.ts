// The seeded story: Byline against a bare Fastify ceiling, same bytes, same run.
// Usage: npm run bench [-- --seconds 10 --connections 10]
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { appendReport, capture, load, loadPost, machine, NODE_TSX, pin, pinSelf, prepareDatabase, start, stop, type Post } from './lib.js'

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
pinSelf()

const dir = mkdtempSync(join(tmpdir(), 'byline-bench-'))
const database = join(dir, 'bench.db')
const { secret } = prepareDatabase(database, 'bench')

// Byline runs as shipped: default settings, info-level request logging included.
const byline = await start(pin('1', [...NODE_TSX, 'src/server.ts']), { DATABASE_PATH: database }, '/ready')
const base = `http://127.0.0.1:${byline.port}`
const article = (await (await fetch(`${base}/v1/articles/${SLUG}`)).json()) as { data: { id: string } }
const scenarios: Record<string, string> = {
  'article by id': `/v1/articles/${article.data.id}`,
  'articles, first page': '/v1/articles',
  'quotes, first page': '/v1/quotes',
  'source by slug': '/v1/sources/senior-western-diplomat',
  'article as ninjs': `/v1/articles/${article.data.id}?format=ninjs`,
  'Atom feed': '/v1/feeds/articles.atom',
  'elements module': '/elements/byline.js',
}
// A short story with a credit, a source, a quote and a tag: a new slug each time, so each
// request is a whole create (article, quote, revision, full-text rows) in one transaction.
const create: Post = {
  path: '/v1/articles',
  headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
  body: (n) =>
    JSON.stringify({
      slug: `bench-story-${n < 0 ? 'first' : n}`,
      headline: `Bench story ${n}`,
      language: 'en',
      status: 'published',
      publishedAt: '2026-01-01T00:00:00.000Z',
      body: [
        { type: 'paragraph', text: `"The count is ${n} today," an official said in a statement.` },
        { type: 'paragraph', text: 'The figures were published on Tuesday, officials said.' },
      ],
      authors: [{ slug: 'bench-reporter', name: 'Bench Reporter', role: 'reporter' }],
      sources: [{ slug: 'bench-official', description: 'an official', kind: 'person', anonymous: true }],
      quotes: [{ text: `The count is ${n} today`, kind: 'direct', source: 'bench-official' }],
      tags: [{ slug: 'bench', name: 'Bench', type: 'subject' }],
    }),
}
const captured = await capture(base, Object.values(scenarios), join(dir, 'responses.json'), [create])
const ceiling = await start(pin('1', [...NODE_TSX, 'bench/ceiling.ts', join(dir, 'responses.json')]), {}, '/v1/articles')

const rows: string[] = []
for (const [name, path] of Object.entries(scenarios)) {
  const b = await load(byline.port, path, byline.child.pid!, SECONDS, CONNECTIONS)
  const c = await load(ceiling.port, path, ceiling.child.pid!, SECONDS, CONNECTIONS)
  const row = `| ${name} | ${captured[path]!.body.length} | ${b.rps.toFixed(0)} | ${b.p50} | ${b.p99} | ${b.perCpu.toFixed(0)} | ${c.rps.toFixed(0)} | ${c.p50} | ${c.p99} | ${(b.rps / c.rps).toFixed(2)} |`
  rows.push(row)
  process.stdout.write(`${row}\n`)
}
{
  const b = await loadPost(byline.port, create, byline.child.pid!, SECONDS, CONNECTIONS)
  const c = await loadPost(ceiling.port, create, ceiling.child.pid!, SECONDS, CONNECTIONS)
  const row = `| create article (POST, write key) | ${captured['POST /v1/articles']!.body.length} | ${b.rps.toFixed(0)} | ${b.p50} | ${b.p99} | ${b.perCpu.toFixed(0)} | ${c.rps.toFixed(0)} | ${c.p50} | ${c.p99} | ${(b.rps / c.rps).toFixed(2)} |`
  rows.push(row)
  process.stdout.write(`${row}\n`)
}
stop(byline.child, ceiling.child)

appendReport(
  args.out!,
  `## ${new Date().toISOString().slice(0, 10)}: seeded story, ${SECONDS} s per run, ${CONNECTIONS} connections

Machine: ${machine()}
Latencies in ms. "req/CPU-s" is requests served per second of the server's own CPU time (from /proc).

| scenario | bytes | Byline req/s | p50 | p99 | req/CPU-s | ceiling req/s | p50 | p99 | Byline ÷ ceiling |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`,
  '# Benchmark results\n\nProduced by `npm run bench`: Byline and a bare Fastify server answering the same bytes from memory, measured in the same run with autocannon over loopback. Each section is one run; newest last.\n\n',
)
process.stdout.write(`appended to ${args.out}\n`)
process.exit(0)
