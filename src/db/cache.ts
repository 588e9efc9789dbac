import { LRUCache } from 'lru-cache'
import type { Db } from './client.js'
import { preparedFor } from './prepared.js'

/**
 * A value that changes whenever the database's content may have: data_version moves when
 * another connection commits, total_changes() when this one writes. Reading both costs
 * about a microsecond, so a cached representation is checked against the very state a
 * fresh read would see, with no trigger or bookkeeping on the write path. (Two prepared
 * statements: the pragma_data_version table function in one SELECT costs twice as much.)
 */
const epochStatements = preparedFor((db) => ({
  version: db.$client.prepare('pragma data_version').pluck(),
  changes: db.$client.prepare('select total_changes()').pluck(),
}))

export function dbEpoch(db: Db): string {
  const { version, changes } = epochStatements(db)
  return `${version.get() as number}:${changes.get() as number}`
}

type Entry = { epoch: string; value: string }

const MAX_BYTES = 64 * 1024 * 1024

const caches = preparedFor(() => ({
  epoch: '',
  data: '',
  lru: new LRUCache<string, Entry>({
    maxSize: MAX_BYTES,
    sizeCalculation: (e, key) => e.value.length * 2 + key.length * 2 + 64,
  }),
}))

/**
 * The cache for an epoch. Once the data has moved on, no entry made before can be served
 * again, so they all go at once: left for the size bound to push out, they grew the heap
 * by ~50 MB in ten minutes of a soak with 5 writes a second, and lengthened every full GC.
 * (The part after `|` is the embargo generation, which changes only when one lifts.)
 */
function cacheFor(db: Db, epoch: string) {
  const store = caches(db)
  // A request asks several times with the same epoch: only a new one is looked into.
  if (store.epoch === epoch) return store.lru
  store.epoch = epoch
  const bar = epoch.indexOf('|')
  const data = bar < 0 ? epoch : epoch.slice(0, bar)
  if (store.data !== data) {
    store.lru.clear()
    store.data = data
  }
  return store.lru
}

/**
 * Serialized representations and counts, keyed by what they describe and valid only for
 * the epoch they were made in: a write anywhere makes every entry stale at once, so no
 * invalidation can be missed. Writes are editorial and rare; reads are many.
 */
export function cached(db: Db, epoch: string, key: string, make: () => string): string {
  const cache = cacheFor(db, epoch)
  const hit = cache.get(key)
  if (hit && hit.epoch === epoch) return hit.value
  const value = make()
  cache.set(key, { epoch, value })
  return value
}

/** What a representation lookup finds: the bytes, `gone` for a withdrawn resource, or nothing. */
export type Representation = string | 'gone' | null

// Outcomes other than bytes, as cache values no serialized representation can be.
const GONE = '\u0000gone'
const NONE = ''

/** `cached` for a representation that may be gone or missing: those outcomes are cached too. */
export function cachedRepresentation(db: Db, epoch: string, key: string, make: () => Representation): Representation {
  const value = cached(db, epoch, key, () => {
    const made = make()
    return made === null ? NONE : made === 'gone' ? GONE : made
  })
  return value === NONE ? null : value === GONE ? 'gone' : value
}

/** Several entries at once; `make` builds only the missing ones, in one go. */
export function cachedMany(db: Db, epoch: string, keys: string[], make: (missing: string[]) => Map<string, string>): string[] {
  const cache = cacheFor(db, epoch)
  const found = new Map<string, string>()
  const missing: string[] = []
  for (const key of keys) {
    const hit = cache.get(key)
    if (hit && hit.epoch === epoch) found.set(key, hit.value)
    else missing.push(key)
  }
  if (missing.length > 0) {
    for (const [key, value] of make(missing)) {
      cache.set(key, { epoch, value })
      found.set(key, value)
    }
  }
  return keys.map((k) => found.get(k)!)
}

/**
 * An exact count, computed once per epoch for each distinct query: at a million rows a
 * COUNT costs tens of milliseconds, paid by the first page of a list, not by every page.
 */
export function cachedCount(
  db: Db,
  epoch: string,
  query: { toSQL(): { sql: string; params: unknown[] }; get(): { n: number } | undefined },
): number {
  const { sql, params } = query.toSQL()
  return Number(cached(db, epoch, `count:${sql}:${JSON.stringify(params)}`, () => String(query.get()?.n ?? 0)))
}
