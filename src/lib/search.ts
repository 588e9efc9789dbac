import { sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { SEARCH_KINDS } from '../db/schema.js'
import { toFtsQuery } from './search-query.js'

/** `id` is one of the rows of this kind whose text matches a user's query (already validated). */
export function matching(id: SQLiteColumn, kind: (typeof SEARCH_KINDS)[number], q: string): SQL {
  return sql`${id} in (select r.ref from search_index join search_rows r on r.id = search_index.rowid where search_index match ${toFtsQuery(q)} and r.kind = ${kind})`
}
