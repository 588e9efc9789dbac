import { count, eq, sql } from 'drizzle-orm'
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { quotes, SOURCE_KINDS, sources } from '../../db/schema.js'
import { newId } from '../../core/ids.js'
import { changedFields, noContent, withRepresentation, type WriteResult } from '../../core/transactions.js'
import { conflict, unprocessable, uniqueViolation } from '../../core/problem.js'
import { requireMatch } from '../../core/etag.js'
import { notFound } from '../../core/problem.js'
import { Slug, Text } from '../../core/fields.js'
import { findStoredSource, sourceJson } from './queries.js'

const fields = {
  slug: Slug.meta({ description: 'Unique among sources; lowercase words joined by hyphens.', examples: ['senior-western-diplomat'] }),
  name: Text.nullable().meta({ description: 'Null exactly when the source is anonymous.', examples: [null] }),
  description: Text.meta({ description: 'The source as the story describes them.', examples: ['a senior Western diplomat'] }),
  kind: z.enum(SOURCE_KINDS),
  anonymous: z.boolean().meta({ description: 'True exactly when name is null.' }),
  affiliation: Text.nullable().meta({ examples: ['Pakistani intelligence'] }),
}

export const NewSource = z
  .strictObject({ ...fields, name: fields.name.default(null), affiliation: fields.affiliation.default(null) })
  .meta({
    id: 'NewSource',
    description: 'A source to create; the server assigns id, version and timestamps. An anonymous source has no name.',
  })
export type NewSource = z.infer<typeof NewSource>

// No defaults here: a field left out of a change keeps its value.
export const SourcePatch = z
  .strictObject(fields)
  .partial()
  .refine((o) => Object.keys(o).length > 0, 'must name at least one field to change')
  .meta({ id: 'SourcePatch', description: 'The fields to change; a field left out keeps its value, null clears it.' })
export type SourcePatch = z.infer<typeof SourcePatch>


/**
 * A named source has a name and an anonymous one has none (a CHECK in the table says so
 * too): refused here first, so the client learns which field to fix instead of getting a 500.
 */
function checkAnonymity(source: { name: string | null; anonymous: boolean }, pointer: '/name' | '/anonymous') {
  if (source.anonymous === (source.name === null)) return
  const detail =
    pointer === '/name'
      ? source.anonymous
        ? 'must be null for an anonymous source (anonymous: true)'
        : 'is required for a named source (anonymous: false)'
      : source.anonymous
        ? 'cannot be true while the source has a name; send "name": null with it'
        : 'cannot be false while the source has no name; send a name with it'
  throw unprocessable(pointer, detail)
}

export function createSource(db: Db, input: NewSource, now: Date, location: (id: string) => string): WriteResult {
  checkAnonymity(input, '/name')
  const id = newId('src', now.getTime())
  const at = now.toISOString()
  try {
    db.insert(sources).values({ id, ...input, createdAt: at, updatedAt: at, version: 1 }).run()
  } catch (err) {
    throw uniqueViolation(err, 'source', input.slug) ?? err
  }
  return withRepresentation(201, sourceJson(findStoredSource(db, id)!), { location: location(id) })
}

/** Runs inside the caller's transaction, so the If-Match check and the write see one state. */
export function updateSource(db: Db, req: FastifyRequest, idOrSlug: string, changes: SourcePatch, now: Date): WriteResult {
  const current = findStoredSource(db, idOrSlug)
  if (!current) throw notFound('source', idOrSlug)
  requireMatch(req.headers['if-match'], sourceJson(current))
  const changed = changedFields(current, changes)
  // Nothing differs: no new version, and the client's ETag stays good.
  if (!changed) return withRepresentation(200, sourceJson(current))
  checkAnonymity({ ...current, ...changed }, changes.name !== undefined ? '/name' : '/anonymous')
  try {
    db.update(sources)
      .set({ ...changed, version: sql`${sources.version} + 1`, updatedAt: now.toISOString() })
      .where(eq(sources.id, current.id))
      .run()
  } catch (err) {
    throw uniqueViolation(err, 'source', changed.slug ?? current.slug) ?? err
  }
  return withRepresentation(200, sourceJson(findStoredSource(db, current.id)!))
}

/** How many references a refusal lists; the detail gives the total. */
const MAX_LISTED = 100

export function deleteSource(db: Db, req: FastifyRequest, idOrSlug: string): WriteResult {
  const current = findStoredSource(db, idOrSlug)
  if (!current) throw notFound('source', idOrSlug)
  requireMatch(req.headers['if-match'], sourceJson(current))
  const total = db.select({ n: count() }).from(quotes).where(eq(quotes.sourceId, current.id)).get()?.n ?? 0
  if (total > 0) {
    const listed = db
      .select({ id: quotes.id })
      .from(quotes)
      .where(eq(quotes.sourceId, current.id))
      .orderBy(quotes.id)
      .limit(MAX_LISTED)
      .all()
      .map((q) => ({ resource: 'quote', id: q.id, detail: 'is attributed to this source' }))
    const more = total > listed.length ? ` The first ${listed.length} are listed.` : ''
    const quotesText = total === 1 ? '1 quote is' : `${total} quotes are`
    throw conflict(`${quotesText} still attributed to the source "${current.slug}"; remove or reattribute them first.${more}`, listed)
  }
  db.delete(sources).where(eq(sources.id, current.id)).run()
  return noContent
}
