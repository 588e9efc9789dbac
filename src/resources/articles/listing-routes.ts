import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../db/client.js'
import { list, problemResponses } from '../../core/contract.js'
import type { View } from '../../core/visibility.js'
import { sendJson } from '../../http/reply.js'
import { findAuthor } from '../authors/queries.js'
import { findTag } from '../tags/queries.js'
import { readable } from '../taxonomy/queries.js'
import { Params } from '../taxonomy/schemas.js'
import { ArticleListQuery, articleListArgs } from './list-query.js'
import { listArticlesJson } from './queries.js'
import { ArticleSummary } from './schemas.js'

// The articles of an author or a tag live here, with the resource they return, so that
// authors and tags never need to know about articles.

type Owner = {
  one: 'author' | 'tag'
  many: string
  operationId: string
  summary: string
  read: (db: Db, view: View, idOrSlug: string) => { id: string } | undefined
}

const articlesOf = (owner: Owner): FastifyPluginAsyncZod<{ db: Db }> =>
  async (app, { db }) => {
    app.get(
      `/${owner.many}/:idOrSlug/articles`,
      {
        schema: {
          tags: [owner.many],
          operationId: owner.operationId,
          summary: owner.summary,
          params: Params,
          querystring: ArticleListQuery,
          response: { 200: list(ArticleSummary, 'A page of article summaries'), ...problemResponses(400, 401, 403, 404, 429) },
        },
      },
      async (req, reply) => {
        const { id } = readable(owner.read(db, req.view, req.params.idOrSlug), owner.one, req.params.idOrSlug)
        return sendJson(reply, listArticlesJson(db, req.view, ...articleListArgs(req.query, { [owner.one]: id })))
      },
    )
  }

export const authorArticleRoutes = articlesOf({
  one: 'author',
  many: 'authors',
  operationId: 'listAuthorArticles',
  summary: 'List the published articles an author is credited on, with the filters of /v1/articles',
  read: findAuthor,
})

export const tagArticleRoutes = articlesOf({
  one: 'tag',
  many: 'tags',
  operationId: 'listTagArticles',
  summary: 'List the published articles with a tag, with the filters of /v1/articles',
  read: findTag,
})
