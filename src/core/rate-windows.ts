import { LRUCache } from 'lru-cache'

/** Requests per client in fixed windows, as @fastify/rate-limit's own store counts them. */
export class RateWindows {
  // Past this many clients in one window the least recent are forgotten (as the plugin's LRU does).
  readonly #windows = new LRUCache<string, { count: number; start: number }>({ max: 100_000 })

  /** Counts one request of `key`: how many in its window so far, and the ms left of it. */
  incr(key: string, windowMs: number, now = Date.now()): { current: number; ttl: number } {
    let w = this.#windows.get(key)
    if (!w || w.start + windowMs <= now) {
      w = { count: 0, start: now }
      this.#windows.set(key, w)
    }
    w.count++
    return { current: w.count, ttl: w.start + windowMs - now }
  }
}

/**
 * With WORKERS=N the workers ask the primary to count, so a client's limit is one limit
 * whichever worker answers it. A worker sends the asks of one turn of its event loop as one
 * message, and the primary answers them in one message back.
 */
export const RATE_MESSAGE = 'byline:rate-limit'
export type RateAsk = { id: number; key: string; windowMs: number }
export type RateAnswer = { id: number; current: number; ttl: number }
export type RateAsks = { type: typeof RATE_MESSAGE; asks: RateAsk[] }
export type RateAnswers = { type: typeof RATE_MESSAGE; answers: RateAnswer[] }

const isAsk = (a: unknown): a is RateAsk =>
  typeof a === 'object' &&
  a !== null &&
  Number.isSafeInteger((a as RateAsk).id) &&
  typeof (a as RateAsk).key === 'string' &&
  Number.isSafeInteger((a as RateAsk).windowMs) &&
  (a as RateAsk).windowMs > 0

export const isRateAsks = (m: unknown): m is RateAsks =>
  typeof m === 'object' && m !== null && (m as RateAsks).type === RATE_MESSAGE && Array.isArray((m as RateAsks).asks) && (m as RateAsks).asks.every(isAsk)

export const isRateAnswers = (m: unknown): m is RateAnswers =>
  typeof m === 'object' && m !== null && (m as RateAnswers).type === RATE_MESSAGE && Array.isArray((m as RateAnswers).answers)
