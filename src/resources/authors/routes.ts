import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { AUTHOR_ROLES } from '../../db/schema.js'
import { nameList, splitNames } from '../../lib/listing.js'
import { PageQuery } from '../../lib/pagination.js'
import { NameQuery, sendJson, sortParam } from '../../lib/params.js'
import { IdOrSlug, list, NoQuery, one, problemResponses } from '../../lib/schemas.js'
import { notFound } from '../../problems.js'
import { listArticlesJson } from '../articles/queries.js'
import { ArticleListQuery, articleListArgs } from '../articles/routes.js'
import { ArticleSummary } from '../articles/schemas.js'
import { AUTHOR_SORTS, findAuthor, listAuthorsJson } from './queries.js'
import { Author } from './schemas.js'

const Params = z.object({ idOrSlug: IdOrSlug })

export const authorRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/authors',
    {
      schema: {
        tags: ['authors'],
        operationId: 'listAuthors',
        summary: 'List authors, by name by default',
        querystring: z.strictObject({
          ...PageQuery,
          sort: sortParam(AUTHOR_SORTS, 'name'),
          include: nameList('include', []).optional(),
          fields: nameList('field', Object.keys(Author.shape)).optional(),
          organization: z.string().min(1).max(200).optional().meta({ description: 'Exact organization, e.g. CBS News.' }),
          role: z.enum(AUTHOR_ROLES).optional().meta({ description: 'Credited in this role on a published story.' }),
          q: NameQuery.optional(),
        }),
        response: { 200: list(Author, 'A page of authors'), ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (req, reply) => {
      const { organization, role, q, ...opts } = req.query
      return sendJson(reply, listAuthorsJson(db, req.view, { organization, role, q }, { ...opts, fields: splitNames(opts.fields) }))
    },
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
        response: { 200: one(Author, 'The author'), ...problemResponses(400, 401, 403, 404, 429) },
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
        summary: 'List the published articles an author is credited on, with the filters of /v1/articles',
        params: Params,
        querystring: ArticleListQuery,
        response: { 200: list(ArticleSummary, 'A page of article summaries'), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (req, reply) => {
      const author = findAuthor(db, req.params.idOrSlug)
      if (!author) throw notFound('author', req.params.idOrSlug)
      return sendJson(reply, listArticlesJson(db, req.view, ...articleListArgs(req.query, { author: author.id })))
    },
  )
}
