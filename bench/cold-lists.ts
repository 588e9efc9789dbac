// Cold cost of list pages on a large database: the first request for each list, timed in process.
// Usage: node --import tsx bench/cold-lists.ts DATABASE [COUNT]
import { performance } from 'node:perf_hooks'
import { buildApp } from '../src/app.js'
import { openDb } from '../src/db/client.js'
import { migrateDb } from '../src/db/migrate.js'

const [path, many = '12'] = process.argv.slice(2)
if (!path) throw new Error('usage: bench/cold-lists.ts DATABASE [COUNT]')
const db = openDb(path)
migrateDb(db)
const app = await buildApp({ db, rateLimitMax: 0 })
await app.ready()

const sample = (sql: string) => db.$client.prepare(sql).pluck().all(Number(many)) as string[]
// Common and rare alike: the tags and authors carried most and least often.
const lists = {
  'tag page': [
    ...sample('select t.slug from tags t join article_tags at on at.tag_id = t.id group by t.id order by count(*) desc limit ?'),
    ...sample('select t.slug from tags t join article_tags at on at.tag_id = t.id group by t.id order by count(*) asc limit ?'),
  ].map((s) => `/v1/tags/${s}/articles`),
  'author page': [
    ...sample('select a.slug from authors a join article_authors aa on aa.author_id = a.id group by a.id order by count(*) desc limit ?'),
    ...sample('select a.slug from authors a join article_authors aa on aa.author_id = a.id group by a.id order by count(*) asc limit ?'),
  ].map((s) => `/v1/authors/${s}/articles`),
}

const stories = db.$client.prepare('select count(*) from articles').pluck().get() as number
console.log(`${stories} stories; each list asked once (cold), in process`)
for (const [name, urls] of Object.entries(lists)) {
  const times: number[] = []
  for (const url of urls) {
    const started = performance.now()
    const res = await app.inject(url)
    times.push(performance.now() - started)
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`)
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1)
  console.log(`| ${name} | ${urls.length} | ${at(0.5)} | ${at(0.9)} | ${times.at(-1)!.toFixed(1)} |`)
}
await app.close()
