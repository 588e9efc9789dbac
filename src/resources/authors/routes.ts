import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { PageQuery } from '../../lib/pagination.js'
import { IdOrSlug, list, NoQuery, one, problemResponses } from '../../lib/schemas.js'
import { notFound } from '../../problems.js'
import { listArticles } from '../articles/queries.js'
import { ArticleSummary } from '../articles/schemas.js'
import { findAuthor, listAuthors } from './queries.js'
import { Author } from './schemas.js'

const Params = z.object({ idOrSlug: IdOrSlug })
const Query = z.strictObject(PageQuery)

export const authorRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/authors',
    {
      schema: {
        tags: ['authors'],
        operationId: 'listAuthors',
        summary: 'List authors by name',
        querystring: Query,
        response: { 200: list(Author, 'A page of authors'), ...problemResponses(400) },
      },
    },
    async (req) => listAuthors(db, req.query),
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
        response: { 200: one(Author, 'The author'), ...problemResponses(400, 404) },
      },
    },
    async (req) => {
      const author = findAuthor(db, req.params.idOrSlug)
      if (!author) throw notFound('author', req.params.idOrSlug)
      return { data: author }
    },
  )

  app.get(
    '/authors/:idOrSlug/articles',
    {
      schema: {
        tags: ['authors'],
        operationId: 'listAuthorArticles',
        summary: 'List the published articles an author is credited on, newest first',
        params: Params,
        querystring: Query,
        response: { 200: list(ArticleSummary, 'A page of article summaries'), ...problemResponses(400, 404) },
      },
    },
    async (req) => {
      const author = findAuthor(db, req.params.idOrSlug)
      if (!author) throw notFound('author', req.params.idOrSlug)
      return listArticles(db, { ...req.query, authorId: author.id })
    },
  )
}
