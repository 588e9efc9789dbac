import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { PageQuery } from '../../lib/pagination.js'
import { IdOrSlug, list, NoQuery, one, problemResponses } from '../../lib/schemas.js'
import { notFound } from '../../problems.js'
import { listQuotes } from '../quotes/queries.js'
import { Quote } from '../quotes/schemas.js'
import { findSource, listSources } from './queries.js'
import { Source } from './schemas.js'

const Params = z.object({ idOrSlug: IdOrSlug })
const Query = z.strictObject(PageQuery)

export const sourceRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/sources',
    {
      schema: {
        tags: ['sources'],
        operationId: 'listSources',
        summary: 'List the sources published stories attribute quotes to, by slug',
        querystring: Query,
        response: { 200: list(Source, 'A page of sources'), ...problemResponses(400) },
      },
    },
    async (req) => listSources(db, req.query),
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
        response: { 200: one(Source, 'The source'), ...problemResponses(400, 404) },
      },
    },
    async (req) => {
      const source = findSource(db, req.params.idOrSlug)
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
        summary: "List a source's quotes in published stories, newest first",
        params: Params,
        querystring: Query,
        response: { 200: list(Quote, 'A page of quotes'), ...problemResponses(400, 404) },
      },
    },
    async (req) => {
      const source = findSource(db, req.params.idOrSlug)
      if (!source) throw notFound('source', req.params.idOrSlug)
      return listQuotes(db, { ...req.query, sourceId: source.id })
    },
  )
}
