import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { QUOTE_KINDS } from '../../db/schema.js'
import { BooleanParam, nameList, splitNames } from '../../core/listing.js'
import { PageQuery } from '../../core/pagination.js'
import { FullTextQuery, sortParam } from '../../core/listing.js'
import { sendJson } from '../../http/reply.js'
import { list, NoQuery, one, problemResponses } from '../../core/contract.js'
import { send } from '../../http/reply.js'
import { withRepresentation } from '../../core/transactions.js'
import { Problem } from '../../core/problem.js'
import { findArticleRow } from '../articles/queries.js'
import { resolveView } from '../../core/visibility.js'
import { resolveAuthorId } from '../authors/queries.js'
import { resolveSourceId } from '../sources/queries.js'
import { QUOTE_INCLUDES, QUOTE_SORTS, findQuote, listQuotesJson } from './queries.js'
import { Quote } from './schemas.js'
import { quoteWriteRoutes } from './write-routes.js'

const NOTHING = 'quo_none' // an id no quote has: a filter naming nothing matches nothing

export const quoteRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  await app.register(quoteWriteRoutes, { db })

  app.get(
    '/quotes',
    {
      schema: {
        tags: ['quotes'],
        operationId: 'listQuotes',
        summary: 'List quotes in published stories, filtered, newest first by default',
        querystring: z.strictObject({
          ...PageQuery,
          sort: sortParam(QUOTE_SORTS, '-createdAt'),
          include: nameList('include', QUOTE_INCLUDES).optional(),
          fields: nameList('field', Object.keys(Quote.shape)).optional(),
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
      const { article, source, saidTo, kind, anonymous, q, ...opts } = req.query
      const filters = {
        articleId: article === undefined ? undefined : (findArticleRow(db, resolveView(db, req.view), article)?.id ?? NOTHING),
        sourceId: source === undefined ? undefined : (resolveSourceId(db, source) ?? NOTHING),
        saidToId: saidTo === undefined ? undefined : (resolveAuthorId(db, saidTo) ?? NOTHING),
        kind,
        q,
        anonymous: anonymous === undefined ? undefined : anonymous === 'true',
      }
      return sendJson(reply, listQuotesJson(db, req.view, filters, { ...opts, include: splitNames(opts.include), fields: splitNames(opts.fields) }))
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
