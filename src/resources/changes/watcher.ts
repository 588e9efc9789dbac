import { EventEmitter } from 'node:events'
import type { Db } from '../../db/client.js'
import { preparedFor } from '../../db/prepared.js'
import { catchUp } from '../../core/transactions.js'
import { eventsWritten } from '../../core/events.js'

// While anyone waits, look this often even without a signal: another process may write,
// and an embargo may lift.
const POLL_MS = 500

const newestSeq = preparedFor((db) => db.$client.prepare('select coalesce(max(seq), 0) from events').pluck())

type Waiter = { since: number; wake: () => void }

export type ChangeWatcherOptions = {
  db: Db
  /** The time embargoes are lifted by. */
  clock: () => Date
  /** Requests that may wait at once. */
  maxWaiters: number
  pollMs?: number
  /** Told when a look at the database fails; the next tick tries again. */
  onError?: (err: unknown) => void
}

/**
 * What long-polling requests on the changes feed wait on: one timer for all of them, which
 * runs only while someone waits, catches up on pending events and reads the newest seq once
 * a tick, then wakes the waiters it concerns. Writes made by this process wake them at once.
 * Emits `tick` after each look at the database.
 */
export class ChangeWatcher extends EventEmitter {
  readonly maxWaiters: number
  /** How many times the newest event was read: once a tick, however many wait. */
  reads = 0
  readonly #db: Db
  readonly #clock: () => Date
  readonly #pollMs: number
  readonly #onError: (err: unknown) => void
  readonly #waiters = new Set<Waiter>()
  #timer: NodeJS.Timeout | undefined
  #pending: NodeJS.Immediate | undefined
  #closed = false

  constructor({ db, clock, maxWaiters, pollMs = POLL_MS, onError = () => {} }: ChangeWatcherOptions) {
    super()
    this.#db = db
    this.#clock = clock
    this.maxWaiters = maxWaiters
    this.#pollMs = pollMs
    this.#onError = onError
  }

  get waiting(): number {
    return this.#waiters.size
  }

  /** Closed with the server: a held request is answered now, not at its deadline. */
  get closed(): boolean {
    return this.#closed
  }

  get full(): boolean {
    return this.#waiters.size >= this.maxWaiters
  }

  /**
   * Resolves once an event after `since` is written, at `deadline` (epoch ms), or when
   * `signal` aborts, whichever is first. The caller checks `full` before.
   */
  wait(since: number, deadline: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const waiter: Waiter = { since, wake: () => done() }
      const timer = setTimeout(() => done(), Math.max(0, deadline - Date.now()))
      const done = () => {
        clearTimeout(timer)
        signal.removeEventListener('abort', done)
        this.#remove(waiter)
        resolve()
      }
      if (signal.aborted || this.#closed) return done()
      signal.addEventListener('abort', done, { once: true })
      this.#add(waiter)
    })
  }

  /** Wakes every waiter and stops looking; later waits end at once (the server is closing). */
  close() {
    this.#closed = true
    for (const w of [...this.#waiters]) w.wake()
  }

  #add(waiter: Waiter) {
    this.#waiters.add(waiter)
    if (this.#waiters.size > 1) return
    this.#timer = setInterval(() => this.#tick(), this.#pollMs).unref()
    eventsWritten.on('events', this.#written)
  }

  #remove(waiter: Waiter) {
    if (!this.#waiters.delete(waiter) || this.#waiters.size > 0) return
    clearInterval(this.#timer)
    this.#timer = undefined
    eventsWritten.off('events', this.#written)
    if (this.#pending) clearImmediate(this.#pending)
    this.#pending = undefined
  }

  // A burst of writes (an import) costs one look, after the burst's turn of the event loop.
  #written = () => {
    this.#pending ??= setImmediate(() => {
      this.#pending = undefined
      this.#look()
    })
  }

  #tick() {
    try {
      catchUp(this.#db, this.#clock().toISOString())
    } catch (err) {
      this.#onError(err)
    }
    this.#look()
    this.emit('tick')
  }

  #look() {
    let newest: number
    try {
      newest = newestSeq(this.#db).get() as number
    } catch (err) {
      // Waiters are still answered at their deadline.
      return this.#onError(err)
    } finally {
      this.reads++
    }
    for (const w of [...this.#waiters]) if (newest > w.since) w.wake()
  }
}
