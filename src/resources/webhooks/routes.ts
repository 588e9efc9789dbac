import { idempotencyOf } from '../../http/idempotency.js'
import fp from 'fastify-plugin'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { PageQuery } from '../../core/pagination.js'
import { IdempotencyHeaders, list, NoQuery, one, problemResponses } from '../../core/contract.js'
import { idempotentWrite, inTransaction, withRepresentation } from '../../core/transactions.js'
import { send } from '../../http/reply.js'
import { unprocessable } from '../../core/problem.js'
import { createWebhook, deleteWebhook, getWebhook, listDeliveries, listWebhooks } from './queries.js'
import { CreatedWebhook, NewWebhook, Webhook, WebhookDelivery } from './schemas.js'
import { registrationProblem } from './ssrf.js'

const Params = z.object({ id: z.string().min(1).max(200).meta({ examples: ['whk_01jd6m7x4q9s2t8v3w5y7z1a2b'] }) })

// A URL, a list of event names and a secret: a bigger body is a mistake or an attack.
const BODY_LIMIT = 16 * 1024

export type WebhookRouteOptions = {
  db: Db
  /** Accept URLs naming loopback and private addresses (ALLOW_PRIVATE_WEBHOOKS), never link-local or metadata ones. */
  allowPrivateWebhooks?: boolean
}

// Partner endpoints and secrets are no one's to cache: not a CDN's, not a browser's. Not
// encapsulated, so the hook holds for every route of the plugin that registers it.
const noStore = fp(async (app) => {
  app.addHook('onRequest', (_req, reply, done) => {
    reply.header('cache-control', 'no-store')
    done()
  })
})

/** A URL the delivery guard would refuse is a 422 at registration, not a failed delivery later. */
function assertDeliverable(url: string, allowPrivateWebhooks: boolean) {
  const problem = registrationProblem(new URL(url), allowPrivateWebhooks)
  if (!problem) return
  const rule = allowPrivateWebhooks ? 'webhooks never reach link-local or cloud metadata addresses' : 'webhooks must reach a public address'
  throw unprocessable('/url', `${problem}; ${rule}`)
}

/** Webhook endpoints (admin keys) and their delivery logs. */
export const webhookRoutes: FastifyPluginAsyncZod<WebhookRouteOptions> = async (app, { db, allowPrivateWebhooks = false }) => {
  await app.register(noStore)

  app.post(
    '/webhooks',
    {
      config: { scope: 'admin' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['webhooks'],
        operationId: 'createWebhook',
        summary: 'Register an endpoint for events; answers 201 with its signing secret, shown this once',
        description:
          'Each matching event is POSTed to the URL as `{"type","timestamp","data"}`, signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature), and retried with backoff until a 2xx answers; redirects are not followed. The URL must not point at a loopback, private or link-local address, checked again on every connection. The secret is in the first answer only: a replay under the same Idempotency-Key answers `secret: null`.',
        headers: IdempotencyHeaders,
        querystring: NoQuery,
        body: NewWebhook,
        response: {
          201: one(CreatedWebhook, 'The endpoint as registered, with its secret'),
          ...problemResponses(400, 401, 403, 413, 415, 422, 429, 503),
        },
      },
    },
    async (req, reply) => {
      assertDeliverable(req.body.url, allowPrivateWebhooks)
      const now = new Date(req.view.now)
      const keyId = req.apiKey?.id ?? null
      const result = idempotentWrite(db, idempotencyOf(req), now, () => createWebhook(db, req.body, now, keyId, (id) => `${app.prefix}/webhooks/${id}`))
      return send(reply, result)
    },
  )

  app.get(
    '/webhooks',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['webhooks'],
        operationId: 'listWebhooks',
        summary: 'List registered endpoints, oldest first (never their secrets)',
        querystring: z.strictObject(PageQuery),
        response: { 200: list(Webhook, 'A page of webhooks'), ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (req) => listWebhooks(db, req.query),
  )

  app.get(
    '/webhooks/:id',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['webhooks'],
        operationId: 'getWebhook',
        summary: 'Get one endpoint (never its secret)',
        params: Params,
        querystring: NoQuery,
        response: { 200: one(Webhook, 'The webhook'), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (req, reply) => send(reply, withRepresentation(200, JSON.stringify({ data: getWebhook(db, req.params.id) }))),
  )

  app.delete(
    '/webhooks/:id',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['webhooks'],
        operationId: 'deleteWebhook',
        summary: 'Delete an endpoint; deliveries stop, and those still queued are cancelled',
        params: Params,
        querystring: NoQuery,
        response: {
          204: z.null().meta({ description: 'Deleted' }),
          ...problemResponses(400, 401, 403, 404, 429, 503),
        },
      },
    },
    async (req, reply) => {
      const now = new Date(req.view.now)
      return send(reply, inTransaction(db, now.toISOString(), () => deleteWebhook(db, req.params.id, now)))
    },
  )

  app.get(
    '/webhooks/:id/deliveries',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['webhooks'],
        operationId: 'listWebhookDeliveries',
        summary: "An endpoint's deliveries, newest first: status, attempts and the last error",
        params: Params,
        querystring: z.strictObject(PageQuery),
        response: { 200: list(WebhookDelivery, 'A page of deliveries'), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (req) => listDeliveries(db, req.params.id, req.query),
  )
}
