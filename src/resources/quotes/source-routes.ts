import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { list, problemResponses } from '../../core/contract.js'
import { nameList, sortParam, splitNames } from '../../core/listing.js'
import { PageQuery } from '../../core/pagination.js'
import { sendJson } from '../../http/reply.js'
import { findReadableSource } from '../sources/queries.js'
import { readable } from '../taxonomy/queries.js'
import { Params } from '../taxonomy/schemas.js'
import { listQuotesJson, QUOTE_INCLUDES, QUOTE_SORTS } from './queries.js'
import { Quote } from './schemas.js'

/** A source's quotes live with quotes, the resource they return, so sources never need to know about quotes. */
export const sourceQuoteRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
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
      const source = readable(findReadableSource(db, req.view, req.params.idOrSlug), 'source', req.params.idOrSlug)
      const q = req.query
      return sendJson(
        reply,
        listQuotesJson(db, req.view, { sourceId: source.id }, { ...q, include: splitNames(q.include), fields: splitNames(q.fields) }),
      )
    },
  )
}
