import rateLimit, { normalizeIP } from '@fastify/rate-limit'
import { clusterRateStore } from './rate-store.js'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { UsageRecorder, verifyKey, type KeyInfo } from '../core/keys.js'
import type { Db } from '../db/client.js'
import type { KeyScope } from '../db/schema.js'
import { Problem } from '../core/problem.js'
import type { View } from '../core/visibility.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What a caller needs: `public` (anyone, always, never rate-limited), or a key scope. */
    scope?: 'public' | KeyScope
  }
  interface FastifyRequest {
    apiKey: KeyInfo | null
    authProblem: Problem | null
    /** What this caller may see: write keys preview drafts and embargoed stories. */
    view: View
  }
}

export type AuthOptions = {
  db: Db
  readRequiresKey: boolean
  /** Requests per window per key (or per IP without one); 0 turns limiting off. */
  rateLimitMax: number
  rateLimitWindowSeconds: number
  /** The time embargoes are judged by; tests move it. */
  clock: () => Date
}

const challenge = (error?: string) => ({
  'www-authenticate': `Bearer realm="byline"${error ? `, error="${error}"` : ''}`,
})

/** Reads are open unless the deployment says otherwise; anything else is admin unless a route says. */
function requiredScope(req: FastifyRequest): 'public' | KeyScope {
  // No route matched: the 404/405 answer reveals no more than reads do.
  if (req.is404) return 'read'
  const declared = req.routeOptions.config?.scope
  if (declared) return declared
  // Swagger UI's own routes cannot carry our config.
  if (req.routeOptions.url?.startsWith('/docs')) return 'public'
  return req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' ? 'read' : 'admin'
}

async function apiKeys(app: FastifyInstance, opts: AuthOptions) {
  const usage = new UsageRecorder(opts.db)
  const timer = setInterval(() => usage.flush(), 60_000)
  timer.unref()
  app.addHook('onClose', async () => {
    clearInterval(timer)
    usage.flush()
  })

  app.decorateRequest('apiKey', null)
  app.decorateRequest('authProblem', null)
  app.decorateRequest('view', null as unknown as View)

  // Who is calling is settled first, so the rate limit can count per key; whether they may
  // is settled after it, so failed attempts are limited too.
  app.addHook('onRequest', async (req) => {
    req.view = { now: opts.clock().toISOString(), preview: false }
    const header = req.headers.authorization
    if (header === undefined) return
    const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(header)
    const key = match ? verifyKey(opts.db, match[1]!) : undefined
    if (key) {
      req.apiKey = key
      req.view.preview = key.scopes.includes('write') || key.scopes.includes('admin')
      usage.used(key.id)
      return
    }
    req.authProblem = new Problem(401, match ? 'The API key is not valid, or was revoked.' : 'Authorization must be "Bearer <API key>".', {
      headers: challenge(match ? 'invalid_token' : 'invalid_request'),
    })
  })

  if (opts.rateLimitMax > 0) {
    const sharedStore = clusterRateStore()
    await app.register(rateLimit, {
      max: opts.rateLimitMax,
      timeWindow: opts.rateLimitWindowSeconds * 1000,
      hook: 'onRequest',
      enableDraftSpec: true,
      // In a cluster the primary counts for all workers; alone, the plugin's store does.
      ...(sharedStore ? { store: sharedStore } : {}),
      // request.ip is the client behind any trusted proxy. An IPv6 subscriber is given a
      // whole /64, so it counts as one client, as the plugin's own default does.
      // Probes and the docs: a load balancer sharing an address with traffic must still see
      // a healthy node as healthy.
      allowList: (req) => requiredScope(req) === 'public',
      keyGenerator: (req) => (req.apiKey ? `key:${req.apiKey.id}` : `ip:${normalizeIP(req.ip)}`),
      errorResponseBuilder: (_req, context) =>
        new Problem(429, `More than ${context.max} requests in ${context.after}; retry after the time in Retry-After.`),
    })
  }

  // preParsing: after the rate limit (a route-level onRequest hook), before any body is read.
  app.addHook('preParsing', async (req) => {
    const scope = requiredScope(req)
    // Probes and the docs answer whatever Authorization a proxy or browser adds.
    if (scope === 'public') return
    if (req.authProblem) throw req.authProblem
    if (scope === 'read' && !opts.readRequiresKey) return
    const key = req.apiKey
    if (!key) throw new Problem(401, `This needs an API key with the "${scope}" scope.`, { headers: challenge() })
    if (!key.scopes.includes(scope) && !key.scopes.includes('admin')) {
      throw new Problem(403, `The API key "${key.name}" does not have the "${scope}" scope.`)
    }
  })
}

export const apiKeysPlugin = fp(apiKeys, { name: 'byline-api-keys', fastify: '5.x' })
