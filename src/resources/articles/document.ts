import { z } from 'zod'
import { ARTICLE_STATUSES, AUTHOR_ROLES, QUOTE_KINDS, SOURCE_KINDS, TAG_TYPES, type authors } from '../../db/schema.js'
import { newId } from '../../core/ids.js'
import { Id, Slug, Text } from '../../core/fields.js'
import { AnchorError, anchoring, type Location } from '../quotes/anchor.js'
import { MAX_QUOTES, QuoteHint } from '../quotes/schemas.js'
import { NewBody, NewMedia, Note } from './schemas.js'

const DocumentAuthor = z.strictObject({
  id: Id('aut').optional(),
  slug: Slug,
  name: Text,
  title: Text.nullable().default(null),
  organization: Text.nullable().default(null),
  location: Text.nullable().default(null),
  bio: Text.nullable().default(null),
  role: z.enum(AUTHOR_ROLES),
})

const DocumentSource = z.strictObject({
  id: Id('src').optional(),
  slug: Slug,
  name: Text.nullable().default(null),
  description: Text,
  kind: z.enum(SOURCE_KINDS),
  anonymous: z.boolean(),
  affiliation: Text.nullable().default(null),
})

const DocumentQuote = z.strictObject({
  id: Id('quo').optional(),
  text: Text,
  kind: z.enum(QUOTE_KINDS),
  source: Slug.meta({ description: 'The slug of a source in this document.' }),
  saidTo: Slug.nullable().default(null).meta({ description: 'The slug of an author in this document.' }),
  channel: Text.nullable().default(null),
  cue: Text.nullable().default(null),
  location: QuoteHint.optional(),
})

const DocumentTag = z.strictObject({ id: Id('tag').optional(), slug: Slug, name: Text, type: z.enum(TAG_TYPES) })

const articleFields = {
  id: Id('art').optional(),
  slug: Slug,
  headline: Text,
  standfirst: Text.nullable().default(null),
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 tag such as en or en-GB'),
  status: z.enum(ARTICLE_STATUSES),
  publishedAt: z.iso.datetime({ offset: false }).nullable().default(null),
  publisher: Text.nullable().default(null),
  media: z.array(NewMedia).max(50).default([]),
  notes: z.array(Note).max(50).default([]),
  body: NewBody,
}

/**
 * One story with everything it credits and attributes, referring to people by slug: the
 * shape of the seed, of NDJSON import and export lines, and of POST /v1/articles.
 */
export const ArticleDocument = z.strictObject({
  ...articleFields,
  authors: z.array(DocumentAuthor).max(50).default([]),
  sources: z.array(DocumentSource).max(200).default([]),
  quotes: z.array(DocumentQuote).max(MAX_QUOTES).default([]),
  tags: z.array(DocumentTag).max(100).default([]),
})
export type ArticleDocument = z.infer<typeof ArticleDocument>

export class DocumentError extends Error {}

/** Words as a reader counts them: runs of text holding a letter or a digit. */
export function countWords(body: { text: string }[]): number {
  let words = 0
  for (const b of body) for (const token of b.text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) words++
  return words
}

/**
 * Turns a document into the rows it stands for, checking what zod cannot: that every quote
 * names a source and author of the document and stands verbatim in the body. People and
 * stories already stored under a slug keep their id, so a document refers to them by slug.
 */
export type ExistingIds = {
  article(slug: string): string | undefined
  author(slug: string): string | undefined
  source(slug: string): string | undefined
  tag(slug: string): string | undefined
}

const none: ExistingIds = { article: () => undefined, author: () => undefined, source: () => undefined, tag: () => undefined }

export function documentRows(doc: ArticleDocument, now: string, existing: ExistingIds = none) {
  const articleId = existing.article(doc.slug) ?? doc.id ?? newId('art')
  const authorIds = new Map<string, string>()
  const authorRows = new Map<string, typeof authors.$inferInsert>()
  const credits = doc.authors.map((a, position) => {
    const id = authorIds.get(a.slug) ?? existing.author(a.slug) ?? a.id ?? newId('aut')
    authorIds.set(a.slug, id)
    const { role, ...fields } = a
    authorRows.set(a.slug, { ...fields, id, createdAt: now, updatedAt: now })
    return { articleId, authorId: id, role, position }
  })
  const sourceIds = new Map<string, string>()
  const sourceRows = doc.sources.map((s) => {
    if (sourceIds.has(s.slug)) throw new DocumentError(`source "${s.slug}" is listed twice`)
    if (s.anonymous !== (s.name === null)) {
      throw new DocumentError(`source "${s.slug}": an anonymous source has no name and a named one has one`)
    }
    const id = existing.source(s.slug) ?? s.id ?? newId('src')
    sourceIds.set(s.slug, id)
    return { ...s, id, createdAt: now, updatedAt: now }
  })
  const anchor = anchoring(doc.body)
  const quoteRows = doc.quotes.map((q, i) => {
    const sourceId = sourceIds.get(q.source)
    if (!sourceId) throw new DocumentError(`quotes[${i}]: source "${q.source}" is not among the document's sources`)
    const saidToId = q.saidTo === null ? null : authorIds.get(q.saidTo)
    if (saidToId === undefined) throw new DocumentError(`quotes[${i}]: saidTo "${q.saidTo}" is not among the document's authors`)
    let location: Location
    try {
      location = anchor(q.text, q.location)
    } catch (err) {
      if (err instanceof AnchorError) throw new DocumentError(`quotes[${i}]: ${err.message}`)
      throw err
    }
    const { source: _source, saidTo: _saidTo, location: _hint, ...fields } = q
    return { ...fields, ...location, id: q.id ?? newId('quo'), articleId, sourceId, saidToId, createdAt: now, updatedAt: now }
  })
  const tagIds = new Map<string, string>()
  const tagRows = doc.tags.map((tag) => {
    if (tagIds.has(tag.slug)) throw new DocumentError(`tag "${tag.slug}" is listed twice`)
    const id = existing.tag(tag.slug) ?? tag.id ?? newId('tag')
    tagIds.set(tag.slug, id)
    return { ...tag, id, createdAt: now, updatedAt: now }
  })
  const taggings = tagRows.map((tag, position) => ({ articleId, tagId: tag.id, position }))
  const { authors: _a, sources: _s, quotes: _q, tags: _t, ...article } = doc
  return {
    article: { ...article, id: articleId, wordCount: countWords(doc.body), createdAt: now, updatedAt: now },
    authors: [...authorRows.values()],
    credits,
    sources: sourceRows,
    quotes: quoteRows,
    tags: tagRows,
    taggings,
  }
}

const { id: _id, status: _status, ...newArticleFields } = articleFields

/**
 * The body of POST /v1/articles: an article document without ids (the server assigns
 * them; people, sources and tags already stored under a slug are reused as they are).
 */
export const NewArticle = z
  .strictObject({
    ...newArticleFields,
    status: z.enum(['draft', 'published']).meta({ description: 'A future publishedAt with status published is an embargo.' }),
    authors: z.array(DocumentAuthor.omit({ id: true })).max(50).default([]),
    sources: z.array(DocumentSource.omit({ id: true })).max(200).default([]),
    quotes: z.array(DocumentQuote.omit({ id: true })).max(MAX_QUOTES).default([]),
    tags: z.array(DocumentTag.omit({ id: true })).max(100).default([]),
  })
  .meta({ id: 'NewArticle', description: 'A story with its credits, sources, quotes and tags, people referred to by slug.' })
export type NewArticle = z.infer<typeof NewArticle>

