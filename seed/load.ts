import { readFileSync } from 'node:fs'
import type { Db } from '../src/db/client.js'
import { ArticleDocument } from '../src/resources/articles/document.js'
import { importDocument } from '../src/resources/articles/importer.js'

const STORY = new URL('./story.json', import.meta.url)

/** The seeded story: the CBS News report, turned by hand into a Byline article document. */
export function seedDocument(): ArticleDocument {
  return ArticleDocument.parse(JSON.parse(readFileSync(STORY, 'utf8')))
}

const NOTHING = { articles: 0, authors: 0, credits: 0, sources: 0, quotes: 0, tags: 0, taggings: 0 }

/**
 * Runs at every start and writes the seeded story once, in one transaction. Once it is
 * stored it belongs to the newsroom: nothing is re-inserted, so a quote deleted or a tag
 * removed through the API stays that way across restarts, and edits survive. People,
 * sources and tags already stored under the story's slugs are kept as they are.
 * Returns how many rows of each kind were inserted.
 */
export function seedDb(db: Db, now = new Date().toISOString()) {
  const doc = seedDocument()
  const sqlite = db.$client
  const count = (table: string) => sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number
  const shared = () => ({ authors: count('authors'), sources: count('sources'), tags: count('tags') })
  return sqlite
    .transaction(() => {
      if (sqlite.prepare('select 1 from articles where id = ?').get(doc.id)) return NOTHING
      const before = shared()
      importDocument(db, doc, now)
      const after = shared()
      return {
        articles: 1,
        authors: after.authors - before.authors,
        credits: doc.authors.length,
        sources: after.sources - before.sources,
        quotes: doc.quotes.length,
        tags: after.tags - before.tags,
        taggings: doc.tags.length,
      }
    })
    .immediate()
}
