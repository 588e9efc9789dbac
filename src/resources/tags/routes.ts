import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { TAG_TYPES } from '../../db/schema.js'
import { nameList, splitNames } from '../../lib/listing.js'
import { PageQuery } from '../../lib/pagination.js'
import { NameQuery, sendJson, sortParam } from '../../lib/params.js'
import { IdOrSlug, list, NoQuery, one, problemResponses } from '../../lib/schemas.js'
import { notFound } from '../../problems.js'
import { listArticlesJson } from '../articles/queries.js'
import { ArticleListQuery, articleListArgs } from '../articles/routes.js'
import { ArticleSummary } from '../articles/schemas.js'
import { TAG_SORTS, findVisibleTag, listTagsJson } from './queries.js'
import { Tag } from './schemas.js'

const Params = z.object({ idOrSlug: IdOrSlug })

export const tagRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/tags',
    {
      schema: {
        tags: ['tags'],
        operationId: 'listTags',
        summary: 'List the tags of published stories, by name by default',
        querystring: z.strictObject({
          ...PageQuery,
          sort: sortParam(TAG_SORTS, 'name'),
          include: nameList('include', []).optional(),
          fields: nameList('field', Object.keys(Tag.shape)).optional(),
          type: z.enum(TAG_TYPES).optional(),
          q: NameQuery.optional(),
        }),
        response: { 200: list(Tag, 'A page of tags'), ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (req, reply) => {
      const { type, q, ...opts } = req.query
      return sendJson(reply, listTagsJson(db, req.view, { type, q }, { ...opts, fields: splitNames(opts.fields) }))
    },
  )

  app.get(
    '/tags/:idOrSlug',
    {
      schema: {
        tags: ['tags'],
        operationId: 'getTag',
        summary: 'Get one tag',
        params: Params,
        querystring: NoQuery,
        response: { 200: one(Tag, 'The tag'), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (req) => {
      const tag = findVisibleTag(db, req.view, req.params.idOrSlug)
      if (!tag) throw notFound('tag', req.params.idOrSlug)
      return { data: tag }
    },
  )

  app.get(
    '/tags/:idOrSlug/articles',
    {
      schema: {
        tags: ['tags'],
        operationId: 'listTagArticles',
        summary: 'List the published articles with a tag, with the filters of /v1/articles',
        params: Params,
        querystring: ArticleListQuery,
        response: { 200: list(ArticleSummary, 'A page of article summaries'), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (req, reply) => {
      const tag = findVisibleTag(db, req.view, req.params.idOrSlug)
      if (!tag) throw notFound('tag', req.params.idOrSlug)
      return sendJson(reply, listArticlesJson(db, req.view, ...articleListArgs(req.query, { tag: tag.id })))
    },
  )
}
