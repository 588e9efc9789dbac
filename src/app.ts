import Fastify, { type FastifyServerOptions } from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Shedding, Timeouts } from './config.js'
import type { Db } from './db/client.js'
import { apiKeysPlugin } from './http/api-keys.js'
import { bodyParsingPlugin } from './http/body-parsing.js'
import { connectionsPlugin } from './http/connections.js'
import { corsPlugin } from './http/cors.js'
import { httpCachePlugin } from './http/http-cache.js'
import { loadSheddingPlugin } from './http/load-shedding.js'
import { readQueuePlugin } from './http/read-queue.js'
import { installNotFound, problemHandler } from './http/problems.js'
import { routeInventoryPlugin } from './http/route-inventory.js'
import { securityHeadersPlugin } from './http/security-headers.js'
import { serverOptions } from './http/server-options.js'
import { registerOpenApi } from './http/swagger.js'
// Import order is the order of the OpenAPI document's components: keep it stable.
import { elementRoutes } from './resources/elements/routes.js'
import { healthRoutes } from './resources/health/routes.js'
import { articleRoutes } from './resources/articles/routes.js'
import { correctionRoutes } from './resources/corrections/routes.js'
import { feedRoutes } from './resources/feeds/routes.js'
import { webhookRoutes } from './resources/webhooks/routes.js'
import { changeRoutes } from './resources/changes/routes.js'
import { ChangeWatcher } from './resources/changes/watcher.js'
import { authorRoutes } from './resources/authors/routes.js'
import { authorArticleRoutes, tagArticleRoutes } from './resources/articles/listing-routes.js'
import { quoteWriteRoutes } from './resources/articles/quote-routes.js'
import { quoteRoutes } from './resources/quotes/routes.js'
import { searchRoutes } from './resources/search/routes.js'
import { sourceRoutes } from './resources/sources/routes.js'
import { sourceQuoteRoutes } from './resources/quotes/source-routes.js'
import { tagRoutes } from './resources/tags/routes.js'

export type AppOptions = {
  db: Db
  logger?: FastifyServerOptions['logger']
  corsOrigins?: '*' | string[]
  readRequiresKey?: boolean
  /** Requests per window per API key, or per IP without one; 0 (the default here) is off. */
  rateLimitMax?: number
  rateLimitWindowSeconds?: number
  /** The time embargoes are judged by (and writes are stamped with); tests move it. */
  clock?: () => Date
  /** Cache-Control of public reads. */
  publicCacheControl?: string
  /** Webhook endpoints may be loopback or private addresses (tests, private networks). */
  allowPrivateWebhooks?: boolean
  /**
   * The origin absolute links (feeds, ninjs, JSON-LD) are made from. Without it they follow
   * the request's Host, which any client can set (and which then splits the cache).
   */
  publicOrigin?: string | null
  timeouts?: Timeouts
  /** Load shedding thresholds; off unless given (the server passes its configuration). */
  shedding?: Shedding
  /** Requests that may wait on the changes feed at once (`wait`); past it they get a 503. */
  maxLongPolls?: number
  /**
   * Addresses and CIDR ranges of the proxies in front. Their X-Forwarded-For names the
   * client (the right-most address not in this list), and their X-Forwarded-Proto and
   * X-Forwarded-Host the origin links are made from when publicOrigin is unset.
   */
  trustProxy?: string[] | null
}

declare module 'fastify' {
  interface FastifyInstance {
    publicOrigin: string | null
    /** What long polls on the changes feed wait on: how many wait, how often it reads. */
    changeWatcher: ChangeWatcher
  }
}

/** Builds the whole API without listening, so tests can inject requests into it. */
export async function buildApp({
  db,
  logger = false,
  corsOrigins = '*',
  readRequiresKey = false,
  rateLimitMax = 0,
  rateLimitWindowSeconds = 60,
  clock = () => new Date(),
  publicCacheControl = 'public, max-age=60, stale-while-revalidate=300',
  allowPrivateWebhooks = false,
  publicOrigin = null,
  timeouts = { requestMs: 30_000, headersMs: 10_000, keepAliveMs: 5_000, connectionMs: 65_000 },
  shedding,
  maxLongPolls = 1000,
  trustProxy = null,
}: AppOptions) {
  const app = Fastify(serverOptions({ logger, trustProxy, timeouts })).withTypeProvider<ZodTypeProvider>()
  app.decorate('publicOrigin', publicOrigin)
  const changeWatcher = new ChangeWatcher({
    db,
    clock,
    maxWaiters: maxLongPolls,
    onError: (err) => app.log.error({ err }, 'the changes feed could not be read for long polls'),
  })
  app.decorate('changeWatcher', changeWatcher)
  await app.register(routeInventoryPlugin)
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(problemHandler)
  await app.register(bodyParsingPlugin)
  const setNotFound = installNotFound(app)
  await app.register(connectionsPlugin, { keepAliveMs: timeouts.keepAliveMs })
  await app.register(securityHeadersPlugin)
  await app.register(httpCachePlugin, { publicCacheControl })
  await app.register(corsPlugin, { origins: corsOrigins })
  if (shedding) await app.register(loadSheddingPlugin, shedding)
  await app.register(apiKeysPlugin, { db, readRequiresKey, rateLimitMax, rateLimitWindowSeconds, clock })
  // After the key is known: the newsroom's reads (an editor reading the ETag to send) are not queued.
  await app.register(readQueuePlugin, { maxWaitMs: shedding?.maxEventLoopDelayMs ?? 0 })
  setNotFound(rateLimitMax > 0 ? app.rateLimit() : undefined)
  await registerOpenApi(app)

  await app.register(healthRoutes, { db })
  await app.register(elementRoutes)
  // Path and method order in the OpenAPI document is registration order: a listing follows
  // the plugin it used to live in, and quote writes come before quote reads.
  for (const routes of [
    articleRoutes,
    authorRoutes,
    authorArticleRoutes,
    sourceRoutes,
    sourceQuoteRoutes,
    quoteWriteRoutes,
    quoteRoutes,
    tagRoutes,
    tagArticleRoutes,
    searchRoutes,
    correctionRoutes,
    feedRoutes,
  ]) {
    await app.register(routes, { prefix: '/v1', db })
  }
  await app.register(changeRoutes, { prefix: '/v1', db, watcher: changeWatcher })
  await app.register(webhookRoutes, { prefix: '/v1', db, allowPrivateWebhooks })
  return app
}

export type App = Awaited<ReturnType<typeof buildApp>>
