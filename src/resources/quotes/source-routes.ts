import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../db/client.js'
import { list, problemResponses } from '../../core/contract.js'
import { sendJson } from '../../http/reply.js'
import { findSource } from '../sources/queries.js'
import { readable } from '../taxonomy/queries.js'
import { Params } from '../taxonomy/schemas.js'
import { quoteListOptions, quoteListQuery } from './list-query.js'
import { listQuotesJson } from './queries.js'
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
        querystring: quoteListQuery('-createdAt', {}),
        response: { 200: list(Quote, 'A page of quotes'), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (req, reply) => {
      const source = readable(findSource(db, req.view, req.params.idOrSlug), 'source', req.params.idOrSlug)
      return sendJson(reply, listQuotesJson(db, req.view, { sourceId: source.id }, quoteListOptions(req.query)))
    },
  )
}
