import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { isProbe, overloaded } from './load-shedding.js'

export type ReadQueueOptions = {
  /** A read that waited longer than this is answered 503 with Retry-After instead (0: never). */
  maxWaitMs: number
}

/** Reads by readers; not probes, and not the newsroom's (a write key's) reads, which a write follows. */
const isQueued = (req: FastifyRequest) => (req.method === 'GET' || req.method === 'HEAD') && !isProbe(req) && !req.view?.preview

/**
 * Readers' reads take turns, one an event-loop iteration; writes, the newsroom's reads and
 * health checks do not wait for them. better-sqlite3 answers on the event loop, so without
 * this every request parsed in one poll runs to its end before the next poll: a write or a
 * health check arriving behind
 * twenty cold reads waited for all twenty, and a saturated reader load held the newsroom's
 * writes for hundreds of milliseconds. Queued here, reads cost the loop nothing while they
 * wait, each poll takes in (and serves) writes and probes at once, and a read that has
 * waited past `maxWaitMs` is shed with a 503 when its turn comes, as overload should be.
 */
async function readQueue(app: FastifyInstance, opts: ReadQueueOptions) {
  const waiting: { since: number; done: (err?: Error) => void }[] = []
  let head = 0
  let turning = false
  const turn = () => {
    const next = waiting[head++]
    if (head === waiting.length) {
      waiting.length = 0
      head = 0
    }
    if (next) {
      if (opts.maxWaitMs > 0 && performance.now() - next.since > opts.maxWaitMs) {
        next.done(overloaded())
      } else {
        next.done()
      }
    }
    turning = waiting.length > head
    if (turning) setImmediate(turn)
  }
  app.addHook('onRequest', (req, _reply, done) => {
    if (!isQueued(req)) return done()
    waiting.push({ since: performance.now(), done })
    if (!turning) {
      turning = true
      setImmediate(turn)
    }
  })
}

export const readQueuePlugin = fp(readQueue, { name: 'byline-read-queue', fastify: '5.x' })
