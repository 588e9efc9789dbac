import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { cached } from '../../db/cache.js'
import type { Db } from '../../db/client.js'
import { IdOrSlug, NoQuery, problemResponses } from '../../core/contract.js'
import { requestOrigin } from '../../http/origin.js'
import { notFound } from '../../core/problem.js'
import { publicView, resolveView } from '../../core/visibility.js'
import { findAuthor } from '../authors/queries.js'
import { publicTag } from '../tags/queries.js'
import { FEED_FORMATS, writers, type FeedFormat } from './formats.js'
import { feedModel, SITE_NAME, type FeedModel } from './model.js'
import { FEED_SIZE, feedStories, type FeedScope } from './queries.js'
import { JsonFeed } from './schemas.js'

const Params = z.object({ idOrSlug: IdOrSlug })

/** What one feed is about, and how it names itself. */
type Scope = {
  /** Which stories, for the cache key (which also holds the URL asked for, since the feed names itself by it). */
  key: string
  filter: FeedScope
  /** The API list of the same stories, relative to the origin. */
  listPath: string
  about: Pick<FeedModel, 'title' | 'description' | 'author'>
}

const pathOf = (req: FastifyRequest) => req.url.split('?', 1)[0]!

const FORMATS = Object.keys(FEED_FORMATS) as FeedFormat[]

const capitalized = (s: string) => s[0]!.toUpperCase() + s.slice(1)

/** The 200 of a feed route, documented under the format's own media type. */
function feedResponse(format: FeedFormat, what: string) {
  const { mediaType, name } = FEED_FORMATS[format]
  const schema =
    format === 'json'
      ? JsonFeed
      : z.string().meta({ description: `An ${name} XML document, newest stories first.` })
  return { description: `${name}: ${what}`, content: { [mediaType]: { schema } } }
}

/**
 * Sends one feed. Feeds are public whoever asks: a write key previews drafts and
 * embargoed stories elsewhere, but a feed is fetched, cached and re-shared by readers, so
 * it is always built for the public at the request's time. `prefix`: where the API lists
 * are mounted, for the feed's alternate link.
 */
function sendFeed(db: Db, prefix: string, req: FastifyRequest, reply: FastifyReply, format: FeedFormat, scope: Scope) {
  // Feeds are read by programs that follow their links, so every URL in them is absolute.
  const origin = requestOrigin(req, 'feeds need it for absolute URLs')
  const self = `${origin}${pathOf(req)}`
  const seen = resolveView(db, publicView(new Date(req.view.now)))
  const body = cached(db, seen, `feed:${format}:${scope.key}:${self}`, () => {
    const alternate = `${origin}${prefix}${scope.listPath}`
    const model = feedModel(feedStories(db, seen, scope.filter), { ...scope.about, id: alternate, alternate, self }, origin)
    return writers[format](model)
  })
  // A string is sent as it is: the response serializer does not run on it.
  return reply.type(`${FEED_FORMATS[format].mediaType}; charset=utf-8`).send(body)
}

const SITE_FEED: Scope = {
  key: 'all',
  filter: {},
  listPath: '/articles',
  about: {
    title: `${SITE_NAME} — latest stories`,
    description: `The newest published stories from ${SITE_NAME}.`,
    author: SITE_NAME,
  },
}

/** The feed of one author's or one tag's stories. */
function feedOf(kind: 'author' | 'tag', { id, name }: { id: string; name: string }): Scope {
  const about =
    kind === 'author'
      ? { title: `Stories by ${name}`, description: `The newest published stories credited to ${name}.`, author: name }
      : { title: `Stories tagged ${name}`, description: `The newest published stories tagged ${name}.`, author: SITE_NAME }
  const filter = kind === 'author' ? { authorId: id } : { tagId: id }
  return { key: `${kind}:${id}`, filter, listPath: `/${kind}s/${encodeURIComponent(id)}/articles`, about }
}

type App = Parameters<FastifyPluginAsyncZod>[0]

// A feed is public whoever asks, so the one it is about is looked up as the public sees it,
// even for a write key: a person or tag only drafts carry is not yet news.
const SCOPES = {
  author: { stories: 'an author is credited on', what: "the author's newest stories", find: findAuthor },
  tag: { stories: 'with a tag', what: 'the newest stories with the tag', find: publicTag },
} as const

/** The feed of one author's or one tag's stories, in one format. */
function scopedFeedRoute(app: App, db: Db, format: FeedFormat, kind: keyof typeof SCOPES) {
  const { extension, name } = FEED_FORMATS[format]
  const { stories, what, find } = SCOPES[kind]
  app.get(
    `/${kind}s/:idOrSlug/feed.${extension}`,
    {
      schema: {
        tags: ['feeds'],
        operationId: `${kind}Feed${capitalized(format)}`,
        summary: `The newest ${FEED_SIZE} published stories ${stories}, as ${name}`,
        params: Params,
        querystring: NoQuery,
        response: { 200: feedResponse(format, what), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (req, reply) => {
      const about = find(db, publicView(new Date(req.view.now)), req.params.idOrSlug)
      if (!about) throw notFound(kind, req.params.idOrSlug)
      return sendFeed(db, app.prefix, req, reply, format, feedOf(kind, about))
    },
  )
}

/** RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest stories: all, per author, per tag. */
export const feedRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  for (const format of FORMATS) {
    const { extension, name } = FEED_FORMATS[format]
    const suffix = capitalized(format)

    app.get(
      `/feeds/articles.${extension}`,
      {
        schema: {
          tags: ['feeds'],
          operationId: `articlesFeed${suffix}`,
          summary: `The newest ${FEED_SIZE} published stories as ${name}`,
          querystring: NoQuery,
          response: { 200: feedResponse(format, 'the newest stories'), ...problemResponses(400, 401, 403, 429) },
        },
      },
      async (req, reply) => sendFeed(db, app.prefix, req, reply, format, SITE_FEED),
    )

    scopedFeedRoute(app, db, format, 'author')
    scopedFeedRoute(app, db, format, 'tag')
  }
}
