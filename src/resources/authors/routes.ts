import { idempotencyOf } from '../../http/idempotency.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { AUTHOR_ROLES } from '../../db/schema.js'
import { nameList, splitNames } from '../../core/listing.js'
import { PageQuery } from '../../core/pagination.js'
import { NameQuery, sortParam } from '../../core/listing.js'
import { sendJson } from '../../http/reply.js'
import { IdOrSlug, list, NoQuery, one, problemResponses } from '../../core/contract.js'
import { IdempotencyHeaders, IfMatchHeaders } from '../../core/contract.js'
import { idempotentWrite, inTransaction, withRepresentation } from '../../core/transactions.js'
import { send } from '../../http/reply.js'
import { notFound } from '../../core/problem.js'
import { AUTHOR_SORTS, authorJson, findReadableAuthor, listAuthorsJson } from './queries.js'
import { Author } from './schemas.js'
import { AuthorPatch, createAuthor, deleteAuthor, NewAuthor, updateAuthor } from './writes.js'

const Params = z.object({ idOrSlug: IdOrSlug })

// An author is a few short fields; a bigger body is a mistake or an attack.
const BODY_LIMIT = 64 * 1024

export const authorRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/authors',
    {
      schema: {
        tags: ['authors'],
        operationId: 'listAuthors',
        summary: 'List authors, by name by default',
        querystring: z.strictObject({
          ...PageQuery,
          sort: sortParam(AUTHOR_SORTS, 'name'),
          include: nameList('include', []).optional(),
          fields: nameList('field', Object.keys(Author.shape)).optional(),
          organization: z.string().min(1).max(200).optional().meta({ description: 'Exact organization, e.g. CBS News.' }),
          role: z.enum(AUTHOR_ROLES).optional().meta({ description: 'Credited in this role on a published story.' }),
          q: NameQuery.optional(),
        }),
        response: { 200: list(Author, 'A page of authors'), ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (req, reply) => {
      const { organization, role, q, ...opts } = req.query
      return sendJson(reply, listAuthorsJson(db, req.view, { organization, role, q }, { ...opts, fields: splitNames(opts.fields) }))
    },
  )

  app.get(
    '/authors/:idOrSlug',
    {
      schema: {
        tags: ['authors'],
        operationId: 'getAuthor',
        summary: 'Get one author',
        params: Params,
        querystring: NoQuery,
        response: { 200: one(Author, 'The author, with its ETag'), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (req, reply) => {
      const author = findReadableAuthor(db, req.view, req.params.idOrSlug)
      if (!author) throw notFound('author', req.params.idOrSlug)
      return send(reply, withRepresentation(200, authorJson(author)))
    },
  )

  app.post(
    '/authors',
    {
      config: { scope: 'write' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['authors'],
        operationId: 'createAuthor',
        summary: 'Create an author; answers 201 with the author, its ETag and its Location',
        headers: IdempotencyHeaders,
        querystring: NoQuery,
        body: NewAuthor,
        response: {
          201: one(Author, 'The author as created'),
          ...problemResponses(400, 401, 403, 409, 413, 415, 422, 429, 503),
        },
      },
    },
    async (req, reply) => {
      const now = new Date(req.view.now)
      const result = idempotentWrite(db, idempotencyOf(req), now, () => createAuthor(db, req.body, now, (id) => `${app.prefix}/authors/${id}`))
      return send(reply, result)
    },
  )

  app.patch(
    '/authors/:idOrSlug',
    {
      config: { scope: 'write' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['authors'],
        operationId: 'updateAuthor',
        summary: 'Change some fields of an author; needs If-Match with the ETag last read',
        params: Params,
        headers: IfMatchHeaders,
        querystring: NoQuery,
        body: AuthorPatch,
        response: {
          200: one(Author, 'The author as changed, with its new ETag'),
          ...problemResponses(400, 401, 403, 404, 409, 412, 413, 415, 428, 429, 503),
        },
      },
    },
    async (req, reply) => {
      const now = new Date(req.view.now)
      return send(reply, inTransaction(db, req.view.now, () => updateAuthor(db, req, req.params.idOrSlug, req.body, now)))
    },
  )

  app.delete(
    '/authors/:idOrSlug',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['authors'],
        operationId: 'deleteAuthor',
        summary: 'Delete an author no article credits and no quote was said to; needs If-Match',
        params: Params,
        headers: IfMatchHeaders,
        querystring: NoQuery,
        response: {
          204: z.null().meta({ description: 'Deleted' }),
          ...problemResponses(400, 401, 403, 404, 409, 412, 428, 429, 503),
        },
      },
    },
    async (req, reply) => send(reply, inTransaction(db, req.view.now, () => deleteAuthor(db, req, req.params.idOrSlug))),
  )
}
