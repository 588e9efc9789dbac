import { and, eq, or, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { cached, cachedTotal } from '../../db/cache.js'
import type { Db } from '../../db/client.js'
import { preparedFor } from '../../db/prepared.js'
import { pickFields } from '../../core/listing.js'
import { notFound } from '../../core/problem.js'
import { orderBy, pageJson, pageOf, type Keyset, type SortOrder } from '../../core/pagination.js'
import { resolveView, type Seen, type View } from '../../core/visibility.js'

/**
 * Authors, sources and tags: named things stories point at. Each is a table with an id, a
 * unique slug and a version, read by id or slug, listed by keyset, and written under If-Match.
 */
export type TaxonomyTable = SQLiteTable & { id: SQLiteColumn; slug: SQLiteColumn; version: SQLiteColumn }
export type TaxonomyRow = { id: string; slug: string }

/** The options every taxonomy list takes, `sort` one of its own orders. */
export type ListOptions<S extends string> = { limit: number; cursor?: string | undefined; sort: S; fields: string[] }

/**
 * The keyset of each named order: the field, then the id to break ties; `-` descends.
 * The sort's name is also the row's field, so the cursor key is read from the row.
 */
export function keysetSorts<R extends TaxonomyRow, S extends string>(table: TaxonomyTable, sorts: readonly S[]): Record<S, SortOrder<R>> {
  const columns = table as unknown as Record<string, SQLiteColumn>
  const entries = sorts.map((name) => {
    const field = name.replace(/^-/, '')
    const keyset: Keyset = { columns: [columns[field]!, table.id], direction: name.startsWith('-') ? 'desc' : 'asc' }
    const order: SortOrder<R> = { name, keyset, key: (row) => [String((row as Record<string, unknown>)[field]), row.id] }
    return [name, order]
  })
  return Object.fromEntries(entries) as Record<S, SortOrder<R>>
}

/** A stored row by id or slug, whoever may read it: for writes, and for callers who preview. */
export function storedByKey<R extends TaxonomyRow>(table: TaxonomyTable): (db: Db, idOrSlug: string) => R | undefined {
  const statement = preparedFor((db) =>
    db
      .select()
      .from(table)
      .where(or(eq(table.id, sql.placeholder('key')), eq(table.slug, sql.placeholder('key'))))
      .prepare(),
  )
  return (db, idOrSlug) => statement(db).get({ key: idOrSlug }) as R | undefined
}

/** `row` when it also meets `where` (the audience's rule), else undefined. */
export function keptIf<R extends TaxonomyRow>(db: Db, table: TaxonomyTable, row: R | undefined, where: SQL | undefined): R | undefined {
  if (!row) return undefined
  return db.select({ one: sql`1` }).from(table).where(and(eq(table.id, row.id), where)).get() ? row : undefined
}

/** The row `idOrSlug` names as this caller may read it, or a 404. */
export function readable<R>(row: R | undefined, one: string, idOrSlug: string): R {
  if (!row) throw notFound(one, idOrSlug)
  return row
}

/**
 * The one representation of a row, sent by GET and by every write: an If-Match carries
 * the ETag of these exact bytes, so no route may build them another way.
 */
export const representation = (row: TaxonomyRow) => JSON.stringify({ data: row })

/** One page of a taxonomy list, `where` already holding the audience's rule and the filters. */
export function listPage<R extends TaxonomyRow>(
  db: Db,
  seen: Seen,
  table: TaxonomyTable,
  page: { where: SQL | undefined; sort: SortOrder<R>; searched?: { totalIsExact?: boolean } },
  opts: ListOptions<string>,
): string {
  const { where, sort } = page
  const { rows, nextCursor } = pageOf<R>(sort, opts, (after, limit) =>
    db.select().from(table).where(and(where, after)).orderBy(...orderBy(sort.keyset)).limit(limit).all() as R[],
  )
  const total = cachedTotal(db, seen, db.select({ one: sql`1` }).from(table).where(where), page.searched)
  const items = pickFields(rows as Record<string, unknown>[], opts.fields).map((r) => JSON.stringify(r))
  return pageJson(items, { limit: opts.limit, nextCursor, ...total })
}

/**
 * The page as served, from the cache when nothing was written since it was made: the
 * hottest lists (a front page, a tag page) cost one lookup.
 */
export function cachedList(db: Db, view: View, many: string, key: unknown, page: (seen: Seen) => string): string {
  const seen = resolveView(db, view)
  return cached(db, seen, `${seen.prefix}${many}:${JSON.stringify(key)}`, () => page(seen))
}
