import underPressure from '@fastify/under-pressure'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Shedding } from '../config.js'
import { Problem } from '../core/problem.js'

/**
 * Sheds load when the event loop falls behind (and read-queue.ts sheds a read that waited
 * too long in its queue). better-sqlite3 runs queries on the event loop, so its delay is
 * the honest measure of overload: past the threshold, new requests get a 503 problem with
 * Retry-After at once rather than a long wait and a timeout.
 * /health and /ready are never shed; they report the pressure instead. Nor are writes: a
 * reader can come back (and a CDN serves it meanwhile), but a newsroom that cannot publish
 * while readers browse the archive has lost the one request it needed. Writes are few, need
 * a key, and are rate-limited per key.
 */
/** The probes a load balancer asks: never shed, never queued, they report the pressure instead. */
export const isProbe = (req: FastifyRequest) => req.routeOptions.url === '/health' || req.routeOptions.url === '/ready'

/** What a shed read is answered: 503 with Retry-After. */
export const overloaded = () =>
  new Problem(503, 'The server is overloaded; retry after the time in Retry-After.', { headers: { 'retry-after': '2' } })

async function loadShedding(app: FastifyInstance, opts: Shedding) {
  await app.register(underPressure, {
    maxEventLoopDelay: opts.maxEventLoopDelayMs,
    maxEventLoopUtilization: opts.maxEventLoopUtilization,
    eventLoopUtilizationMode: 'interval',
    sampleInterval: 500,
    pressureHandler: (req, _reply, type, value) => {
      if (isProbe(req)) return
      if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') return
      req.log.warn({ type, value }, 'shedding load')
      // A rejected promise goes to the error handler, which writes the problem document.
      return Promise.reject(overloaded())
    },
  })
}

export const loadSheddingPlugin = fp(loadShedding, { name: 'byline-load-shedding', fastify: '5.x' })
