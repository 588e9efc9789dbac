import { count, eq, sql } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { z } from 'zod'
import type { Db } from '../../db/client.js'
import { requireMatch } from '../../core/etag.js'
import { newId } from '../../core/ids.js'
import { conflict, notFound, uniqueViolation, type Conflict } from '../../core/problem.js'
import { changedFields, noContent, withRepresentation, type WriteResult } from '../../core/transactions.js'
import { representation, type TaxonomyRow, type TaxonomyTable } from './queries.js'

/** How many references a refusal lists; the detail gives the totals. */
const MAX_LISTED = 100

/**
 * Rows elsewhere that name a taxonomy row by `column`: while any is left, it cannot be
 * deleted. A refusal lists them by `id`, then by `note` (an author's role) when there is one.
 */
export type Referrer = { resource: string; id: SQLiteColumn; column: SQLiteColumn; note?: SQLiteColumn; detail: (note: string) => string }

/** What a taxonomy is: the noun problems use (`author`), its id prefix, its table, a stored row by id or slug, its bodies. */
export type Taxonomy<R extends TaxonomyRow, N extends z.ZodType<{ slug: string }>, P extends z.ZodType<Partial<R>>> = {
  one: string
  prefix: Parameters<typeof newId>[0]
  table: TaxonomyTable
  stored: (db: Db, idOrSlug: string) => R | undefined
  New: N
  Patch: P
}

/** What it refuses. */
export type Rules<R extends TaxonomyRow, N extends z.ZodType, P extends z.ZodType> = {
  referrers: Referrer[]
  /** Why a delete is refused, given the count of each referrer (in order), at least one above 0. */
  refusal: (slug: string, counts: number[]) => string
  /** A rule across fields, checked on the row as it would be; `changes` is absent on create. */
  check?: (row: z.output<N> | R, changes?: z.output<P>) => void
}

type Stamp = { now: Date }
type Precondition = { ifMatch: string | undefined }

/** How many rows of each referrer name `id`. */
const countsOf = (db: Db, referrers: Referrer[], id: string) =>
  referrers.map((r) => db.select({ n: count() }).from(r.column.table as SQLiteTable).where(eq(r.column, id)).get()?.n ?? 0)

/** The first references to `id`, each referrer's in its order, as a refusal lists them. */
function listedOf(db: Db, referrers: Referrer[], id: string): Conflict[] {
  return referrers
    .flatMap((r) =>
      db
        .select({ id: r.id, note: r.note ?? sql<string>`''` })
        .from(r.column.table as SQLiteTable)
        .where(eq(r.column, id))
        .orderBy(...(r.note ? [r.id, r.note] : [r.id]))
        .limit(MAX_LISTED)
        .all()
        .map((row) => ({ resource: r.resource, id: String(row.id), detail: r.detail(String(row.note)) })),
    )
    .slice(0, MAX_LISTED)
}

/** Create, change and delete, the same for each taxonomy: only the table and its rules differ. */
export function taxonomyCommands<R extends TaxonomyRow, N extends z.ZodType<{ slug: string }>, P extends z.ZodType<Partial<R>>>(
  t: Taxonomy<R, N, P>,
  rules: Rules<R, N, P>,
) {
  const { one, table } = t
  const stored = (db: Db, idOrSlug: string, ifMatch: string | undefined): R => {
    const current = t.stored(db, idOrSlug)
    if (!current) throw notFound(one, idOrSlug)
    requireMatch(ifMatch, representation(current))
    return current
  }

  function create(db: Db, input: z.output<N>, { now, location }: Stamp & { location: (id: string) => string }): WriteResult {
    rules.check?.(input)
    const id = newId(t.prefix, now.getTime())
    const at = now.toISOString()
    try {
      db.insert(table).values({ id, ...input, createdAt: at, updatedAt: at, version: 1 } as never).run()
    } catch (err) {
      throw uniqueViolation(err, one, input.slug) ?? err
    }
    return withRepresentation(201, representation(t.stored(db, id)!), { location: location(id) })
  }

  /** Runs inside the caller's transaction, so the If-Match check and the write see one state. */
  function update(db: Db, idOrSlug: string, changes: z.output<P>, { ifMatch, now }: Stamp & Precondition): WriteResult {
    const current = stored(db, idOrSlug, ifMatch)
    const changed = changedFields<R>(current, changes)
    // Nothing differs: no new version, and the client's ETag stays good.
    if (!changed) return withRepresentation(200, representation(current))
    rules.check?.({ ...current, ...changed }, changes)
    try {
      db.update(table)
        .set({ ...changed, version: sql`${table.version} + 1`, updatedAt: now.toISOString() } as never)
        .where(eq(table.id, current.id))
        .run()
    } catch (err) {
      throw uniqueViolation(err, one, changed.slug ?? current.slug) ?? err
    }
    return withRepresentation(200, representation(t.stored(db, current.id)!))
  }

  /** Runs inside the caller's transaction too; refused with the references while any is left. */
  function remove(db: Db, idOrSlug: string, { ifMatch }: Precondition): WriteResult {
    const current = stored(db, idOrSlug, ifMatch)
    const counts = countsOf(db, rules.referrers, current.id)
    const total = counts.reduce((a, b) => a + b, 0)
    if (total > 0) {
      const listed = listedOf(db, rules.referrers, current.id)
      const more = total > listed.length ? ` The first ${listed.length} are listed.` : ''
      throw conflict(`${rules.refusal(current.slug, counts)}${more}`, listed)
    }
    db.delete(table).where(eq(table.id, current.id)).run()
    return noContent
  }

  // A rule across fields can refuse a change with a 422, and the contract says so.
  return { one, New: t.New, Patch: t.Patch, crossFieldRules: rules.check !== undefined, create, update, remove }
}

/** Any taxonomy's commands, as its routes call them with bodies their own schemas parsed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TaxonomyCommands<R extends TaxonomyRow> = ReturnType<typeof taxonomyCommands<R, any, any>>
