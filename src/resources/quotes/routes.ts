import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { QUOTE_KINDS } from '../../db/schema.js'
import { list, NoQuery, one, problemResponses } from '../../core/contract.js'
import { BooleanParam, FullTextQuery } from '../../core/listing.js'
import { Problem } from '../../core/problem.js'
import { withRepresentation } from '../../core/transactions.js'
import { resolveView, visibleArticleId } from '../../core/visibility.js'
import { send, sendJson } from '../../http/reply.js'
import { resolveAuthorId } from '../authors/queries.js'
import { resolveSourceId } from '../sources/queries.js'
import { quoteListOptions, quoteListQuery } from './list-query.js'
import { findQuote, listQuotesJson } from './queries.js'
import { Quote } from './schemas.js'

const NOTHING = 'quo_none' // an id no quote has: a filter naming nothing matches nothing

export const quoteRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/quotes',
    {
      schema: {
        tags: ['quotes'],
        operationId: 'listQuotes',
        summary: 'List quotes in published stories, filtered, newest first by default',
        querystring: quoteListQuery('-createdAt', {
          article: z.string().min(1).max(200).optional().meta({ description: 'The story, by id or slug.' }),
          source: z.string().min(1).max(200).optional().meta({ description: 'The source, by id or slug.' }),
          saidTo: z.string().min(1).max(200).optional().meta({ description: 'The journalist it was said to, by id or slug.' }),
          kind: z.enum(QUOTE_KINDS).optional(),
          anonymous: BooleanParam('true: quotes from unnamed sources; false: from named ones.').optional(),
          q: FullTextQuery.optional(),
        }),
        response: { 200: list(Quote, 'A page of quotes'), ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (req, reply) => {
      const { article, source, saidTo, kind, anonymous, q } = req.query
      const filters = {
        articleId: article === undefined ? undefined : (visibleArticleId(db, resolveView(db, req.view), article) ?? NOTHING),
        sourceId: source === undefined ? undefined : (resolveSourceId(db, source) ?? NOTHING),
        saidToId: saidTo === undefined ? undefined : (resolveAuthorId(db, saidTo) ?? NOTHING),
        kind,
        q,
        anonymous: anonymous === undefined ? undefined : anonymous === 'true',
      }
      return sendJson(reply, listQuotesJson(db, req.view, filters, quoteListOptions(req.query)))
    },
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
        response: { 200: one(Quote, 'The quote'), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (req, reply) => {
      const quote = findQuote(db, req.view, req.params.id)
      if (!quote) throw new Problem(404, `No quote with id "${req.params.id}".`)
      return send(reply, withRepresentation(200, JSON.stringify({ data: quote })))
    },
  )
}
