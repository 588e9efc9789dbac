import { count, eq, sql } from 'drizzle-orm'
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { articleTags, TAG_TYPES, tags } from '../../db/schema.js'
import { newId } from '../../core/ids.js'
import { changedFields, noContent, withRepresentation, type WriteResult } from '../../core/transactions.js'
import { conflict, uniqueViolation } from '../../core/problem.js'
import { requireMatch } from '../../core/etag.js'
import { notFound } from '../../core/problem.js'
import { Slug, Text } from '../../core/fields.js'
import { findTag, tagJson } from './queries.js'

const fields = {
  slug: Slug.meta({ description: 'Unique among tags; lowercase words joined by hyphens.', examples: ['lahore'] }),
  name: Text.meta({ examples: ['Lahore'] }),
  type: z.enum(TAG_TYPES),
}

export const NewTag = z
  .strictObject(fields)
  .meta({ id: 'NewTag', description: 'A tag to create; the server assigns id, version and timestamps.' })
export type NewTag = z.infer<typeof NewTag>

export const TagPatch = z
  .strictObject(fields)
  .partial()
  .refine((o) => Object.keys(o).length > 0, 'must name at least one field to change')
  .meta({ id: 'TagPatch', description: 'The fields to change; a field left out keeps its value.' })
export type TagPatch = z.infer<typeof TagPatch>


export function createTag(db: Db, input: NewTag, now: Date, location: (id: string) => string): WriteResult {
  const id = newId('tag', now.getTime())
  const at = now.toISOString()
  try {
    db.insert(tags).values({ id, ...input, createdAt: at, updatedAt: at, version: 1 }).run()
  } catch (err) {
    throw uniqueViolation(err, 'tag', input.slug) ?? err
  }
  return withRepresentation(201, tagJson(findTag(db, id)!), { location: location(id) })
}

/** Runs inside the caller's transaction, so the If-Match check and the write see one state. */
export function updateTag(db: Db, req: FastifyRequest, idOrSlug: string, changes: TagPatch, now: Date): WriteResult {
  const current = findTag(db, idOrSlug)
  if (!current) throw notFound('tag', idOrSlug)
  requireMatch(req.headers['if-match'], tagJson(current))
  const changed = changedFields(current, changes)
  // Nothing differs: no new version, and the client's ETag stays good.
  if (!changed) return withRepresentation(200, tagJson(current))
  try {
    db.update(tags)
      .set({ ...changed, version: sql`${tags.version} + 1`, updatedAt: now.toISOString() })
      .where(eq(tags.id, current.id))
      .run()
  } catch (err) {
    throw uniqueViolation(err, 'tag', changed.slug ?? current.slug) ?? err
  }
  return withRepresentation(200, tagJson(findTag(db, current.id)!))
}

/** How many references a refusal lists; the detail gives the total. */
const MAX_LISTED = 100

export function deleteTag(db: Db, req: FastifyRequest, idOrSlug: string): WriteResult {
  const current = findTag(db, idOrSlug)
  if (!current) throw notFound('tag', idOrSlug)
  requireMatch(req.headers['if-match'], tagJson(current))
  const total = db.select({ n: count() }).from(articleTags).where(eq(articleTags.tagId, current.id)).get()?.n ?? 0
  if (total > 0) {
    const listed = db
      .select({ id: articleTags.articleId })
      .from(articleTags)
      .where(eq(articleTags.tagId, current.id))
      .orderBy(articleTags.articleId)
      .limit(MAX_LISTED)
      .all()
      .map((a) => ({ resource: 'article', id: a.id, detail: 'is tagged with this tag' }))
    const more = total > listed.length ? ` The first ${listed.length} are listed.` : ''
    const articlesText = total === 1 ? '1 article is' : `${total} articles are`
    throw conflict(`${articlesText} still tagged "${current.slug}"; untag them first.${more}`, listed)
  }
  db.delete(tags).where(eq(tags.id, current.id)).run()
  return noContent
}
