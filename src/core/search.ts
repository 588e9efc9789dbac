import { sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Db } from '../db/client.js'
import { SEARCH_KINDS } from '../db/schema.js'
import { toFtsQuery } from './search-query.js'

type Kind = (typeof SEARCH_KINDS)[number]

/**
 * How many matches of `q` a list filters by: the most recently indexed ones. A common word
 * matches most of the archive, and filtering by all of it costs as much as the archive is
 * large; a list that matched more says so (`totalIsExact: false`).
 */
export const LIST_MATCHES = 1000

/**
 * The full-text index an audience searches: the public's holds only what the public API
 * shows, so its ranking statistics never count an unpublished word; editors search every
 * story, drafts included (visibility is still applied to what they find).
 */
export const searchIndexFor = (preview: boolean) => sql.raw(preview ? 'search_index' : 'search_public')

/** A user's words (already validated, or one FTS5 term) confined to the title and body columns. */
export const inText = (fts: string) => `{title body} : (${fts})`

/**
 * The MATCH expression for a user's query (already validated): their words confined to the
 * title and body columns, and, when only some kinds are wanted, a term on the kind column
 * (ranked with weight 0), so FTS5 intersects postings instead of looking up every match.
 */
export function matchExpression(q: string, kinds: readonly Kind[] = SEARCH_KINDS): string {
  const words = inText(toFtsQuery(q))
  if (kinds.length === SEARCH_KINDS.length) return words
  return `kind : (${kinds.join(' OR ')}) AND ${words}`
}

/** How many rows match `expression`, counted no further than `cap` + 1: bounded work. */
export function countUpTo(db: Db, preview: boolean, expression: string, cap: number): number {
  const index = searchIndexFor(preview)
  return db.get<{ n: number }>(sql`select count(*) as n from (select 1 from ${index} where ${index} match ${expression} limit ${cap + 1})`)!.n
}

/** `id` is one of the newest LIST_MATCHES rows of this kind whose text matches a user's query. */
export function matching(id: SQLiteColumn, kind: Kind, q: string, preview: boolean): SQL {
  const index = searchIndexFor(preview)
  return sql`${id} in (select r.ref from search_rows r where r.id in (
    select rowid from ${index} where ${index} match ${matchExpression(q, [kind])} order by rowid desc limit ${LIST_MATCHES}))`
}

/** For a list filtered by `q`: whether its total counts every match, or only those `matching` keeps. */
export function exactness(db: Db, kind: Kind, q: string | undefined, preview: boolean): { totalIsExact?: boolean } {
  if (q === undefined) return {}
  return { totalIsExact: countUpTo(db, preview, matchExpression(q, [kind]), LIST_MATCHES) <= LIST_MATCHES }
}
