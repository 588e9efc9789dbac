import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Db } from '../db/client.js'
import { eventsWritten } from '../changes/events.js'
import { needsReconcile, reconcile } from '../changes/reconcile.js'
import { preparedFor } from '../db/prepared.js'
import { etagOf, ifMatch } from './etag.js'
import { Problem } from '../problems.js'

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

export function send(reply: FastifyReply, result: WriteResult) {
  reply.code(result.status).headers(result.headers)
  if (result.body === null) return reply.send()
  return reply.type('application/json; charset=utf-8').send(result.body)
}

export const IfMatchHeaders = z.object({
  'if-match': z
    .string()
    .max(1024)
    .optional()
    .meta({ description: 'Required: the ETag of the representation this change was made against, as read (that of any content coding), or `*`. A weak ETag never matches.' }),
})

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(IDEMPOTENCY_KEY, 'must be 1 to 255 visible ASCII characters')
    .optional()
    .meta({
      description:
        'Makes a retried POST safe: for a day, the same key (from the same API key) with the same body gets the first answer again and writes nothing.',
      examples: ['5f2c8a9e-0d3b-4c52-9a3e-8c1f0a6b7d21'],
    }),
})

/**
 * Optimistic concurrency: a change must name the representation it was made against, by
 * the ETag of any of its codings (src/lib/etag.ts). `current` is the resource's
 * representation as it is now.
 */
export function requireMatch(req: FastifyRequest, current: string) {
  const header = req.headers['if-match']
  if (header === undefined || header === '') {
    throw new Problem(428, 'This change needs an If-Match header with the ETag of the resource as you last read it.')
  }
  if (!ifMatch(header, etagOf(current))) {
    // Some clients weaken ETags they store; say so rather than claim the resource changed.
    const strong = header.replace(/W\/"[^"]*"/g, '')
    if (strong !== header && !strong.includes('"')) {
      throw new Problem(412, 'If-Match compares strong ETags only, and a weak one (W/"…") never matches; send the ETag exactly as it was read.')
    }
    throw new Problem(412, 'The resource changed since the ETag in If-Match was issued; read it again and reapply the change.')
  }
}

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

type Stored = { fingerprint: string; status: number; headers: string; body: string }

/**
 * A POST that may carry an Idempotency-Key. The key's record is read and written inside
 * the write's own transaction, so a retry racing the first attempt waits for it and then
 * replays its answer; a crash loses both or neither. Keys are per API key: one partner
 * can never replay another's response. Only successes are kept, so a refused request can
 * be corrected and sent again under the same key.
 */
export function idempotentWrite(db: Db, req: FastifyRequest, now: Date, write: () => WriteResult): WriteResult {
  const key = req.headers['idempotency-key']
  const owner = req.apiKey?.id
  if (typeof key !== 'string' || owner === undefined) return inTransaction(db, now.toISOString(), write)
  const fingerprint = createHash('sha256')
    .update(`${req.method} ${req.url}\n${JSON.stringify(req.body)}`)
    .digest('hex')
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

/** The change is refused because of other data; `conflicts` names each piece. */
export type Conflict = { resource: string; id: string; detail: string }

export const conflict = (detail: string, conflicts: Conflict[] = []) =>
  new Problem(409, detail, conflicts.length > 0 ? { conflicts } : {})

/** A body field that names something that does not exist, or text a story does not hold. */
export const unprocessable = (pointer: string, detail: string) =>
  new Problem(422, `${pointer}: ${detail}`, { errors: [{ in: 'body', pointer, detail }] })

/** SQLite's unique-constraint errors name table.column; turn the slug ones into a 409. */
export function uniqueViolation(err: unknown, what: string, slug: string): Problem | undefined {
  const e = err as { code?: string; message?: string }
  if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return conflict(`The slug "${slug}" already belongs to another ${what}.`)
  }
  return undefined
}

/** The fields of `changes` whose value differs from `current`, or undefined when none does. */
export function changedFields<T extends object>(current: T, changes: Partial<T>): Partial<T> | undefined {
  const changed = Object.fromEntries(
    Object.entries(changes).filter(([k, v]) => v !== undefined && current[k as keyof T] !== v),
  ) as Partial<T>
  return Object.keys(changed).length > 0 ? changed : undefined
}
