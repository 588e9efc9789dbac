import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { QUOTE_KINDS } from '../../db/schema.js'
import { nameList, sortParam, splitNames } from '../../core/listing.js'
import { PageQuery } from '../../core/pagination.js'
import { sendAs, sendJson } from '../../http/reply.js'
import { IdOrSlug, list, NoQuery, one, problemResponses } from '../../core/contract.js'
import { notFound, Problem, ProblemDocument } from '../../core/problem.js'
import { correctionsOfArticle } from '../corrections/queries.js'
import { Correction } from '../corrections/schemas.js'
import { listCreditsJson } from '../authors/queries.js'
import { Credit } from '../authors/schemas.js'
import { quoteListOptions, quoteListQuery } from '../quotes/list-query.js'
import { listQuotesJson } from '../quotes/queries.js'
import { Quote } from '../quotes/schemas.js'
import { SOURCE_SORTS, listSourcesJson } from '../sources/queries.js'
import { Source } from '../sources/schemas.js'
import { requestOrigin } from '../../http/origin.js'
import { linksFor, NINJS_PROFILE_PATH } from './formats/links.js'
import { ARTICLE_FORMATS, chooseFormat, varyOnAccept } from './formats/negotiate.js'
import { ninjsProfileSchema } from './formats/ninjs-profile.js'
import { articleFormatted } from './formats/representations.js'
import {
  articleJson,
  lookupArticleRow,
  listArticlesJson,
} from './queries.js'
import { articleListArgs, ArticleListQuery } from './list-query.js'
import { Article, ArticleSummary } from './schemas.js'
import { articleWriteRoutes } from './write-routes.js'
import { resolveView, type View } from '../../core/visibility.js'
import type { Representation } from '../../db/cache.js'

const Params = z.object({ idOrSlug: IdOrSlug })

// 410, not 404: a partner that mirrored the story learns it was withdrawn and must go.
const gone = (idOrSlug: string) => new Problem(410, `The article "${idOrSlug}" was withdrawn.`)

const ArticleQuery = z.strictObject({
  format: z
    .string()
    .max(40)
    .optional()
    .meta({
      description: `The representation: ${Object.keys(ARTICLE_FORMATS).join(', ')}. Overrides Accept; any other value is a 406.`,
      examples: ['ninjs'],
    }),
})

const FormattedArticle = (description: string) => z.record(z.string(), z.unknown()).meta({ description })

/** The id of the story this audience has, or the 404 or 410 that answers instead. */
function articleIdOf(db: Db, view: View, idOrSlug: string): string {
  const row = lookupArticleRow(db, resolveView(db, view), idOrSlug)
  if (row === 'gone') throw gone(idOrSlug)
  if (!row) throw notFound('article', idOrSlug)
  return row.id
}

/** The bytes of a story's representation, or the 404 or 410 that answers instead. */
function found(representation: Representation, idOrSlug: string): string {
  if (representation === null) throw notFound('article', idOrSlug)
  if (representation === 'gone') throw gone(idOrSlug)
  return representation
}

export const articleRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  await app.register(articleWriteRoutes, { db })

  app.get(
    '/articles',
    {
      schema: {
        tags: ['articles'],
        operationId: 'listArticles',
        summary: 'List published articles, filtered, newest first by default',
        querystring: ArticleListQuery,
        response: { 200: list(ArticleSummary, 'A page of article summaries'), ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (req, reply) => sendJson(reply, listArticlesJson(db, req.view, ...articleListArgs(req.query))),
  )

  app.get(
    '/articles/:idOrSlug',
    {
      schema: {
        tags: ['articles'],
        operationId: 'getArticle',
        summary: 'Get one article with its body, authors, tags, and quotes with their sources',
        description: `JSON by default; IPTC ninjs 3.x (with \`Accept: ${ARTICLE_FORMATS.ninjs}\` or \`?format=ninjs\`) and schema.org JSON-LD (\`Accept: ${ARTICLE_FORMATS.jsonld}\` or \`?format=jsonld\`) for syndication. \`format\` wins over Accept. ninjs follows the Byline profile at ${NINJS_PROFILE_PATH}: quotes are associations with \`rel: "quote"\`, their offsets in \`altIds\`.`,
        params: Params,
        querystring: ArticleQuery,
        response: {
          200: {
            description: 'The article',
            content: {
              [ARTICLE_FORMATS.json]: { schema: one(Article, 'The article') },
              [ARTICLE_FORMATS.ninjs]: { schema: FormattedArticle('A ninjs 3.x news item (Byline profile)') },
              [ARTICLE_FORMATS.jsonld]: { schema: FormattedArticle('A schema.org NewsArticle') },
            },
          },
          406: {
            description: 'Not Acceptable: neither `format` nor Accept names a representation offered; the problem lists them',
            content: { 'application/problem+json': { schema: ProblemDocument } },
          },
          ...problemResponses(400, 401, 403, 404, 410, 429),
        },
      },
    },
    async (req, reply) => {
      // Caches must key the answer on Accept, whichever representation it is (errors too).
      varyOnAccept(reply)
      const format = chooseFormat(req.query.format, req.headers.accept)
      // Its ETag, like every read's, comes from the HTTP-cache hook.
      if (format === 'json') return sendJson(reply, found(articleJson(db, req.view, req.params.idOrSlug), req.params.idOrSlug))
      const origin = requestOrigin(req, 'ninjs and JSON-LD need it for absolute URIs')
      const body = found(articleFormatted(db, req.view, req.params.idOrSlug, format, origin), req.params.idOrSlug)
      // The HTTP-cache hook gives each representation the ETag of its own bytes.
      return sendAs(reply, ARTICLE_FORMATS[format], body)
    },
  )

  // The ninjs profile's JSON Schema, which ninjs documents name in `profile`. Not listed in
  // the OpenAPI contract: it is a schema document, not API data in a `{ data }` envelope.
  app.get(
    '/schemas/ninjs-byline.json',
    {
      config: { scope: 'public' },
      schema: {
        hide: true,
        querystring: NoQuery,
        response: {
          200: { description: 'A JSON Schema', content: { 'application/schema+json': { schema: z.record(z.string(), z.unknown()) } } },
          ...problemResponses(400, 401, 429),
        },
      },
    },
    async (req, reply) => {
      const origin = requestOrigin(req, 'the schema needs it for its $id')
      return sendAs(reply, 'application/schema+json', JSON.stringify(ninjsProfileSchema(linksFor(origin))))
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
        querystring: z.strictObject({ ...PageQuery, fields: nameList('field', Object.keys(Credit.shape)).optional() }),
        response: { 200: list(Credit, 'A page of credits'), ...problemResponses(400, 401, 403, 404, 410, 429) },
      },
    },
    async (req, reply) =>
      sendJson(reply, listCreditsJson(db, articleIdOf(db, req.view, req.params.idOrSlug), { ...req.query, fields: splitNames(req.query.fields) })),
  )

  app.get(
    '/articles/:idOrSlug/sources',
    {
      schema: {
        tags: ['articles'],
        operationId: 'listArticleSources',
        summary: 'List the sources an article attributes quotes to',
        params: Params,
        querystring: z.strictObject({
          ...PageQuery,
          sort: sortParam(SOURCE_SORTS, 'slug'),
          fields: nameList('field', Object.keys(Source.shape)).optional(),
        }),
        response: { 200: list(Source, 'A page of sources'), ...problemResponses(400, 401, 403, 404, 410, 429) },
      },
    },
    async (req, reply) =>
      sendJson(
        reply,
        listSourcesJson(db, req.view, { articleId: articleIdOf(db, req.view, req.params.idOrSlug) }, { ...req.query, fields: splitNames(req.query.fields) }),
      ),
  )

  app.get(
    '/articles/:idOrSlug/quotes',
    {
      schema: {
        tags: ['articles'],
        operationId: 'listArticleQuotes',
        summary: "List an article's quotes, in reading order by default",
        params: Params,
        querystring: quoteListQuery('position', { kind: z.enum(QUOTE_KINDS).optional() }),
        response: { 200: list(Quote, 'A page of quotes'), ...problemResponses(400, 401, 403, 404, 410, 429) },
      },
    },
    async (req, reply) => {
      const articleId = articleIdOf(db, req.view, req.params.idOrSlug)
      return sendJson(reply, listQuotesJson(db, req.view, { articleId, kind: req.query.kind }, quoteListOptions(req.query)))
    },
  )

  app.get(
    '/articles/:idOrSlug/corrections',
    {
      schema: {
        tags: ['articles'],
        operationId: 'listArticleCorrections',
        summary: "A story's published corrections, newest first",
        params: Params,
        querystring: NoQuery,
        response: {
          200: z.object({ data: z.array(Correction) }).meta({ description: 'The corrections' }),
          ...problemResponses(400, 401, 403, 404, 410, 429),
        },
      },
    },
    async (req) => ({ data: correctionsOfArticle(db, articleIdOf(db, req.view, req.params.idOrSlug)) }),
  )
}
