import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import { preparedFor } from '../db/prepared.js'
import { apiKeys, type KeyScope } from '../db/schema.js'
import { newId } from './ids.js'

// byl_<lookup>_<secret>: the lookup finds the row without a scan; only the hash of the
// whole key is stored, so a leaked database holds no usable key.
export const KEY_PATTERN = /^byl_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/

const sha256 = (text: string) => createHash('sha256').update(text).digest()
const alphanumeric = (bytes: number) => randomBytes(bytes).toString('base64url').replace(/[-_]/g, '').slice(0, 12)

export type KeyInfo = { id: string; name: string; scopes: KeyScope[] }

/** Creates a key; the returned secret exists nowhere else and cannot be shown again. */
export function createKey(db: Db, name: string, scopes: KeyScope[], now = new Date().toISOString()) {
  let lookup = alphanumeric(16)
  while (lookup.length < 12) lookup += alphanumeric(16)
  const secret = `byl_${lookup}_${randomBytes(32).toString('base64url')}`
  const id = newId('key')
  db.insert(apiKeys)
    .values({ id, name, lookup, hash: sha256(secret).toString('hex'), scopes, createdAt: now })
    .run()
  return { id, secret }
}

const byLookup = preparedFor((db) => db.select().from(apiKeys).where(eq(apiKeys.lookup, sql.placeholder('lookup'))).prepare())

/** The key a bearer token stands for, if it is one we issued and did not revoke. */
export function verifyKey(db: Db, token: string): KeyInfo | undefined {
  const match = KEY_PATTERN.exec(token)
  if (!match) return undefined
  const row = byLookup(db).get({ lookup: match[1] })
  // Hash and compare even when no row matched, so timing says nothing about lookups.
  const expected = row ? Buffer.from(row.hash, 'hex') : Buffer.alloc(32)
  const equal = timingSafeEqual(sha256(token), expected)
  if (!row || !equal || row.revokedAt !== null) return undefined
  return { id: row.id, name: row.name, scopes: row.scopes }
}

export function listKeys(db: Db) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .orderBy(apiKeys.createdAt, apiKeys.id)
    .all()
}

export function revokeKey(db: Db, id: string, now = new Date().toISOString()): boolean {
  const row = db.select({ revokedAt: apiKeys.revokedAt }).from(apiKeys).where(eq(apiKeys.id, id)).get()
  if (!row) return false
  if (row.revokedAt === null) db.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, id)).run()
  return true
}

/**
 * Remembers when keys were used and writes it down at most once a minute, in one
 * transaction: a write per request would also make every cached representation stale.
 */
export class UsageRecorder {
  private pending = new Map<string, string>()

  constructor(private readonly db: Db) {}

  used(id: string, at = new Date().toISOString()) {
    this.pending.set(id, at)
  }

  flush() {
    if (this.pending.size === 0) return
    const batch = [...this.pending]
    this.pending.clear()
    this.db.transaction((tx) => {
      for (const [id, at] of batch) tx.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id)).run()
    })
  }
}
