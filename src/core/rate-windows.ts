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
 * whichever worker answers it: a worker sends a RateAsk, the primary a RateAnswer back.
 */
export const RATE_MESSAGE = 'byline:rate-limit'
export type RateAsk = { type: typeof RATE_MESSAGE; id: number; key: string; windowMs: number }
export type RateAnswer = { type: typeof RATE_MESSAGE; id: number; current: number; ttl: number }

export const isRateAsk = (m: unknown): m is RateAsk =>
  typeof m === 'object' &&
  m !== null &&
  (m as RateAsk).type === RATE_MESSAGE &&
  Number.isSafeInteger((m as RateAsk).id) &&
  typeof (m as RateAsk).key === 'string' &&
  Number.isSafeInteger((m as RateAsk).windowMs) &&
  (m as RateAsk).windowMs > 0

export const isRateAnswer = (m: unknown): m is RateAnswer =>
  typeof m === 'object' && m !== null && (m as RateAnswer).type === RATE_MESSAGE && typeof (m as RateAnswer).current === 'number'
