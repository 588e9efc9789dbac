import { readFileSync } from 'node:fs'
import { eq } from 'drizzle-orm'
import type { Db } from '../src/db/client.js'
import { articles } from '../src/db/schema.js'
import { ArticleDocument } from '../src/resources/articles/document.js'
import { insertMissing } from '../src/resources/articles/store.js'

const STORY = new URL('./story.json', import.meta.url)

/** The seeded story: the CBS News report, turned by hand into a Byline article document. */
export function seedDocument(): ArticleDocument {
  return ArticleDocument.parse(JSON.parse(readFileSync(STORY, 'utf8')))
}

const NOTHING = { articles: 0, authors: 0, credits: 0, sources: 0, quotes: 0, tags: 0, taggings: 0 }

/**
 * Runs at every start and writes the seeded story once, in one transaction. Once it is
 * stored it belongs to the newsroom: nothing is re-inserted, so a quote deleted or a tag
 * removed through the API stays that way across restarts, and edits survive.
 */
export function seedDb(db: Db, now?: string) {
  const doc = seedDocument()
  if (db.select({ id: articles.id }).from(articles).where(eq(articles.id, doc.id!)).get()) return NOTHING
  return insertMissing(db, doc, now)
}
