import cluster from 'node:cluster'
import { isRateAnswers, RATE_MESSAGE, RateWindows, type RateAnswer, type RateAsk, type RateAsks } from '../core/rate-windows.js'

type Counted = { current: number; ttl: number }
type Callback = (err: Error | null, res: Counted) => void

// The primary answers in well under a millisecond; past this the worker counts alone rather
// than hold a request (a primary that is gone takes the workers with it soon after).
const ANSWER_TIMEOUT_MS = 1000

/**
 * The rate-limit store of a cluster worker: the primary counts for every worker (see
 * cluster.ts), so a client meets RATE_LIMIT_MAX however its requests are spread. Undefined
 * outside a cluster, where the plugin's own in-process store is the whole count.
 */
export function clusterRateStore() {
  const send = process.send?.bind(process)
  if (!cluster.isWorker || !send) return undefined
  const alone = new RateWindows()
  const waiting = new Map<number, (answer: RateAnswer) => void>()
  let next = 0
  let batch: RateAsk[] = []
  process.on('message', (m: unknown) => {
    if (isRateAnswers(m)) for (const answer of m.answers) waiting.get(answer.id)?.(answer)
  })
  // The asks of one turn go as one message: under load that is many requests a message.
  const flush = () => {
    const message: RateAsks = { type: RATE_MESSAGE, asks: batch }
    batch = []
    try {
      send(message)
    } catch {
      // The channel is gone: each ask falls back when its timer fires.
    }
  }

  return class PrimaryCountedStore {
    incr(key: string, cb: Callback, windowMs: number) {
      const id = ++next
      const timer = setTimeout(() => {
        waiting.delete(id)
        cb(null, alone.incr(key, windowMs))
      }, ANSWER_TIMEOUT_MS)
      waiting.set(id, ({ current, ttl }) => {
        clearTimeout(timer)
        waiting.delete(id)
        cb(null, { current, ttl })
      })
      if (batch.length === 0) setImmediate(flush)
      batch.push({ id, key, windowMs })
    }

    // Limits and windows come with each call, so a route's options need no store of their own.
    child() {
      return this
    }
  }
}
