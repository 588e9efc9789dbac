import { readFileSync } from 'node:fs'
import type { Db } from '../src/db/client.js'
import { ArticleDocument } from '../src/resources/articles/document.js'
import { insertMissing } from '../src/resources/articles/store.js'

const STORY = new URL('./story.json', import.meta.url)

/** The seeded story: the CBS News report, turned by hand into a Byline article document. */
export function seedDocument(): ArticleDocument {
  return ArticleDocument.parse(JSON.parse(readFileSync(STORY, 'utf8')))
}

/**
 * Runs at every start: inserts whatever of the seeded story is missing, in one transaction,
 * and never touches a row that exists, so an edit made since the last start survives.
 */
export function seedDb(db: Db, now?: string) {
  return insertMissing(db, seedDocument(), now)
}
