import { sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { SEARCH_KINDS } from '../db/schema.js'
import { toFtsQuery } from './search-query.js'

type Kind = (typeof SEARCH_KINDS)[number]

/**
 * The full-text index an audience searches: the public's holds only what the public API
 * shows, so its ranking statistics never count an unpublished word; editors search every
 * story, drafts included (visibility is still applied to what they find).
 */
export const searchIndexFor = (preview: boolean) => sql.raw(preview ? 'search_index' : 'search_public')

/**
 * The MATCH expression for a user's query (already validated): their words confined to the
 * title and body columns, and, when only some kinds are wanted, a term on the kind column
 * (ranked with weight 0), so FTS5 intersects postings instead of looking up every match.
 */
export function matchExpression(q: string, kinds: readonly Kind[] = SEARCH_KINDS): string {
  const words = `{title body} : (${toFtsQuery(q)})`
  if (kinds.length === SEARCH_KINDS.length) return words
  return `kind : (${kinds.join(' OR ')}) AND ${words}`
}

/** `id` is one of the rows of this kind whose text matches a user's query, in the audience's index. */
export function matching(id: SQLiteColumn, kind: Kind, q: string, preview: boolean): SQL {
  const index = searchIndexFor(preview)
  return sql`${id} in (select r.ref from ${index} join search_rows r on r.id = ${index}.rowid where ${index} match ${matchExpression(q, [kind])})`
}
