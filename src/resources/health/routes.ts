import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { migrationsApplied } from '../../db/migrate.js'
import { problemResponses } from '../../core/contract.js'
import { Problem } from '../../core/problem.js'

const Pressure = z
  .object({
    underPressure: z.boolean(),
    eventLoopDelayMs: z.number().nullable().meta({
      description: 'Mean delay over the last sample; null when the loop was blocked for the whole sample (no measurement).',
    }),
    eventLoopUtilization: z.number(),
    heapUsedBytes: z.number(),
    rssBytes: z.number(),
  })
  .meta({ id: 'Pressure', description: 'Load as the shedding sees it; present when shedding is configured.' })

const Status = z.object({ status: z.string().meta({ examples: ['ok'] }), pressure: Pressure.optional() })

type Shedder = { memoryUsage(): { eventLoopDelay: number; eventLoopUtilized: number; heapUsed: number; rssBytes: number }; isUnderPressure(): boolean }

// A cache in front must not answer a load balancer with a minute-old "healthy".
const NO_STORE = 'no-store'

export const healthRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const shedder = 'memoryUsage' in app ? (app as unknown as Shedder) : undefined
  const pressure = () => {
    if (!shedder) return undefined
    const m = shedder.memoryUsage()
    return {
      underPressure: shedder.isUnderPressure(),
      // under-pressure reports Infinity for a sample in which the loop never turned.
      eventLoopDelayMs: Number.isFinite(m.eventLoopDelay) ? Math.round(m.eventLoopDelay * 10) / 10 : null,
      eventLoopUtilization: Math.round(m.eventLoopUtilized * 1000) / 1000,
      heapUsedBytes: m.heapUsed,
      rssBytes: m.rssBytes,
    }
  }

  app.get(
    '/health',
    {
      config: { scope: 'public' },
      schema: {
        tags: ['operations'],
        operationId: 'getHealth',
        summary: 'Whether the process is up, and how loaded',
        response: { 200: Status.meta({ description: 'Up' }) },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', NO_STORE)
      return { status: 'ok', pressure: pressure() }
    },
  )

  app.get(
    '/ready',
    {
      config: { scope: 'public' },
      schema: {
        tags: ['operations'],
        operationId: 'getReady',
        summary: 'Whether the database answers, every migration is applied, and the process is not shedding load',
        response: { 200: Status.meta({ description: 'Ready' }), ...problemResponses(503) },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', NO_STORE)
      let ready = false
      try {
        ready = migrationsApplied(db)
      } catch {
        // A closed or broken database is simply not ready.
      }
      if (!ready) throw new Problem(503, 'The database is not reachable or not fully migrated.', { headers: { 'retry-after': '5' } })
      const load = pressure()
      // Overloaded: a load balancer should send traffic elsewhere until it recovers.
      if (load?.underPressure) throw new Problem(503, 'The server is shedding load.', { headers: { 'retry-after': '2' } })
      return { status: 'ready', pressure: load }
    },
  )
}
