import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { IdempotencyHeaders, IfMatchHeaders, NoQuery, one, problemResponses } from '../../core/contract.js'
import { idempotentWrite, inTransaction, noContent, withRepresentation } from '../../core/transactions.js'
import { idempotencyOf } from '../../http/idempotency.js'
import { send } from '../../http/reply.js'
import { MAX_QUOTES, Quote } from '../quotes/schemas.js'
import { createQuote, deleteQuote, NewQuote, QuotePatch, quoteRepresentation, updateQuote } from './quote-commands.js'
import { actorOf } from './write-routes.js'

const Params = z.object({ id: z.string().min(1).max(200) })

/** Writes of quotes: each one is a revision of its story (see quote-commands.ts). */
export const quoteWriteRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/quotes',
    {
      config: { scope: 'write' },
      bodyLimit: 64 * 1024,
      schema: {
        tags: ['quotes'],
        operationId: 'createQuote',
        summary: 'Attribute words of a story to a source (scope write)',
        description: `The text must stand verbatim in the story body: 422 when it does not, or when it occurs more than once and no location says which. A story holds at most ${MAX_QUOTES.toLocaleString('en')} quotes (409 past that).`,
        headers: IdempotencyHeaders,
        querystring: NoQuery,
        body: NewQuote,
        response: { 201: one(Quote, 'The new quote'), ...problemResponses(400, 401, 403, 409, 413, 415, 422, 429, 503) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req)
      const result = idempotentWrite(db, idempotencyOf(req), new Date(actor.now), () => {
        const id = createQuote(db, req.body, actor)
        return withRepresentation(201, quoteRepresentation(db, id, actor.now), { location: `/v1/quotes/${id}` })
      })
      return send(reply, result)
    },
  )

  app.patch(
    '/quotes/:id',
    {
      config: { scope: 'write' },
      bodyLimit: 64 * 1024,
      schema: {
        tags: ['quotes'],
        operationId: 'updateQuote',
        summary: 'Change a quote; new text is found in the story again (scope write, If-Match required)',
        params: Params,
        headers: IfMatchHeaders,
        querystring: NoQuery,
        body: QuotePatch,
        response: { 200: one(Quote, 'The quote as changed'), ...problemResponses(400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 429, 503) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req)
      const result = inTransaction(db, req.view.now, () => {
        updateQuote(db, req.params.id, req.body, req.headers['if-match'], actor)
        return withRepresentation(200, quoteRepresentation(db, req.params.id, actor.now))
      })
      return send(reply, result)
    },
  )

  app.delete(
    '/quotes/:id',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['quotes'],
        operationId: 'deleteQuote',
        summary: 'Delete a quote; the story keeps its text (scope write, If-Match required)',
        params: Params,
        headers: IfMatchHeaders,
        querystring: NoQuery,
        response: { 204: z.null().meta({ description: 'Deleted' }), ...problemResponses(400, 401, 403, 404, 409, 412, 428, 429, 503) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req)
      const result = inTransaction(db, req.view.now, () => {
        deleteQuote(db, req.params.id, req.headers['if-match'], actor)
        return noContent
      })
      return send(reply, result)
    },
  )
}
