import { sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { z } from 'zod'
import { badParameter } from './problem.js'

export const PageQuery = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .meta({ description: 'Items per page, 1 to 100.', examples: [20] }),
  cursor: z
    .string()
    .max(1024)
    .optional()
    .meta({ description: "The previous page's `nextCursor`; omit it for the first page." }),
}

type KeyValue = string | number
export type Keyset = { columns: (SQLiteColumn | SQL)[]; direction: 'asc' | 'desc' }

// A cursor is the sort key of the last row served, tagged with the order it belongs to.
// It is opaque to clients and checked strictly: anything we did not issue is a 400.
export function encodeCursor(order: string, values: KeyValue[]): string {
  return Buffer.from(JSON.stringify([order, ...values])).toString('base64url')
}

export function decodeCursor(cursor: string, order: string, arity: number): KeyValue[] {
  const invalid = () => badParameter('query', 'cursor', 'is not a cursor this list issued; use a nextCursor as given.')
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid()
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw invalid()
  }
  if (!Array.isArray(parsed) || parsed.length !== arity + 1 || parsed[0] !== order) throw invalid()
  const values = parsed.slice(1)
  if (!values.every((v) => (typeof v === 'string' && v.length <= 512) || (typeof v === 'number' && Number.isFinite(v)))) throw invalid()
  return values as KeyValue[]
}

/** Rows strictly after the cursor in the keyset's order, as one row-value comparison. */
function after(keyset: Keyset, values: KeyValue[]): SQL {
  const op = keyset.direction === 'asc' ? sql`>` : sql`<`
  return sql`(${sql.join(keyset.columns, sql`, `)}) ${op} (${sql.join(values.map((v) => sql`${v}`), sql`, `)})`
}

export function orderBy(keyset: Keyset): SQL[] {
  return keyset.columns.map((c) => (keyset.direction === 'asc' ? sql`${c} asc` : sql`${c} desc`))
}

export type PageInfo = { limit: number; nextCursor: string | null; total: number; totalIsExact?: boolean }

/** One order a list can be read in: its cursor tag, its keyset, and a row's key in it. */
export type SortOrder<R> = { name: string; keyset: Keyset; key: (row: R) => KeyValue[] }

/**
 * Keyset pagination: fetches one row more than asked to learn whether a next page exists,
 * so no OFFSET is ever scanned and pages stay gap-free while rows are inserted.
 */
export function pageOf<R>(
  sort: SortOrder<R>,
  page: { limit: number; cursor?: string | undefined },
  fetch: (after: SQL | undefined, limit: number) => R[],
): { rows: R[]; nextCursor: string | null } {
  const arity = sort.keyset.columns.length
  const position = page.cursor === undefined ? undefined : after(sort.keyset, decodeCursor(page.cursor, sort.name, arity))
  const rows = fetch(position, page.limit + 1)
  const more = rows.length > page.limit
  const pageRows = more ? rows.slice(0, page.limit) : rows
  const last = pageRows.at(-1)
  return { rows: pageRows, nextCursor: more && last ? encodeCursor(sort.name, sort.key(last)) : null }
}

/** A list response from items already serialized, so cached JSON is never parsed again. */
export function pageJson(items: string[], page: PageInfo): string {
  return `{"data":[${items.join(',')}],"page":${JSON.stringify(page)}}`
}
