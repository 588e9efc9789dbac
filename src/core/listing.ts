import { sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { z } from 'zod'
import { MAX_PREFIX_TERMS, MAX_QUERY_LENGTH, MAX_TERMS, MIN_PREFIX_LENGTH, SearchQueryError, toFtsQuery } from './search-query.js'

/** A comma-separated list of names, each from an allow-list; an unknown one is named. */
export function nameList(what: string, allowed: readonly string[]) {
  return z
    .string()
    .max(1000)
    .superRefine((value, ctx) => {
      const names = value.split(',').map((n) => n.trim())
      const unknown = names.filter((n) => !allowed.includes(n))
      if (unknown.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown ${what} ${unknown.map((u) => `"${u}"`).join(', ')}; allowed: ${allowed.length ? allowed.join(', ') : 'none'}`,
        })
      }
    })
    .meta({ description: `Comma-separated; one or more of: ${allowed.length ? allowed.join(', ') : '(none)'}.` })
}

export const splitNames = (value: string | undefined): string[] =>
  value === undefined ? [] : [...new Set(value.split(',').map((n) => n.trim()))]

/** A parameter that may be given more than once: `?tag=a&tag=b` means both. */
export const Repeatable = (description: string) =>
  z
    .union([z.string().min(1).max(200), z.array(z.string().min(1).max(200)).min(1).max(10)])
    .meta({ description: `${description} Repeat the parameter to require all of them.` })

export const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : [v].flat())

export const BooleanParam = (description: string) => z.enum(['true', 'false']).meta({ description })

/** A date or an instant; normalised to the stored form (UTC, milliseconds, Z). */
export const InstantParam = (description: string) =>
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true })])
    .refine((v) => !Number.isNaN(Date.parse(v)), 'is not a real date')
    .meta({ description: `${description} ISO 8601: a date (2009-10-15) or an instant (2009-10-15T12:00:00Z).` })

export const toInstant = (v: string | undefined) => (v === undefined ? undefined : new Date(v).toISOString())

/** Keeps only the named fields of each item, and always its id. */
export function pickFields<T extends Record<string, unknown>>(items: T[], fields: string[]): Partial<T>[] {
  if (fields.length === 0) return items
  const keep = new Set(['id', ...fields])
  return items.map((item) => Object.fromEntries(Object.entries(item).filter(([k]) => keep.has(k))) as Partial<T>)
}

/** A case-insensitive substring match; LIKE's wildcards in the text match literally. */
export function nameContains(column: SQLiteColumn, text: string): SQL {
  return sql`${column} like ${`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`
}

/** `q` for lists backed by the full-text index: checked against the search grammar. */
export const FullTextQuery = z
  .string()
  .max(MAX_QUERY_LENGTH)
  .superRefine((value, ctx) => {
    try {
      toFtsQuery(value)
    } catch (err) {
      if (!(err instanceof SearchQueryError)) throw err
      ctx.addIssue({ code: 'custom', message: err.message })
    }
  })
  .meta({
    description: `Full-text search: words (all must match), "exact phrases", prefix*, and AND / OR / NOT in upper case. At most ${MAX_TERMS} terms, of which ${MAX_PREFIX_TERMS} prefixes, each with at least ${MIN_PREFIX_LENGTH} letters or digits before the *; column filters, NEAR, parentheses and ^ are not supported. Anything else is a 400 naming q. A list filtered by q considers the 1,000 most recently indexed matches (\`page.totalIsExact\` is false when more matched).`,
    examples: ['"nerve centre"', 'Lahore OR Kohat', 'Taliban NOT Afghanistan', 'milit*'],
  })

/** `q` for short lists matched by name: a case-insensitive substring. */
export const NameQuery = z.string().min(1).max(100).meta({ description: 'Part of the name, any case.' })

export function sortParam<S extends string>(sorts: readonly [S, ...S[]], fallback: S) {
  return z
    .enum(sorts)
    .default(fallback)
    .meta({ description: `Order of the list; \`-\` means descending. The id breaks ties, so the order is total.` })
}
