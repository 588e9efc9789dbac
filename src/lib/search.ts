import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import type { SEARCH_KINDS } from '../db/schema.js'
import { toFtsQuery } from './search-query.js'

/** The ids of one kind of row whose text matches a user's query (already validated). */
export function matching(_db: Db, kind: (typeof SEARCH_KINDS)[number], q: string): SQL {
  return sql`(select r.ref from search_index join search_rows r on r.id = search_index.rowid where search_index match ${toFtsQuery(q)} and r.kind = ${kind})`
}
