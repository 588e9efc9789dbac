import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { PageQuery } from '../../lib/pagination.js'
import { list, NoQuery, one, problemResponses } from '../../lib/schemas.js'
import { Problem } from '../../problems.js'
import { findQuote, listQuotes } from './queries.js'
import { Quote } from './schemas.js'

export const quoteRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/quotes',
    {
      schema: {
        tags: ['quotes'],
        operationId: 'listQuotes',
        summary: 'List quotes in published stories, newest first',
        querystring: z.strictObject(PageQuery),
        response: { 200: list(Quote, 'A page of quotes'), ...problemResponses(400) },
      },
    },
    async (req) => listQuotes(db, req.query),
  )

  app.get(
    '/quotes/:id',
    {
      schema: {
        tags: ['quotes'],
        operationId: 'getQuote',
        summary: 'Get one quote with its source',
        params: z.object({ id: z.string().min(1).max(200) }),
        querystring: NoQuery,
        response: { 200: one(Quote, 'The quote'), ...problemResponses(400, 404) },
      },
    },
    async (req) => {
      const quote = findQuote(db, req.params.id)
      if (!quote) throw new Problem(404, `No quote with id "${req.params.id}".`)
      return { data: quote }
    },
  )
}
