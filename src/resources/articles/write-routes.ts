import { idempotencyOf } from '../../http/idempotency.js'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { BooleanParam } from '../../core/listing.js'
import { decodeCursor, encodeCursor, PageQuery } from '../../core/pagination.js'
import { IdempotencyHeaders, IdOrSlug, IfMatchHeaders, NoQuery, one, PageInfo, problemResponses } from '../../core/contract.js'
import { idempotentWrite, inTransaction, noContent, withRepresentation } from '../../core/transactions.js'
import { send } from '../../http/reply.js'
import { Problem } from '../../core/problem.js'
import { NewArticle } from './document.js'
import { diffDocuments, findRevision, listRevisions, MAX_BLOCK_EDITS, MAX_WORD_EDITS } from './revisions.js'
import { Article, MAX_BLOCK_CHARS } from './schemas.js'
import { ArticlePatch, articleRepresentation, createArticle, existingArticle, patchArticle, withdrawArticle, type Actor } from './commands.js'

const Params = z.object({ idOrSlug: IdOrSlug })
const RevisionParams = z.object({
  idOrSlug: IdOrSlug,
  number: z.coerce.number().int().min(1).max(2 ** 31).meta({ description: 'The revision number: the article version it recorded.' }),
})

const By = z
  .object({ keyId: z.string(), name: z.string() })
  .nullable()
  .meta({ description: 'The API key that made the change; null for the seed and the command line.' })

const RevisionSummary = z
  .object({
    number: z.int().min(1),
    createdAt: z.string(),
    by: By,
    correction: z.object({ id: z.string(), kind: z.string(), note: z.string() }).nullable(),
  })
  .meta({ id: 'RevisionSummary' })

const Revision = z
  .object({
    number: z.int().min(1),
    createdAt: z.string(),
    by: By,
    document: z.record(z.string(), z.unknown()).meta({
      description: 'The article as it was: the import document shape, each quote with its id, location and anchor.',
    }),
  })
  .meta({ id: 'Revision' })

const RevisionDiff = z
  .object({
    from: z.int(),
    to: z.int(),
    fields: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
    aligned: z.boolean().meta({
      description: `False when the bodies differ in more than ${MAX_BLOCK_EDITS} blocks, too many to align: the blocks between the first and the last that differ are then paired in order, the first with the first.`,
    }),
    blocks: z.array(
      z.object({
        change: z.enum(['added', 'removed', 'changed']),
        from: z.int().optional(),
        to: z.int().optional(),
        text: z.string().optional(),
        coarse: z.literal(true).optional().meta({
          description: `Present on a changed block whose words were not compared one by one: more than ${MAX_WORD_EDITS} words, spaces and punctuation marks were added or removed, a block is longer than ${MAX_BLOCK_CHARS.toLocaleString('en')} characters (stored before blocks were capped), or the diff spent its time for comparing words. \`words\` then holds the whole old text, removed, and the whole new text, added.`,
        }),
        words: z
          .array(z.object({ text: z.string(), added: z.boolean().optional(), removed: z.boolean().optional() }))
          .optional()
          .meta({ description: 'For a changed block: its text as runs that were kept, removed or added.' }),
      }),
    ),
    quotes: z.array(
      z.object({ id: z.string(), change: z.enum(['added', 'removed', 'changed']), from: z.unknown().optional(), to: z.unknown().optional() }),
    ),
    authors: z.object({ from: z.unknown(), to: z.unknown() }).nullable(),
    tags: z.object({ from: z.unknown(), to: z.unknown() }).nullable(),
  })
  .meta({
    id: 'RevisionDiff',
    description: 'What changed between two revisions; blocks are aligned, changed ones word by word. The work is bounded: past the bounds, blocks are paired in order (`aligned: false`) or shown whole (`coarse`).',
  })

export const actorOf = (req: FastifyRequest): Actor => ({ keyId: req.apiKey?.id ?? null, now: req.view.now })

const WRITE_ERRORS = [400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 429, 503] as const

/** A revision of the story; 404 naming the parameter that asked for a missing one. */
function revisionOf(db: Db, articleId: string, number: number, param = 'number') {
  const revision = findRevision(db, articleId, number)
  if (!revision) throw new Problem(404, `The article has no revision ${number}.`, { errors: [{ in: param === 'number' ? 'path' : 'query', parameter: param, detail: 'no such revision' }] })
  return revision
}

export const articleWriteRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/articles',
    {
      config: { scope: 'write' },
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags: ['articles'],
        operationId: 'createArticle',
        summary: 'Create a story with its credits, sources, quotes and tags (scope write)',
        description:
          'People, sources and tags are referred to by slug and created when missing; stored ones are reused unchanged. Each quote is found verbatim in the body (422 when it is not, or when it occurs twice without a location).',
        headers: IdempotencyHeaders,
        querystring: NoQuery,
        body: NewArticle,
        response: { 201: one(Article, 'The new article'), ...problemResponses(400, 401, 403, 409, 413, 415, 422, 429, 503) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req)
      const result = idempotentWrite(db, idempotencyOf(req), new Date(actor.now), () => {
        const id = createArticle(db, req.body, actor)
        return withRepresentation(201, articleRepresentation(db, id), { location: `/v1/articles/${id}` })
      })
      return send(reply, result)
    },
  )

  app.patch(
    '/articles/:idOrSlug',
    {
      config: { scope: 'write' },
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags: ['articles'],
        operationId: 'updateArticle',
        summary: 'Change a story; may carry a public correction (scope write, If-Match required)',
        params: Params,
        headers: IfMatchHeaders,
        querystring: z.strictObject({
          orphanQuotes: BooleanParam('true: accept a body edit that leaves quotes without their words; they are flagged orphaned.').optional(),
        }),
        body: ArticlePatch,
        response: { 200: one(Article, 'The article as changed'), ...problemResponses(...WRITE_ERRORS) },
      },
    },
    async (req, reply) => {
      const result = inTransaction(db, req.view.now, () => {
        const opts = { orphanQuotes: req.query.orphanQuotes === 'true', ifMatch: req.headers['if-match'] }
        const { id } = patchArticle(db, req.params.idOrSlug, req.body, opts, actorOf(req))
        return withRepresentation(200, articleRepresentation(db, id))
      })
      return send(reply, result)
    },
  )

  app.delete(
    '/articles/:idOrSlug',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['articles'],
        operationId: 'withdrawArticle',
        summary: 'Withdraw a story: it answers 410 Gone from then on (scope write, If-Match required)',
        params: Params,
        headers: IfMatchHeaders,
        querystring: NoQuery,
        response: { 204: z.null().meta({ description: 'Withdrawn' }), ...problemResponses(400, 401, 403, 404, 410, 412, 428, 429, 503) },
      },
    },
    async (req, reply) => {
      const result = inTransaction(db, req.view.now, () => {
        withdrawArticle(db, req.params.idOrSlug, req.headers['if-match'], actorOf(req))
        return noContent
      })
      return send(reply, result)
    },
  )

  app.get(
    '/articles/:idOrSlug/revisions',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['articles'],
        operationId: 'listArticleRevisions',
        summary: "List a story's revisions, newest first, with who made each (scope write)",
        params: Params,
        querystring: z.strictObject(PageQuery),
        response: {
          200: z.object({ data: z.array(RevisionSummary), page: PageInfo }).meta({ description: 'A page of revisions' }),
          ...problemResponses(400, 401, 403, 404, 429),
        },
      },
    },
    async (req) => {
      const row = existingArticle(db, req.params.idOrSlug)
      const before = req.query.cursor === undefined ? 2 ** 31 : Number(decodeCursor(req.query.cursor, 'number', 1)[0])
      const { items, total } = listRevisions(db, row.id, before, req.query.limit + 1)
      const more = items.length > req.query.limit
      const data = items.slice(0, req.query.limit)
      const nextCursor = more ? encodeCursor('number', [data.at(-1)!.number]) : null
      return { data, page: { limit: req.query.limit, nextCursor, total } }
    },
  )

  app.get(
    '/articles/:idOrSlug/revisions/:number',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['articles'],
        operationId: 'getArticleRevision',
        summary: 'Get a story as it was at one revision (scope write)',
        params: RevisionParams,
        querystring: NoQuery,
        response: { 200: one(Revision, 'The revision'), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (req) => ({ data: revisionOf(db, existingArticle(db, req.params.idOrSlug).id, req.params.number) }),
  )

  app.get(
    '/articles/:idOrSlug/revisions/:number/diff',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['articles'],
        operationId: 'diffArticleRevisions',
        summary: 'What changed from one revision to another (scope write)',
        params: RevisionParams,
        querystring: z.strictObject({
          from: z.coerce.number().int().min(1).max(2 ** 31).optional().meta({ description: 'The earlier revision; the one before by default.' }),
        }),
        response: { 200: one(RevisionDiff, 'The differences'), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (req) => {
      const id = existingArticle(db, req.params.idOrSlug).id
      const to = revisionOf(db, id, req.params.number)
      const from = revisionOf(db, id, req.query.from ?? req.params.number - 1, req.query.from === undefined ? 'number' : 'from')
      return { data: { from: from.number, to: to.number, ...diffDocuments(from.document, to.document) } }
    },
  )
}
