import { readFileSync } from 'node:fs'
import type { Db } from '../src/db/client.js'
import { articleAuthors, articles, authors, quotes, sources } from '../src/db/schema.js'
import { ArticleDocument, documentRows } from '../src/resources/articles/document.js'

const STORY = new URL('./story.json', import.meta.url)

/** The seeded story: the CBS News report, turned by hand into a Byline article document. */
export function seedDocument(): ArticleDocument {
  return ArticleDocument.parse(JSON.parse(readFileSync(STORY, 'utf8')))
}

/**
 * Inserts whatever of the seeded story is missing, in one transaction. Rows that exist are
 * left alone (ON CONFLICT DO NOTHING), so an edit made since the last start survives.
 */
export function seedDb(db: Db, now = new Date().toISOString()) {
  const rows = documentRows(seedDocument(), now)
  return db.transaction(
    (tx) => {
      const inserted = (r: { changes: number }) => r.changes
      return {
        articles: inserted(tx.insert(articles).values(rows.article).onConflictDoNothing().run()),
        authors: inserted(tx.insert(authors).values(rows.authors).onConflictDoNothing().run()),
        credits: inserted(tx.insert(articleAuthors).values(rows.credits).onConflictDoNothing().run()),
        sources: inserted(tx.insert(sources).values(rows.sources).onConflictDoNothing().run()),
        quotes: inserted(tx.insert(quotes).values(rows.quotes).onConflictDoNothing().run()),
      }
    },
    { behavior: 'immediate' },
  )
}
