import { randomUUID } from 'node:crypto'
import type { Server } from 'node:http'
import cors from '@fastify/cors'
import helmet from 'helmet'
import Fastify, { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Shedding, Timeouts } from './config.js'
import type { Db } from './db/client.js'
import { healthRoutes } from './health.js'
import { apiKeysPlugin } from './plugins/api-keys.js'
import { loadSheddingPlugin } from './plugins/load-shedding.js'
import { httpCachePlugin } from './plugins/http-cache.js'
import { registerOpenApi } from './plugins/swagger.js'
import { clientErrorHandler, installNotFound, Problem, problemHandler } from './problems.js'
import { articleRoutes } from './resources/articles/routes.js'
import { correctionRoutes } from './resources/corrections/routes.js'
import { feedRoutes } from './resources/feeds/routes.js'
import { webhookRoutes } from './webhooks/routes.js'
import { changeRoutes } from './changes/routes.js'
import { ChangeWatcher } from './changes/watcher.js'
import { authorRoutes } from './resources/authors/routes.js'
import { quoteRoutes } from './resources/quotes/routes.js'
import { searchRoutes } from './resources/search/routes.js'
import { sourceRoutes } from './resources/sources/routes.js'
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
    /** Every route as registered, for the inventory test and operators. */
    routeInventory: { method: string; url: string; scope: string | undefined; documented: boolean }[]
    /** What long polls on the changes feed wait on: how many wait, how often it reads. */
    changeWatcher: ChangeWatcher
  }
}

/**
 * One access-log line per request, written when it completes, instead of Fastify's two: at
 * tens of thousands of requests a second, logging is a measurable share of each one.
 */
class AccessLog extends LogController {
  override incomingRequest(request: FastifyRequest) {
    request.log.debug({ req: request }, 'incoming request')
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const line = {
      method: request.method,
      url: request.url,
      statusCode: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 100) / 100,
      // The client as the rate limit counts it: behind a trusted proxy, not the proxy.
      ip: request.ip,
    }
    if (error) reply.log.error({ ...line, err: error }, 'request errored')
    else reply.log.info(line, 'request completed')
  }
}

// A client's request id is kept only when it is short and plain, so logs cannot be flooded.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/

/** The JSON Pointer of the first string (or key) in `value` that is not well-formed UTF-16. */
function loneSurrogateAt(value: unknown, pointer: string): string | undefined {
  if (typeof value === 'string') return isWellFormed(value) ? undefined : pointer
  if (value === null || typeof value !== 'object') return undefined
  for (const [key, item] of Object.entries(value)) {
    const here = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`
    if (!isWellFormed(key)) return here
    const bad = loneSurrogateAt(item, here)
    if (bad !== undefined) return bad
  }
  return undefined
}
const isWellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed()

/**
 * Node's `server.close()` destroys idle keep-alive connections at once. A request a client
 * sent on one an instant before (still unread in the socket buffer) is then reset, and the
 * client cannot tell whether it ran. Instead, while closing, an idle connection ends at its
 * keep-alive timeout, which every response announced (`Keep-Alive: timeout=N`), so clients
 * stop using it first; a busy one ends after its answer, sent with `Connection: close`.
 * Connections still idle a second after that timeout never sent a request: they go then.
 */
function drainGracefully(server: Server, keepAliveMs: number) {
  const closeIdle = server.closeIdleConnections.bind(server)
  let closing = false
  server.closeIdleConnections = () => {
    if (closing) return
    closing = true
    setTimeout(closeIdle, keepAliveMs + 1000).unref()
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
  const app = Fastify({
    logger,
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID()
    },
    // A list, never `true`: only the named proxies' X-Forwarded-* headers are believed.
    trustProxy: trustProxy && trustProxy.length > 0 ? trustProxy : false,
    routerOptions: { maxParamLength: 200 },
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    connectionTimeout: timeouts.connectionMs,
    // Node checks the header and request deadlines every connectionsCheckingInterval (30 s
    // by default) and closes every expired socket in that one turn of the event loop: 500
    // at once stall other requests for ~50 ms. Four checks a second split such a wave and
    // keep a dripping client within its timeout plus a quarter second.
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: 250 },
    logController: new AccessLog(),
    // Malformed URLs fail before routing; they get the same problem documents as the rest.
    frameworkErrors: problemHandler,
    clientErrorHandler,
    // Fastify's own closing answer is plain JSON; ours (below) is a problem with Retry-After.
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>()

  app.decorate('publicOrigin', publicOrigin)
  app.decorate('routeInventory', [])
  const changeWatcher = new ChangeWatcher({
    db,
    clock,
    maxWaiters: maxLongPolls,
    onError: (err) => app.log.error({ err }, 'the changes feed could not be read for long polls'),
  })
  app.decorate('changeWatcher', changeWatcher)
  app.addHook('onRoute', (route) => {
    const hidden = (route.schema as { hide?: boolean } | undefined)?.hide === true
    for (const method of [route.method].flat()) {
      app.routeInventory.push({ method, url: route.url, scope: route.config?.scope, documented: !hidden && route.schema !== undefined })
    }
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(problemHandler)
  // Bodies are JSON; anything else is a 415, not a string handed to a JSON schema.
  app.removeContentTypeParser('text/plain')
  // JSON may escape half a UTF-16 pair ("\ud800"), which no UTF-8 column can store: SQLite
  // would keep U+FFFD instead, silently changing the text. Such a body is refused.
  // application/merge-patch+json (RFC 7396) is the media type of partial updates.
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser(['application/json', 'application/merge-patch+json'], { parseAs: 'string' }, (req, body, done) =>
    parseJson(req, body as string, (err, value) => {
      if (err) return done(err)
      const bad = loneSurrogateAt(value, '')
      if (bad === undefined) return done(null, value)
      done(new Problem(400, 'The body holds an unpaired UTF-16 surrogate escape, which is not text.', { errors: [{ in: 'body', pointer: bad || '/', detail: 'is not well-formed text (an unpaired surrogate)' }] }))
    }),
  )
  const setNotFound = installNotFound(app)
  // While shutting down, requests already running finish; new ones are told to come back.
  let closing = false
  drainGracefully(app.server, timeouts.keepAliveMs)
  app.addHook('preClose', async () => {
    closing = true
    // Connections the kernel has completed but Node not yet accepted would be reset when
    // the listener closes, requests and all. A moment's grace lets them in, to a 503.
    if (app.server.listening) await new Promise((resolve) => setTimeout(resolve, 100))
  })
  // A callback hook, not an async one: it runs on every request and must cost nothing.
  app.addHook('onRequest', (_req, reply, done) => {
    if (!closing) return done()
    reply.header('connection', 'close')
    done(new Problem(503, 'The server is shutting down; retry shortly.', { headers: { 'retry-after': '1' } }))
  })
  app.addHook('onSend', (req, reply, _payload, done) => {
    reply.header('x-request-id', req.id)
    // The last answer on its connection: the client opens a new one (elsewhere) for the next.
    // So is a refusal sent before the body arrived (401, 413…): the socket is freed now,
    // not when the rest of the body has been read and thrown away.
    if (closing || (reply.statusCode >= 400 && !req.raw.complete)) reply.header('connection', 'close')
    done()
  })

  // A JSON API's headers: nothing may frame, embed or script it. /docs sets its own policy.
  // They never vary by route, so helmet's middleware is built once: @fastify/helmet builds
  // it again for every request, which cost 7 % of a cached read's CPU.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"], frameAncestors: ["'none'"] },
    },
    // Partners' pages may load what the API serves (images, feeds) from other origins.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  })
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, () => done()))
  await app.register(httpCachePlugin, { publicCacheControl })
  await app.register(cors, {
    origin: corsOrigins === '*' ? '*' : corsOrigins,
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'x-request-id', 'if-match', 'idempotency-key'],
    exposedHeaders: [
      'x-request-id',
      'etag',
      'last-modified',
      'link',
      'location',
      'idempotent-replayed',
      'ratelimit-limit',
      'ratelimit-remaining',
      'ratelimit-reset',
      'retry-after',
    ],
    maxAge: 86400,
    // An OPTIONS request that is not a proper preflight gets a plain 204, not a text error.
    strictPreflight: false,
  })
  if (shedding) await app.register(loadSheddingPlugin, shedding)
  await app.register(apiKeysPlugin, { db, readRequiresKey, rateLimitMax, rateLimitWindowSeconds, clock })
  setNotFound(rateLimitMax > 0 ? app.rateLimit() : undefined)
  await registerOpenApi(app)

  await app.register(healthRoutes, { db })
  for (const routes of [articleRoutes, authorRoutes, sourceRoutes, quoteRoutes, tagRoutes, searchRoutes, correctionRoutes, feedRoutes]) {
    await app.register(routes, { prefix: '/v1', db })
  }
  await app.register(changeRoutes, { prefix: '/v1', db, watcher: changeWatcher })
  await app.register(webhookRoutes, { prefix: '/v1', db, allowPrivateWebhooks })
  return app
}

export type App = Awaited<ReturnType<typeof buildApp>>
