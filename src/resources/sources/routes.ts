import { idempotencyOf } from '../../http/idempotency.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { SOURCE_KINDS } from '../../db/schema.js'
import { BooleanParam, nameList, splitNames } from '../../core/listing.js'
import { PageQuery } from '../../core/pagination.js'
import { FullTextQuery, sortParam } from '../../core/listing.js'
import { sendJson } from '../../http/reply.js'
import { IdOrSlug, list, NoQuery, one, problemResponses } from '../../core/contract.js'
import { IdempotencyHeaders, IfMatchHeaders } from '../../core/contract.js'
import { idempotentWrite, inTransaction, withRepresentation } from '../../core/transactions.js'
import { send } from '../../http/reply.js'
import { notFound } from '../../core/problem.js'
import { SOURCE_SORTS, findReadableSource, listSourcesJson, sourceJson } from './queries.js'
import { Source } from './schemas.js'
import { createSource, deleteSource, NewSource, SourcePatch, updateSource } from './writes.js'

const Params = z.object({ idOrSlug: IdOrSlug })

// A source is a few short fields; a bigger body is a mistake or an attack.
const BODY_LIMIT = 64 * 1024

export const sourceRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/sources',
    {
      schema: {
        tags: ['sources'],
        operationId: 'listSources',
        summary: 'List the sources published stories attribute quotes to',
        querystring: z.strictObject({
          ...PageQuery,
          sort: sortParam(SOURCE_SORTS, 'slug'),
          include: nameList('include', []).optional(),
          fields: nameList('field', Object.keys(Source.shape)).optional(),
          kind: z.enum(SOURCE_KINDS).optional(),
          anonymous: BooleanParam('true: unnamed sources only; false: named ones only.').optional(),
          affiliation: z.string().min(1).max(200).optional().meta({ description: 'Exact affiliation, e.g. Pakistani intelligence.' }),
          q: FullTextQuery.optional(),
        }),
        response: { 200: list(Source, 'A page of sources'), ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (req, reply) => {
      const { kind, anonymous, affiliation, q, ...opts } = req.query
      return sendJson(
        reply,
        listSourcesJson(
          db,
          req.view,
          { kind, affiliation, q, anonymous: anonymous === undefined ? undefined : anonymous === 'true' },
          { ...opts, fields: splitNames(opts.fields) },
        ),
      )
    },
  )

  app.get(
    '/sources/:idOrSlug',
    {
      schema: {
        tags: ['sources'],
        operationId: 'getSource',
        summary: 'Get one source',
        params: Params,
        querystring: NoQuery,
        response: { 200: one(Source, 'The source, with its ETag'), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (req, reply) => {
      const source = findReadableSource(db, req.view, req.params.idOrSlug)
      if (!source) throw notFound('source', req.params.idOrSlug)
      return send(reply, withRepresentation(200, sourceJson(source)))
    },
  )

  app.post(
    '/sources',
    {
      config: { scope: 'write' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['sources'],
        operationId: 'createSource',
        summary: 'Create a source; answers 201 with the source, its ETag and its Location',
        headers: IdempotencyHeaders,
        querystring: NoQuery,
        body: NewSource,
        response: {
          201: one(Source, 'The source as created'),
          ...problemResponses(400, 401, 403, 409, 413, 415, 422, 429, 503),
        },
      },
    },
    async (req, reply) => {
      const now = new Date(req.view.now)
      const result = idempotentWrite(db, idempotencyOf(req), now, () => createSource(db, req.body, now, (id) => `${app.prefix}/sources/${id}`))
      return send(reply, result)
    },
  )

  app.patch(
    '/sources/:idOrSlug',
    {
      config: { scope: 'write' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['sources'],
        operationId: 'updateSource',
        summary: 'Change some fields of a source; needs If-Match with the ETag last read',
        params: Params,
        headers: IfMatchHeaders,
        querystring: NoQuery,
        body: SourcePatch,
        response: {
          200: one(Source, 'The source as changed, with its new ETag'),
          ...problemResponses(400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 429, 503),
        },
      },
    },
    async (req, reply) => {
      const now = new Date(req.view.now)
      return send(reply, inTransaction(db, req.view.now, () => updateSource(db, req, req.params.idOrSlug, req.body, now)))
    },
  )

  app.delete(
    '/sources/:idOrSlug',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['sources'],
        operationId: 'deleteSource',
        summary: 'Delete a source no quote is attributed to; needs If-Match',
        params: Params,
        headers: IfMatchHeaders,
        querystring: NoQuery,
        response: {
          204: z.null().meta({ description: 'Deleted' }),
          ...problemResponses(400, 401, 403, 404, 409, 412, 428, 429, 503),
        },
      },
    },
    async (req, reply) => send(reply, inTransaction(db, req.view.now, () => deleteSource(db, req, req.params.idOrSlug))),
  )
}
