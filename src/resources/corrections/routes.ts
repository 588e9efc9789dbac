import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { PageQuery } from '../../core/pagination.js'
import { sendJson } from '../../http/reply.js'
import { list, problemResponses } from '../../core/contract.js'
import { listCorrectionsJson } from './queries.js'
import { Correction } from './schemas.js'

export const correctionRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/corrections',
    {
      schema: {
        tags: ['corrections'],
        operationId: 'listCorrections',
        summary: 'List published corrections across all stories, newest first',
        querystring: z.strictObject(PageQuery),
        response: { 200: list(Correction, 'A page of corrections'), ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (req, reply) => sendJson(reply, listCorrectionsJson(db, req.view, req.query)),
  )
}
