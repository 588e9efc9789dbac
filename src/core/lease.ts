import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import type { Db } from '../db/client.js'
import { preparedFor } from '../db/prepared.js'

const sql = preparedFor((db) => ({
  // Taken when free, expired, or already ours; one statement, so two processes cannot both win.
  take: db.$client.prepare(
    `insert into leases (name, holder, expires_at) values (?, ?, ?)
     on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
     where leases.holder = excluded.holder or leases.expires_at <= ?`,
  ),
  release: db.$client.prepare('delete from leases where name = ? and holder = ?'),
}))

/** Who holds a lease: host, process and a random part, so a restarted process is a new holder. */
export const holderId = () => `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`

export type LeaseOptions = {
  name: string
  holder: string
  /** How long a taken lease lasts without renewal: how soon another process may take over. */
  ttlMs?: number
  /** How often the holder renews (and others try). */
  renewMs?: number
  clock?: () => number
  /** Called when this process becomes the holder. */
  onAcquire: () => void
  /** Called when it stops being the holder (or stops trying); resolves when its work has stopped. */
  onRelease: () => Promise<void>
  onError?: (err: unknown) => void
}

export type Lease = { stop(): Promise<void> }

/**
 * Runs work in one process at a time. Every process tries the lease each `renewMs`; the
 * holder renews it. A holder that cannot renew stops its work before the lease can have
 * expired, so two holders never run at once (on one machine's clock); one that dies is
 * replaced within `ttlMs + renewMs`; one that stops releases the lease at once.
 */
export function holdLease(db: Db, opts: LeaseOptions): Lease {
  const { name, holder, ttlMs = 5_000, renewMs = 1_000, clock = Date.now } = opts
  let heldUntil = 0
  let releasing: Promise<void> | undefined
  const release = async () => {
    heldUntil = 0
    await opts.onRelease()
  }
  const tick = () => {
    if (releasing) return
    const now = clock()
    let taken = false
    try {
      taken = sql(db).take.run(name, holder, now + ttlMs, now).changes > 0
    } catch (err) {
      opts.onError?.(err)
    }
    if (taken) {
      const first = heldUntil === 0
      heldUntil = now + ttlMs
      if (first) opts.onAcquire()
    } else if (heldUntil !== 0) {
      // Lost, or not renewed (a busy database): stop before anyone else may take it.
      releasing = release().finally(() => (releasing = undefined))
    }
  }
  tick()
  const timer = setInterval(tick, renewMs)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await releasing
      if (heldUntil !== 0) {
        await release()
        try {
          sql(db).release.run(name, holder)
        } catch (err) {
          opts.onError?.(err)
        }
      }
    },
  }
}
