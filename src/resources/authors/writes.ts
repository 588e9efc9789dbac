import { count, eq, sql } from 'drizzle-orm'
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { articleAuthors, authors, quotes } from '../../db/schema.js'
import { newId } from '../../core/ids.js'
import { changedFields, noContent, withRepresentation, type WriteResult } from '../../core/transactions.js'
import { conflict, uniqueViolation, type Conflict } from '../../core/problem.js'
import { requireMatch } from '../../core/etag.js'
import { notFound } from '../../core/problem.js'
import { Slug, Text } from '../../core/fields.js'
import { authorJson, findAuthor } from './queries.js'

const fields = {
  slug: Slug.meta({ description: 'Unique among authors; lowercase words joined by hyphens.', examples: ['tucker-reals'] }),
  name: Text.meta({ examples: ['Tucker Reals'] }),
  title: Text.nullable().meta({ examples: ['foreign editor'] }),
  organization: Text.nullable().meta({ examples: ['CBS News'] }),
  location: Text.nullable().meta({ examples: ['London'] }),
  bio: Text.nullable(),
}

export const NewAuthor = z
  .strictObject({
    ...fields,
    title: fields.title.default(null),
    organization: fields.organization.default(null),
    location: fields.location.default(null),
    bio: fields.bio.default(null),
  })
  .meta({ id: 'NewAuthor', description: 'An author to create; the server assigns id, version and timestamps.' })
export type NewAuthor = z.infer<typeof NewAuthor>

// No defaults here: a field left out of a change keeps its value.
export const AuthorPatch = z
  .strictObject(fields)
  .partial()
  .refine((o) => Object.keys(o).length > 0, 'must name at least one field to change')
  .meta({ id: 'AuthorPatch', description: 'The fields to change; a field left out keeps its value, null clears it.' })
export type AuthorPatch = z.infer<typeof AuthorPatch>


export function createAuthor(db: Db, input: NewAuthor, now: Date, location: (id: string) => string): WriteResult {
  const id = newId('aut', now.getTime())
  const at = now.toISOString()
  try {
    db.insert(authors).values({ id, ...input, createdAt: at, updatedAt: at, version: 1 }).run()
  } catch (err) {
    throw uniqueViolation(err, 'author', input.slug) ?? err
  }
  return withRepresentation(201, authorJson(findAuthor(db, id)!), { location: location(id) })
}

/** Runs inside the caller's transaction, so the If-Match check and the write see one state. */
export function updateAuthor(db: Db, req: FastifyRequest, idOrSlug: string, changes: AuthorPatch, now: Date): WriteResult {
  const current = findAuthor(db, idOrSlug)
  if (!current) throw notFound('author', idOrSlug)
  requireMatch(req.headers['if-match'], authorJson(current))
  const changed = changedFields(current, changes)
  // Nothing differs: no new version, and the client's ETag stays good.
  if (!changed) return withRepresentation(200, authorJson(current))
  try {
    db.update(authors)
      .set({ ...changed, version: sql`${authors.version} + 1`, updatedAt: now.toISOString() })
      .where(eq(authors.id, current.id))
      .run()
  } catch (err) {
    throw uniqueViolation(err, 'author', changed.slug ?? current.slug) ?? err
  }
  return withRepresentation(200, authorJson(findAuthor(db, current.id)!))
}

/** How many references a refusal lists; the detail gives the totals. */
const MAX_LISTED = 100

/** The articles crediting an author and the quotes said to them: a delete must wait for both to go. */
function references(db: Db, authorId: string) {
  const credits = db
    .select({ id: articleAuthors.articleId, role: articleAuthors.role })
    .from(articleAuthors)
    .where(eq(articleAuthors.authorId, authorId))
    .orderBy(articleAuthors.articleId, articleAuthors.role)
    .limit(MAX_LISTED)
    .all()
  const saidTo = db
    .select({ id: quotes.id })
    .from(quotes)
    .where(eq(quotes.saidToId, authorId))
    .orderBy(quotes.id)
    .limit(MAX_LISTED)
    .all()
  const creditCount = db.select({ n: count() }).from(articleAuthors).where(eq(articleAuthors.authorId, authorId)).get()?.n ?? 0
  const quoteCount = db.select({ n: count() }).from(quotes).where(eq(quotes.saidToId, authorId)).get()?.n ?? 0
  const listed: Conflict[] = [
    ...credits.map((c) => ({ resource: 'article', id: c.id, detail: `credits this author as ${c.role}` })),
    ...saidTo.map((q) => ({ resource: 'quote', id: q.id, detail: 'was said to this author' })),
  ].slice(0, MAX_LISTED)
  return { creditCount, quoteCount, listed }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

export function deleteAuthor(db: Db, req: FastifyRequest, idOrSlug: string): WriteResult {
  const current = findAuthor(db, idOrSlug)
  if (!current) throw notFound('author', idOrSlug)
  requireMatch(req.headers['if-match'], authorJson(current))
  const { creditCount, quoteCount, listed } = references(db, current.id)
  const total = creditCount + quoteCount
  if (total > 0) {
    const what = [
      creditCount > 0 ? plural(creditCount, 'article credit', 'article credits') : '',
      quoteCount > 0 ? `${plural(quoteCount, 'quote', 'quotes')} said to them` : '',
    ].filter(Boolean)
    const more = total > listed.length ? ` The first ${listed.length} are listed.` : ''
    throw conflict(`The author "${current.slug}" still has ${what.join(' and ')}; remove those references first.${more}`, listed)
  }
  db.delete(authors).where(eq(authors.id, current.id)).run()
  return noContent
}
