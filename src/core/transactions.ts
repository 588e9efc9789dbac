import { createHash } from 'node:crypto'
import type { Db } from '../db/client.js'
import { preparedFor } from '../db/prepared.js'
import { etagOf } from './etag.js'
import { eventsWritten } from './events.js'
import { Problem } from './problem.js'
import { needsReconcile, reconcile } from './reconcile.js'

/**
 * What a write answers: sent once it has committed, and kept for Idempotency-Key replays.
 * `replay`, when given, is what is kept and replayed instead: the first answer may hold
 * something that must be shown once and never stored (a signing secret).
 */
export type WriteResult = { status: number; body: string | null; headers: Record<string, string>; replay?: WriteResult }

/** A 200 (or 201) with the resource's representation and its ETag. */
export function withRepresentation(status: number, json: string, headers: Record<string, string> = {}): WriteResult {
  return { status, body: json, headers: { etag: etagOf(json), ...headers } }
}

export const noContent: WriteResult = { status: 204, body: null, headers: {} }

/**
 * Runs a write in one IMMEDIATE transaction: the write lock is taken at BEGIN, so two
 * writers queue on busy_timeout instead of failing halfway with SQLITE_BUSY, and a
 * failure anywhere undoes all of it. The events it causes are written before it commits.
 */
export function inTransaction<T>(db: Db, now: string, fn: () => T): T {
  let events = 0
  const result = db.$client
    .transaction(() => {
      const value = fn()
      // The changes feed learns of the write in the write's own transaction.
      events = reconcile(db, now)
      return value
    })
    .immediate()
  if (events > 0) eventsWritten.emit('events')
  return result
}

/**
 * Writes the events an embargo's lift left pending, if any: the first read after the instant
 * does it, so the public index, the changes feed and "was it ever public" agree with what
 * the time rule shows, with no job running. A database that cannot take the write still
 * serves what it has.
 */
export function catchUp(db: Db, now: string): boolean {
  if (db.$client.inTransaction || !needsReconcile(db, now)) return false
  try {
    inTransaction(db, now, () => undefined)
    return true
  } catch (err) {
    const code = (err as { code?: string }).code ?? ''
    if (!/^SQLITE_(BUSY|READONLY|FULL|IOERR)/.test(code)) throw err
    return false
  }
}

const DAY_MS = 24 * 60 * 60 * 1000

const idempotency = preparedFor((db) => ({
  find: db.$client.prepare('select fingerprint, status, headers, body from idempotency_keys where api_key_id = ? and key = ?'),
  insert: db.$client.prepare(
    'insert into idempotency_keys (api_key_id, key, fingerprint, status, headers, body, created_at) values (?, ?, ?, ?, ?, ?, ?)',
  ),
  expire: db.$client.prepare('delete from idempotency_keys where created_at < ?'),
}))

/** A retried POST's Idempotency-Key, whose key sent it, and the request it stands for (method, URL, body). */
export type Idempotency = { key: string; owner: string; request: string }

type Stored = { fingerprint: string; status: number; headers: string; body: string }

/**
 * A POST that may carry an Idempotency-Key. The key's record is read and written inside
 * the write's own transaction, so a retry racing the first attempt waits for it and then
 * replays its answer; a crash loses both or neither. Keys are per API key: one partner
 * can never replay another's response. Only successes are kept, so a refused request can
 * be corrected and sent again under the same key.
 */
export function idempotentWrite(db: Db, retry: Idempotency | undefined, now: Date, write: () => WriteResult): WriteResult {
  if (retry === undefined) return inTransaction(db, now.toISOString(), write)
  const { key, owner } = retry
  const fingerprint = createHash('sha256').update(retry.request).digest('hex')
  return inTransaction(db, now.toISOString(), () => {
    const sql = idempotency(db)
    const stored = sql.find.get(owner, key) as Stored | undefined
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        throw new Problem(422, 'This Idempotency-Key was used with a different request; use a new key for a new request.', {
          errors: [{ in: 'header', parameter: 'idempotency-key', detail: 'was used with a different request' }],
        })
      }
      const headers = { ...(JSON.parse(stored.headers) as Record<string, string>), 'idempotent-replayed': 'true' }
      return { status: stored.status, body: stored.body === '' ? null : stored.body, headers }
    }
    const result = write()
    const kept = result.replay ?? result
    sql.expire.run(new Date(now.getTime() - DAY_MS).toISOString())
    sql.insert.run(owner, key, fingerprint, kept.status, JSON.stringify(kept.headers), kept.body ?? '', now.toISOString())
    return result
  })
}

/** The fields of `changes` whose value differs from `current`, or undefined when none does. */
export function changedFields<T extends object>(current: T, changes: Partial<T>): Partial<T> | undefined {
  const changed = Object.fromEntries(
    Object.entries(changes).filter(([k, v]) => v !== undefined && current[k as keyof T] !== v),
  ) as Partial<T>
  return Object.keys(changed).length > 0 ? changed : undefined
}
