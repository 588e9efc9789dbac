import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import t from 'tap'
import { seedDb } from '../seed/load.js'
import { buildApp } from '../src/app.js'
import type { Db } from '../src/db/client.js'
import { migrateDb } from '../src/db/migrate.js'
import * as schema from '../src/db/schema.js'
import { importDocument } from '../src/resources/articles/importer.js'
import { fixtureDocument } from './helper.js'

/**
 * Reads that reach stories from another table (quotes, sources, tags, corrections, search)
 * must find each story by its id. Driven through the index on (status, published_sort)
 * instead, they visit every public story: invisible with one story, seconds at a million.
 * The plans are checked here, on the statements the routes really run.
 */
t.test('no read reaches stories from another table through the story index', async (t) => {
  const statements = new Set<string>()
  const sqlite = new Database(':memory:', { verbose: (sql) => statements.add(String(sql)) })
  sqlite.pragma('foreign_keys = ON')
  const db = drizzle({ client: sqlite, schema }) as unknown as Db
  migrateDb(db)
  seedDb(db)
  for (let i = 1; i <= 5; i++) importDocument(db, fixtureDocument(i))
  const app = await buildApp({ db })
  t.teardown(async () => {
    await app.close()
    sqlite.close()
  })
  const urls = [
    '/v1/quotes',
    '/v1/quotes?sort=createdAt&anonymous=true',
    '/v1/sources',
    '/v1/sources/senior-western-diplomat',
    '/v1/sources/senior-western-diplomat/quotes',
    '/v1/tags',
    '/v1/tags/lahore',
    '/v1/authors?role=reporter',
    '/v1/corrections',
    '/v1/search?q=Taliban',
    '/v1/articles',
    '/v1/articles?tag=lahore&author=farhan-bokhari',
    '/v1/articles?sort=createdAt',
    '/v1/articles?sort=-updatedAt',
    '/v1/articles?publishedAfter=2008-01-01T00:00:00Z&publishedBefore=2009-01-01T00:00:00Z',
    '/v1/articles?anonymousSources=true',
    '/v1/articles?anonymousSources=false&sort=-updatedAt',
    '/v1/articles?tag=lahore&anonymousSources=true',
  ]
  statements.clear()
  for (const url of urls) t.equal((await app.inject(url)).statusCode, 200, url)

  const selects = [...statements].filter((s) => /^\s*select/i.test(s))
  t.ok(selects.length > 10, `${selects.length} statements checked`)
  let anonymousChecked = 0
  for (const sql of selects) {
    const plan = (sqlite.prepare(`explain query plan ${sql}`).all() as { detail: string }[]).map((r) => r.detail)
    // A capped count wraps its query in a subquery: judge the query itself.
    const first = plan.find((d) => !/^CO-ROUTINE|^SCAN \(subquery/.test(d)) ?? ''
    const drivenByStories = /\barticles\b/.test(first) || /^SEARCH articles|^SCAN articles/.test(first)
    const viaStoryIndex = plan.some((d) => d.includes('articles_status_published_idx'))
    if (viaStoryIndex && !drivenByStories) t.fail(`reaches stories through their index:\n${sql}\n${plan.join('\n')}`)
    // A list filtered by a link few stories carry starts from that link's rows and sorts
    // them (bounded: see DRIVING_LINK_ROWS); any other sort for a page sorts the archive.
    const fromLink = /^SEARCH (article_authors|article_tags|quotes) USING .*\((author_id|tag_id|source_id)=\?\)/.test(first)
    const sortsEverything = plan.some((d) => d.includes('USE TEMP B-TREE FOR ORDER BY')) && /\blimit\b/i.test(sql) && !fromLink
    if (sortsEverything && !/\bsearch_index\b/.test(sql)) t.fail(`sorts a whole table for one page:\n${sql}\n${plan.join('\n')}`)
    // The anonymous-sourcing flag lies past the body in the row: a statement that ranges
    // on it (rather than testing it with a unary +) reads it from an index.
    if (/[^+]"articles"\."anonymous_sourced" = /.test(sql) && !plan.some((d) => /articles_anonymous_published_idx|articles_visibility_idx/.test(d))) {
      t.fail(`reads the anonymous-sourcing flag from story rows:\n${sql}\n${plan.join('\n')}`)
    }
    anonymousChecked += /"anonymous_sourced" = /.test(sql) ? 1 : 0
  }
  t.ok(anonymousChecked >= 4, `${anonymousChecked} statements filtering by anonymous sourcing checked`)
})
