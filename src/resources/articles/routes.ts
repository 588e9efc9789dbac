import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { PageQuery } from '../../lib/pagination.js'
import { IdOrSlug, list, NoQuery, one, problemResponses } from '../../lib/schemas.js'
import { notFound } from '../../problems.js'
import { listCredits } from '../authors/queries.js'
import { Credit } from '../authors/schemas.js'
import { listQuotes } from '../quotes/queries.js'
import { Quote } from '../quotes/schemas.js'
import { listSources } from '../sources/queries.js'
import { Source } from '../sources/schemas.js'
import { findArticle, findArticleRow, listArticles } from './queries.js'
import { Article, ArticleSummary } from './schemas.js'

const Params = z.object({ idOrSlug: IdOrSlug })
const Query = z.strictObject(PageQuery)

export const articleRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const articleIdOf = (idOrSlug: string) => {
    const row = findArticleRow(db, idOrSlug)
    if (!row) throw notFound('article', idOrSlug)
    return row.id
  }

  app.get(
    '/articles',
    {
      schema: {
        tags: ['articles'],
        operationId: 'listArticles',
        summary: 'List published articles, newest first',
        querystring: Query,
        response: { 200: list(ArticleSummary, 'A page of article summaries'), ...problemResponses(400) },
      },
    },
    async (req) => listArticles(db, req.query),
  )

  app.get(
    '/articles/:idOrSlug',
    {
      schema: {
        tags: ['articles'],
        operationId: 'getArticle',
        summary: 'Get one article with its body, authors, and quotes with their sources',
        params: Params,
        querystring: NoQuery,
        response: { 200: one(Article, 'The article'), ...problemResponses(400, 404) },
      },
    },
    async (req) => {
      const article = findArticle(db, req.params.idOrSlug)
      if (!article) throw notFound('article', req.params.idOrSlug)
      return { data: article }
    },
  )

  app.get(
    '/articles/:idOrSlug/authors',
    {
      schema: {
        tags: ['articles'],
        operationId: 'listArticleAuthors',
        summary: "List an article's credited authors in credit order",
        params: Params,
        querystring: Query,
        response: { 200: list(Credit, 'A page of credits'), ...problemResponses(400, 404) },
      },
    },
    async (req) => listCredits(db, articleIdOf(req.params.idOrSlug), req.query),
  )

  app.get(
    '/articles/:idOrSlug/sources',
    {
      schema: {
        tags: ['articles'],
        operationId: 'listArticleSources',
        summary: 'List the sources an article attributes quotes to',
        params: Params,
        querystring: Query,
        response: { 200: list(Source, 'A page of sources'), ...problemResponses(400, 404) },
      },
    },
    async (req) => listSources(db, { ...req.query, articleId: articleIdOf(req.params.idOrSlug) }),
  )

  app.get(
    '/articles/:idOrSlug/quotes',
    {
      schema: {
        tags: ['articles'],
        operationId: 'listArticleQuotes',
        summary: "List an article's quotes in reading order",
        params: Params,
        querystring: Query,
        response: { 200: list(Quote, 'A page of quotes'), ...problemResponses(400, 404) },
      },
    },
    async (req) => listQuotes(db, { ...req.query, articleId: articleIdOf(req.params.idOrSlug) }),
  )
}
