import type { FastifyReply } from 'fastify'
import { z } from 'zod'
import { MAX_PREFIX_TERMS, MAX_QUERY_LENGTH, MAX_TERMS, MIN_PREFIX_LENGTH, SearchQueryError, toFtsQuery } from './search-query.js'

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

/**
 * Sends JSON the queries already serialized: cached representations are sent as they are,
 * not parsed and checked again. The route's response schema still documents the shape, and
 * tests hold every response to it.
 */
export function sendJson(reply: FastifyReply, json: string) {
  return reply.type('application/json; charset=utf-8').send(json)
}

/** Adds fields to Vary, keeping what is there (CORS's Origin, a route's Accept); `*` stays alone. */
export function addVary(reply: FastifyReply, ...fields: string[]) {
  const current = reply.getHeader('vary')
  const have = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
  if (have.includes('*')) return
  const lower = new Set(have.map((f) => f.toLowerCase()))
  const added = fields.filter((f) => !lower.has(f.toLowerCase()))
  if (added.length > 0) reply.header('vary', [...have, ...added].join(', '))
}
