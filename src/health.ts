import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from './db/client.js'
import { migrationsApplied } from './db/migrate.js'
import { problemResponses } from './lib/schemas.js'
import { Problem } from './problems.js'

const Status = z.object({ status: z.string().meta({ examples: ['ok'] }) })

export const healthRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/health',
    {
      config: { scope: 'public' },
      schema: {
        tags: ['operations'],
        operationId: 'getHealth',
        summary: 'Whether the process is up',
        response: { 200: Status.meta({ description: 'Up' }) },
      },
    },
    async () => ({ status: 'ok' }),
  )

  app.get(
    '/ready',
    {
      config: { scope: 'public' },
      schema: {
        tags: ['operations'],
        operationId: 'getReady',
        summary: 'Whether the database answers and every migration is applied',
        response: { 200: Status.meta({ description: 'Ready' }), ...problemResponses(503) },
      },
    },
    async () => {
      let ready = false
      try {
        ready = migrationsApplied(db)
      } catch {
        // A closed or broken database is simply not ready.
      }
      if (!ready) throw new Problem(503, 'The database is not reachable or not fully migrated.', { headers: { 'retry-after': '5' } })
      return { status: 'ready' }
    },
  )
}
