// Cold cost of single requests on a large database: each URL asked once, in process, so
// the representation cache holds nothing for it. Every kind the long tail asks: stories,
// list pages by each filter and sort, deep pages by cursor, searches by word frequency.
// Usage: node --import tsx bench/cold-lists.ts DATABASE [COUNT] [--out FILE]
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { buildApp } from '../src/app.js'
import { openDb } from '../src/db/client.js'
import { migrateDb } from '../src/db/migrate.js'
import { appendReport, machine } from './lib.js'

const { positionals, values: args } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } })
const [path, many = '12'] = positionals
if (!path) throw new Error('usage: bench/cold-lists.ts DATABASE [COUNT] [--out FILE]')
const N = Number(many)
const db = openDb(path)
migrateDb(db)
const app = await buildApp({ db, rateLimitMax: 0 })
await app.ready()

const sample = (sql: string, ...params: unknown[]) => db.$client.prepare(sql).pluck().all(...params) as string[]
const mostAndLeast = (table: string, join: string, key: string) => [
  ...sample(`select t.slug from ${table} t join ${join} j on j.${key} = t.id group by t.id order by count(*) desc limit ?`, N / 2),
  ...sample(`select t.slug from ${table} t join ${join} j on j.${key} = t.id group by t.id order by count(*) asc limit ?`, N / 2),
]
const tags = mostAndLeast('tags', 'article_tags', 'tag_id')
const authors = mostAndLeast('authors', 'article_authors', 'author_id')
const sources = mostAndLeast('sources', 'quotes', 'source_id')
const ids = sample("select id from articles where status = 'published' order by random() limit ?", N * 4)
const years = Array.from({ length: N }, (_, i) => 2005 + ((i * 7) % 20))
const at = <T>(list: T[], i: number) => list[i % list.length]!

/** Follows `nextCursor` from the first page `depth` times: each page asked once. */
async function deepPages(first: string, depth: number) {
  const urls: string[] = []
  let url = first
  for (let i = 0; i < depth; i++) {
    const res = await app.inject(url)
    const cursor = (JSON.parse(res.body) as { page: { nextCursor: string | null } }).page.nextCursor
    if (!cursor) break
    url = `${first}${first.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`
    urls.push(url)
  }
  return urls
}

const kinds: Record<string, string[]> = {
  story: ids.map((id) => `/v1/articles/${id}`),
  'first page, each sort': ['-publishedAt', 'publishedAt', '-updatedAt', 'updatedAt', '-createdAt', 'createdAt'].map((s) => `/v1/articles?sort=${s}&limit=20`),
  'page N by cursor': await deepPages('/v1/articles?limit=20&sort=-updatedAt', N),
  'tag page': tags.map((s) => `/v1/tags/${s}/articles`),
  'author page': authors.map((s) => `/v1/authors/${s}/articles`),
  'source filter': sources.map((s) => `/v1/articles?source=${s}`),
  'tag + author': Array.from({ length: N }, (_, i) => `/v1/articles?tag=${at(tags, i)}&author=${at(authors, i + 3)}`),
  'dates': years.map((y) => `/v1/articles?publishedAfter=${y}-03-01T00:00:00Z&publishedBefore=${y}-04-01T00:00:00Z`),
  'anonymousSources': ['true', 'false'].flatMap((v) => ['-publishedAt', 'publishedAt'].map((s) => `/v1/articles?anonymousSources=${v}&sort=${s}`)),
  'quotes by source': sources.map((s) => `/v1/sources/${s}/quotes`),
  'search, 1 in 1,000': [`/v1/search?q=xylophage`, `/v1/articles?q=xylophage`, `/v1/quotes?q=xylophage`],
  'search, 1 in 100': [`/v1/search?q=marigold`, `/v1/articles?q=marigold`, `/v1/quotes?q=marigold`],
  'search, 1 in 10': [`/v1/search?q=harbour`, `/v1/articles?q=harbour`, `/v1/quotes?q=harbour`],
  'search, every story': [`/v1/search?q=the`, `/v1/articles?q=said`, `/v1/search?q=the said`],
}

const stories = db.$client.prepare('select count(*) from articles').pluck().get() as number
const rows: string[] = []
console.log(`${stories} stories; each URL asked once (cold), in process; ms`)
for (const [name, urls] of Object.entries(kinds)) {
  const times: number[] = []
  let worst = ''
  for (const url of urls) {
    const started = performance.now()
    const res = await app.inject(url)
    const ms = performance.now() - started
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`)
    if (ms > Math.max(...times, 0)) worst = url
    times.push(ms)
  }
  times.sort((a, b) => a - b)
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1)
  rows.push(`| ${name} | ${urls.length} | ${q(0.5)} | ${q(0.9)} | ${times.at(-1)!.toFixed(1)} | \`${worst}\` |`)
  console.log(rows.at(-1))
}
await app.close()

if (args.out) {
  appendReport(
    args.out,
    [
      `## ${new Date().toISOString().slice(0, 10)}: cold cost of single requests, ${stories.toLocaleString('en')} stories`,
      '',
      `Machine: ${machine()} Each URL asked once, in process (app.inject), with nothing in the representation cache for it. Milliseconds.`,
      '',
      '| request | n | median | p90 | max | slowest |',
      '|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
    '# Benchmark results\n\n',
  )
}
