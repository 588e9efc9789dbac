import type { Test } from 'tap'
import { buildApp } from '../src/app.js'
import { openDb, type Db } from '../src/db/client.js'
import { migrateDb } from '../src/db/migrate.js'
import { seedDb } from '../seed/load.js'
import { ArticleDocument } from '../src/resources/articles/document.js'

/** A migrated, seeded in-memory database, closed when the test ends. */
export function testDb(t: Test): Db {
  const db = openDb(':memory:')
  migrateDb(db)
  seedDb(db)
  t.teardown(() => db.$client.close())
  return db
}

/** The whole app over a fresh database, ready for inject; closed when the test ends. */
export async function build(t: Test, db: Db = testDb(t)) {
  const app = await buildApp({ db })
  t.teardown(() => app.close())
  await app.ready()
  return app
}

export type Json = Record<string, any>

/** A small valid article document; `n` keeps its slugs apart from other fixtures'. */
export function fixtureDocument(n: number, over: Partial<ArticleDocument> = {}): ArticleDocument {
  return ArticleDocument.parse({
    slug: `fixture-story-${n}`,
    headline: `Fixture story ${n}`,
    language: 'en',
    status: 'published',
    publishedAt: new Date(Date.UTC(2020, 0, 1 + n)).toISOString(),
    body: [
      { type: 'paragraph', text: `"Quote number ${n} stands here," an official said.` },
      { type: 'paragraph', text: 'A second paragraph, with nothing quoted.' },
    ],
    authors: [{ slug: 'fixture-reporter', name: 'Fixture Reporter', role: 'reporter' }],
    sources: [{ slug: `fixture-official-${n}`, description: 'an official', kind: 'person', anonymous: true }],
    quotes: [{ text: `Quote number ${n} stands here`, kind: 'direct', source: `fixture-official-${n}`, cue: 'said' }],
    ...over,
  })
}
