import { idempotencyOf } from '../../http/idempotency.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { TAG_TYPES } from '../../db/schema.js'
import { nameList, splitNames } from '../../core/listing.js'
import { PageQuery } from '../../core/pagination.js'
import { NameQuery, sortParam } from '../../core/listing.js'
import { sendJson } from '../../http/reply.js'
import { IdOrSlug, list, NoQuery, one, problemResponses } from '../../core/contract.js'
import { IdempotencyHeaders, IfMatchHeaders } from '../../core/contract.js'
import { idempotentWrite, inTransaction, withRepresentation } from '../../core/transactions.js'
import { send } from '../../http/reply.js'
import { notFound } from '../../core/problem.js'
import { TAG_SORTS, findReadableTag, listTagsJson, tagJson } from './queries.js'
import { Tag } from './schemas.js'
import { createTag, deleteTag, NewTag, TagPatch, updateTag } from './writes.js'

const Params = z.object({ idOrSlug: IdOrSlug })

// A tag is three short fields; a bigger body is a mistake or an attack.
const BODY_LIMIT = 64 * 1024

export const tagRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/tags',
    {
      schema: {
        tags: ['tags'],
        operationId: 'listTags',
        summary: 'List the tags of published stories, by name by default',
        querystring: z.strictObject({
          ...PageQuery,
          sort: sortParam(TAG_SORTS, 'name'),
          include: nameList('include', []).optional(),
          fields: nameList('field', Object.keys(Tag.shape)).optional(),
          type: z.enum(TAG_TYPES).optional(),
          q: NameQuery.optional(),
        }),
        response: { 200: list(Tag, 'A page of tags'), ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (req, reply) => {
      const { type, q, ...opts } = req.query
      return sendJson(reply, listTagsJson(db, req.view, { type, q }, { ...opts, fields: splitNames(opts.fields) }))
    },
  )

  app.get(
    '/tags/:idOrSlug',
    {
      schema: {
        tags: ['tags'],
        operationId: 'getTag',
        summary: 'Get one tag',
        params: Params,
        querystring: NoQuery,
        response: { 200: one(Tag, 'The tag, with its ETag'), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (req, reply) => {
      const tag = findReadableTag(db, req.view, req.params.idOrSlug)
      if (!tag) throw notFound('tag', req.params.idOrSlug)
      return send(reply, withRepresentation(200, tagJson(tag)))
    },
  )

  app.post(
    '/tags',
    {
      config: { scope: 'write' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['tags'],
        operationId: 'createTag',
        summary: 'Create a tag; answers 201 with the tag, its ETag and its Location',
        headers: IdempotencyHeaders,
        querystring: NoQuery,
        body: NewTag,
        response: {
          201: one(Tag, 'The tag as created'),
          ...problemResponses(400, 401, 403, 409, 413, 415, 422, 429, 503),
        },
      },
    },
    async (req, reply) => {
      const now = new Date(req.view.now)
      const result = idempotentWrite(db, idempotencyOf(req), now, () => createTag(db, req.body, now, (id) => `${app.prefix}/tags/${id}`))
      return send(reply, result)
    },
  )

  app.patch(
    '/tags/:idOrSlug',
    {
      config: { scope: 'write' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['tags'],
        operationId: 'updateTag',
        summary: 'Change some fields of a tag; needs If-Match with the ETag last read',
        params: Params,
        headers: IfMatchHeaders,
        querystring: NoQuery,
        body: TagPatch,
        response: {
          200: one(Tag, 'The tag as changed, with its new ETag'),
          ...problemResponses(400, 401, 403, 404, 409, 412, 413, 415, 428, 429, 503),
        },
      },
    },
    async (req, reply) => {
      const now = new Date(req.view.now)
      return send(reply, inTransaction(db, req.view.now, () => updateTag(db, req, req.params.idOrSlug, req.body, now)))
    },
  )

  app.delete(
    '/tags/:idOrSlug',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['tags'],
        operationId: 'deleteTag',
        summary: 'Delete a tag no article carries; needs If-Match',
        params: Params,
        headers: IfMatchHeaders,
        querystring: NoQuery,
        response: {
          204: z.null().meta({ description: 'Deleted' }),
          ...problemResponses(400, 401, 403, 404, 409, 412, 428, 429, 503),
        },
      },
    },
    async (req, reply) => send(reply, inTransaction(db, req.view.now, () => deleteTag(db, req, req.params.idOrSlug))),
  )
}
