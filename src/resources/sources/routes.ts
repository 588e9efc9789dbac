import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { SOURCE_KINDS } from '../../db/schema.js'
import { BooleanParam, nameList, splitNames } from '../../lib/listing.js'
import { PageQuery } from '../../lib/pagination.js'
import { FullTextQuery, sendJson, sortParam } from '../../lib/params.js'
import { IdOrSlug, list, NoQuery, one, problemResponses } from '../../lib/schemas.js'
import { notFound } from '../../problems.js'
import { QUOTE_INCLUDES, QUOTE_SORTS, listQuotesJson } from '../quotes/queries.js'
import { Quote } from '../quotes/schemas.js'
import { SOURCE_SORTS, findSource, listSourcesJson } from './queries.js'
import { Source } from './schemas.js'

const Params = z.object({ idOrSlug: IdOrSlug })

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
        response: { 200: one(Source, 'The source'), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (req) => {
      const source = findSource(db, req.view, req.params.idOrSlug)
      if (!source) throw notFound('source', req.params.idOrSlug)
      return { data: source }
    },
  )

  app.get(
    '/sources/:idOrSlug/quotes',
    {
      schema: {
        tags: ['sources'],
        operationId: 'listSourceQuotes',
        summary: "List a source's quotes in published stories, newest first by default",
        params: Params,
        querystring: z.strictObject({
          ...PageQuery,
          sort: sortParam(QUOTE_SORTS, '-createdAt'),
          include: nameList('include', QUOTE_INCLUDES).optional(),
          fields: nameList('field', Object.keys(Quote.shape)).optional(),
        }),
        response: { 200: list(Quote, 'A page of quotes'), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (req, reply) => {
      const source = findSource(db, req.view, req.params.idOrSlug)
      if (!source) throw notFound('source', req.params.idOrSlug)
      const q = req.query
      return sendJson(
        reply,
        listQuotesJson(db, req.view, { sourceId: source.id }, { ...q, include: splitNames(q.include), fields: splitNames(q.fields) }),
      )
    },
  )
}
