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
  const waiting = new Map<number, { key: string; windowMs: number; cb: Callback }>()
  let next = 0
  let batch: RateAsk[] = []
  const answer = ({ id, current, ttl }: RateAnswer) => {
    const ask = waiting.get(id)
    if (!ask) return
    waiting.delete(id)
    ask.cb(null, { current, ttl })
  }
  process.on('message', (m: unknown) => {
    if (isRateAnswers(m)) for (const a of m.answers) answer(a)
  })
  // The asks of one turn go as one message (under load, many requests a message) with one
  // timer: those the primary has not answered by then are counted here.
  const flush = () => {
    const asks = batch
    batch = []
    setTimeout(() => {
      for (const { id } of asks) {
        const ask = waiting.get(id)
        if (ask) answer({ id, ...alone.incr(ask.key, ask.windowMs) })
      }
    }, ANSWER_TIMEOUT_MS).unref()
    try {
      send({ type: RATE_MESSAGE, asks } satisfies RateAsks)
    } catch {
      // The channel is gone: the timer counts them here.
    }
  }

  return class PrimaryCountedStore {
    incr(key: string, cb: Callback, windowMs: number) {
      const id = ++next
      waiting.set(id, { key, windowMs, cb })
      if (batch.length === 0) setImmediate(flush)
      batch.push({ id, key, windowMs })
    }

    // Limits and windows come with each call, so a route's options need no store of their own.
    child() {
      return this
    }
  }
}
