import cluster from 'node:cluster'
import { isRateAnswer, RATE_MESSAGE, RateWindows, type RateAnswer, type RateAsk } from '../core/rate-windows.js'

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
  process.on('message', (m: unknown) => {
    if (isRateAnswer(m)) waiting.get(m.id)?.(m)
  })

  return class PrimaryCountedStore {
    incr(key: string, cb: Callback, windowMs: number) {
      const id = ++next
      const fallBack = () => {
        waiting.delete(id)
        cb(null, alone.incr(key, windowMs))
      }
      const timer = setTimeout(fallBack, ANSWER_TIMEOUT_MS)
      waiting.set(id, ({ current, ttl }) => {
        clearTimeout(timer)
        waiting.delete(id)
        cb(null, { current, ttl })
      })
      const ask: RateAsk = { type: RATE_MESSAGE, id, key, windowMs }
      try {
        send(ask)
      } catch {
        clearTimeout(timer)
        fallBack()
      }
    }

    // Limits and windows come with each call, so a route's options need no store of their own.
    child() {
      return this
    }
  }
}
