import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { preparedFor } from '../../db/prepared.js'
import { AUTHOR_ROLES } from '../../db/schema.js'
import { requireMatch } from '../../core/etag.js'
import { conflict, notFound, Problem, unprocessable, type Conflict } from '../../core/problem.js'
import { resolveAuthorId } from '../authors/queries.js'
import { addCorrection } from '../corrections/commands.js'
import { CorrectionNote } from '../corrections/schemas.js'
import { resolveTagId } from '../tags/queries.js'
import { reanchoring, type Location } from '../quotes/anchor.js'
import { Slug, Text } from '../../core/fields.js'
import { countWords, DocumentError, NewArticle } from './document.js'
import { articleOfRow, storedArticleRow } from './queries.js'
import { recordRevision, touchedBlocks } from './revisions.js'
import { NewBody, NewMedia, Note } from './schemas.js'
import { importerOf } from './importer.js'

/** Who makes a change, and when: every revision records both. */
export type Actor = { keyId: string | null; now: string }

export const ArticlePatch = z
  .strictObject({
    slug: Slug.optional(),
    headline: Text.optional(),
    standfirst: Text.nullable().optional(),
    language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 tag such as en or en-GB').optional(),
    status: z.enum(['draft', 'published', 'withdrawn']).optional().meta({
      description: 'draft → published → withdrawn; a withdrawn story stays withdrawn, and a published one cannot go back to draft.',
    }),
    publishedAt: z.iso.datetime({ offset: false }).nullable().optional().meta({ description: 'In the future: an embargo.' }),
    publisher: Text.nullable().optional(),
    media: z.array(NewMedia).max(50).optional(),
    notes: z.array(Note).max(50).optional(),
    body: NewBody.optional().meta({
      description: `The whole new body: ${NewBody.description!.replace(/^At most/, 'at most')} Quotes are re-anchored; one whose words are gone refuses the edit unless orphanQuotes=true.`,
    }),
    authors: z
      .array(z.strictObject({ author: z.string().min(1).max(200), role: z.enum(AUTHOR_ROLES) }))
      .max(50)
      .optional()
      .meta({ description: 'The whole new list of credits; authors by id or slug, created beforehand.' }),
    tags: z.array(z.string().min(1).max(200)).max(100).optional().meta({ description: 'The whole new list of tags, by id or slug.' }),
    correction: CorrectionNote.optional(),
  })
  .meta({ id: 'ArticlePatch', description: 'The fields to change; those left out stay as they are.' })
export type ArticlePatch = z.infer<typeof ArticlePatch>

const sql = preparedFor((db) => {
  const p = (s: string) => db.$client.prepare(s)
  return {
    quotes: p('select id, text, block, start, "end", anchor from quotes where article_id = ?'),
    moveQuote: p(
      'update quotes set block = ?, start = ?, "end" = ?, anchor = ?, updated_at = ?, version = version + 1 where id = ?',
    ),
    updateArticle: p(
      `update articles set slug = ?, headline = ?, standfirst = ?, body = ?, language = ?, status = ?, published_at = ?,
         publisher = ?, media = ?, notes = ?, word_count = ?, updated_at = ?, version = version + 1
       where id = ?`,
    ),
    touch: p('update articles set updated_at = ?, version = version + 1 where id = ?'),
    withdraw: p(`update articles set status = 'withdrawn', updated_at = ?, version = version + 1 where id = ?`),
    credits: p('select author_id, role from article_authors where article_id = ? order by position'),
    deleteCredits: p('delete from article_authors where article_id = ?'),
    insertCredit: p('insert into article_authors (article_id, author_id, role, position) values (?, ?, ?, ?)'),
    taggings: p('select tag_id from article_tags where article_id = ? order by position').pluck(),
    deleteTaggings: p('delete from article_tags where article_id = ?'),
    insertTagging: p('insert into article_tags (article_id, tag_id, position) values (?, ?, ?)'),
  }
})

type ArticleRow = NonNullable<ReturnType<typeof storedArticleRow>>

/** The representation every read and write of one article agrees on, ETag included. */
export const articleRepresentation = (db: Db, id: string) =>
  JSON.stringify({ data: articleOfRow(db, storedArticleRow(db, id)!) })

/** The stored story with this id or slug, whatever its status; 404 without one. */
export function existingArticle(db: Db, idOrSlug: string): ArticleRow {
  const row = storedArticleRow(db, idOrSlug)
  if (!row) throw notFound('article', idOrSlug)
  return row
}

/** `quotes[3]: …` names a place in the document; as a JSON Pointer it is /quotes/3. */
function documentProblem(err: DocumentError) {
  const at = /^(\w+)\[(\d+)\]/.exec(err.message)
  return unprocessable(at ? `/${at[1]}/${at[2]}` : '/', err.message.replace(/^\w+\[\d+\]: /, ''))
}

/** Creates a story from a document (inside the caller's transaction); returns its id. */
export function createArticle(db: Db, doc: NewArticle, actor: Actor): string {
  if (storedArticleRow(db, doc.slug)) throw conflict(`The slug "${doc.slug}" already belongs to another article.`)
  try {
    importerOf(db).writeDocument(doc, actor.now)
  } catch (err) {
    if (err instanceof DocumentError) throw documentProblem(err)
    throw err
  }
  const id = storedArticleRow(db, doc.slug)!.id
  recordRevision(db, id, actor.keyId, actor.now)
  return id
}

const TRANSITIONS: Record<string, string[]> = { draft: ['draft', 'published', 'withdrawn'], published: ['published', 'withdrawn'] }

type QuoteRow = { id: string; text: string; block: number; start: number; end: number; anchor: string }
type QuoteMove = { id: string; location: Location; anchor: string }

export type PatchOutcome = { id: string; changed: boolean; orphaned: Conflict[] }

/** A withdrawn story stays withdrawn, a published one is not a draft again, and a slug names one story. */
function refuseTransition(db: Db, row: ArticleRow, patch: ArticlePatch) {
  if (row.status === 'withdrawn') throw conflict('The article was withdrawn; a withdrawn story stays withdrawn.')
  if (patch.status !== undefined && !TRANSITIONS[row.status]!.includes(patch.status)) {
    throw conflict(`An article cannot go from ${row.status} back to ${patch.status}; withdraw it instead.`)
  }
  if (patch.slug !== undefined && patch.slug !== row.slug) {
    const other = storedArticleRow(db, patch.slug)
    if (other && other.id !== row.id) throw conflict(`The slug "${patch.slug}" already belongs to another article.`)
  }
}

/** The story's fields once the patch is applied. */
function patchedFields(row: ArticleRow, patch: ArticlePatch) {
  return {
    slug: patch.slug ?? row.slug,
    headline: patch.headline ?? row.headline,
    standfirst: patch.standfirst === undefined ? row.standfirst : patch.standfirst,
    body: patch.body ?? row.body,
    language: patch.language ?? row.language,
    status: patch.status ?? row.status,
    publishedAt: patch.publishedAt === undefined ? row.publishedAt : patch.publishedAt,
    publisher: patch.publisher === undefined ? row.publisher : patch.publisher,
    media: patch.media ?? row.media,
    notes: patch.notes ?? row.notes,
  }
}
type Fields = ReturnType<typeof patchedFields>

/**
 * Quotes follow their words through a body edit; none may be left pointing at text the
 * body no longer has, unless the editor accepts it (orphanQuotes).
 */
function followQuotes(db: Db, row: ArticleRow, body: Fields['body'], orphanQuotes: boolean) {
  const moves: QuoteMove[] = []
  const orphaned: Conflict[] = []
  if (JSON.stringify(body) === JSON.stringify(row.body)) return { moves, orphaned }
  const reanchor = reanchoring(body)
  for (const q of sql(db).quotes.all(row.id) as QuoteRow[]) {
    const placed = reanchor(q.text, q)
    if (placed.anchor === 'orphaned') {
      orphaned.push({ resource: 'quote', id: q.id, detail: `"${q.text}" is no longer in the body` })
      if (q.anchor !== 'orphaned') moves.push({ id: q.id, location: q, anchor: 'orphaned' })
    } else if (placed.anchor !== q.anchor || placed.location.block !== q.block || placed.location.start !== q.start) {
      moves.push({ id: q.id, location: placed.location, anchor: placed.anchor })
    }
  }
  if (orphaned.length > 0 && !orphanQuotes) {
    throw conflict(
      `The edit would leave ${orphaned.length} quote(s) pointing at words the body no longer has; edit or delete them first, or send orphanQuotes=true.`,
      orphaned,
    )
  }
  return { moves, orphaned }
}

/** The patch's credits and tags, resolved, each undefined when the patch leaves it as stored. */
function changedRelations(db: Db, row: ArticleRow, patch: ArticlePatch) {
  const s = sql(db)
  const credits = patch.authors && resolveCredits(db, patch.authors)
  const tags = patch.tags && resolveTags(db, patch.tags)
  const storedCredits = s.credits.all(row.id) as { author_id: string; role: string }[]
  const creditsChanged =
    credits !== undefined &&
    JSON.stringify(credits) !== JSON.stringify(storedCredits.map((c) => ({ authorId: c.author_id, role: c.role })))
  const tagsChanged = tags !== undefined && JSON.stringify(tags) !== JSON.stringify(s.taggings.all(row.id))
  return { credits: creditsChanged ? credits : undefined, tags: tagsChanged ? tags : undefined }
}
type Relations = ReturnType<typeof changedRelations>

/** Writes the patched story: quotes moved, credits and tags replaced, the row updated. */
function writePatch(db: Db, row: ArticleRow, next: Fields, moves: QuoteMove[], relations: Relations, now: string) {
  const s = sql(db)
  for (const m of moves) s.moveQuote.run(m.location.block, m.location.start, m.location.end, m.anchor, now, m.id)
  if (relations.credits) {
    s.deleteCredits.run(row.id)
    relations.credits.forEach((c, i) => s.insertCredit.run(row.id, c.authorId, c.role, i))
  }
  if (relations.tags) {
    s.deleteTaggings.run(row.id)
    relations.tags.forEach((tagId, i) => s.insertTagging.run(row.id, tagId, i))
  }
  s.updateArticle.run(
    next.slug, next.headline, next.standfirst, JSON.stringify(next.body), next.language, next.status, next.publishedAt,
    next.publisher, JSON.stringify(next.media), JSON.stringify(next.notes), countWords(next.body), now, row.id,
  )
}

/**
 * Applies a change to a story (inside the caller's transaction), once `ifMatch` (the
 * If-Match header) names its current representation: the previous version is kept as a
 * revision, quotes follow their words through a body edit, and a correction is stored with
 * the blocks and quotes the change touched.
 */
export function patchArticle(
  db: Db,
  idOrSlug: string,
  patch: ArticlePatch,
  opts: { orphanQuotes: boolean; ifMatch: string | undefined },
  actor: Actor,
): PatchOutcome {
  const row = existingArticle(db, idOrSlug)
  requireMatch(opts.ifMatch, articleRepresentation(db, row.id))
  refuseTransition(db, row, patch)
  const next = patchedFields(row, patch)
  const { moves, orphaned } = followQuotes(db, row, next.body, opts.orphanQuotes)
  const relations = changedRelations(db, row, patch)
  const fieldsChanged = (Object.keys(next) as (keyof Fields)[]).some((k) => JSON.stringify(next[k]) !== JSON.stringify(row[k]))
  if (!fieldsChanged && !relations.credits && !relations.tags && moves.length === 0 && patch.correction === undefined) {
    return { id: row.id, changed: false, orphaned }
  }

  recordRevision(db, row.id, null, row.updatedAt)
  writePatch(db, row, next, moves, relations, actor.now)
  const revision = recordRevision(db, row.id, actor.keyId, actor.now)
  if (patch.correction) {
    const touched = { blocks: touchedBlocks(row.body, next.body), quoteIds: moves.map((m) => m.id) }
    addCorrection(db, row.id, revision, patch.correction, touched, actor.now)
  }
  return { id: row.id, changed: true, orphaned }
}

/**
 * Marks a story changed by a write to one of its quotes: a new version, and a revision
 * (the one before kept first). Returns the new revision number.
 */
export function articleChanged(db: Db, articleId: string, before: { updatedAt: string }, actor: Actor, apply: () => void): number {
  recordRevision(db, articleId, null, before.updatedAt)
  apply()
  sql(db).touch.run(actor.now, articleId)
  return recordRevision(db, articleId, actor.keyId, actor.now)
}

/**
 * Withdraws a story, once `ifMatch` names its current representation: the public API
 * answers 410 for it from then on.
 */
export function withdrawArticle(db: Db, idOrSlug: string, ifMatch: string | undefined, actor: Actor) {
  const row = existingArticle(db, idOrSlug)
  if (row.status === 'withdrawn') throw new Problem(410, `The article "${idOrSlug}" was withdrawn already.`)
  requireMatch(ifMatch, articleRepresentation(db, row.id))
  recordRevision(db, row.id, null, row.updatedAt)
  sql(db).withdraw.run(actor.now, row.id)
  recordRevision(db, row.id, actor.keyId, actor.now)
}

function resolveCredits(db: Db, credits: { author: string; role: string }[]) {
  const seen = new Set<string>()
  return credits.map((c, i) => {
    const authorId = resolveAuthorId(db, c.author)
    if (!authorId) throw unprocessable(`/authors/${i}/author`, `no author with id or slug "${c.author}"; create it first`)
    if (seen.has(`${authorId} ${c.role}`)) throw unprocessable(`/authors/${i}`, `"${c.author}" is credited twice as ${c.role}`)
    seen.add(`${authorId} ${c.role}`)
    return { authorId, role: c.role }
  })
}

function resolveTags(db: Db, tags: string[]) {
  const seen = new Set<string>()
  return tags.map((t, i) => {
    const tagId = resolveTagId(db, t)
    if (!tagId) throw unprocessable(`/tags/${i}`, `no tag with id or slug "${t}"; create it first`)
    if (seen.has(tagId)) throw unprocessable(`/tags/${i}`, `"${t}" is listed twice`)
    seen.add(tagId)
    return tagId
  })
}

