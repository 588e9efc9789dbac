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

/**
 * The resources a representation shows, found by their ids (`art_` + 26 base32 characters
 * and the like) without parsing it: what a CDN purges it by, and what a write must name
 * for this process to drop it.
 */
export const RESOURCE_ID = /\b(?:art|aut|src|quo|tag|cor)_[0-9a-z]{26}\b/g

type Entry = { value: string }
type Item = Entry & { shows: string[] }
type Preview = Entry & { epoch: string }

const bytes = (value: string, key: string) => value.length * 2 + key.length * 2 + 64
const lru = <V extends Entry>(maxSize: number) =>
  new LRUCache<string, V>({ maxSize, sizeCalculation: (e, key) => bytes(e.value, key) })

// One public item page costs a few ms to build cold; a list, a count or a search is
// rebuilt after every write that reaches it, so items get most of the room.
const ITEM_BYTES = 40 * 1024 * 1024
const SET_BYTES = 16 * 1024 * 1024
const PREVIEW_BYTES = 8 * 1024 * 1024
// Past this many events since the last look (a bulk import), dropping all is cheaper.
const MAX_EVENTS = 1_000

const stores = preparedFor((db) => ({
  since: db.$client.prepare(`select seq, resource_id from events where seq > ? order by seq limit ${MAX_EVENTS + 1}`),
  lastSeq: db.$client.prepare('select coalesce(max(seq), 0) from events').pluck(),
  /** The public epoch last looked at, its data part, and the last event applied. */
  epoch: '',
  data: '',
  generation: '',
  seq: 0,
  /** Public representations that name every resource they depend on: dropped by id. */
  items: lru<Item>(ITEM_BYTES),
  /** Public lists, counts, searches, feeds and misses: any public change may alter them. */
  sets: lru<Entry>(SET_BYTES),
  /** The preview audience's: drafts change with no event, so they live for one epoch. */
  preview: lru<Preview>(PREVIEW_BYTES),
  previewData: '',
  hits: 0,
  misses: 0,
}))
type Store = ReturnType<typeof stores>

/**
 * Brings the public entries up to `epoch` (`data|generation`, see core/visibility.ts).
 * A public change always writes change events in its own transaction, so once the data
 * has moved, the events since the last look name every resource that changed: items that
 * show one of them go, the rest stay, and every set goes. An embargo lifting changes what
 * the public sees with no write: a new generation drops everything. Events come from the
 * database, so a write by another process is seen like one by this.
 */
function freshen(store: Store, epoch: string) {
  if (store.epoch === epoch) return
  store.epoch = epoch
  const bar = epoch.indexOf('|')
  const data = epoch.slice(0, bar)
  const generation = epoch.slice(bar + 1)
  if (generation !== store.generation || store.data === '') {
    store.generation = generation
    store.data = data
    store.seq = store.lastSeq.get() as number
    store.items.clear()
    store.sets.clear()
    return
  }
  if (data === store.data) return
  store.data = data
  const events = store.since.all(store.seq) as { seq: number; resource_id: string }[]
  if (events.length === 0) return
  store.sets.clear()
  if (events.length > MAX_EVENTS) {
    store.seq = store.lastSeq.get() as number
    store.items.clear()
    return
  }
  store.seq = events.at(-1)!.seq
  const changed = new Set(events.map((e) => e.resource_id))
  const stale: string[] = []
  store.items.forEach((item, key) => {
    if (item.shows.some((id) => changed.has(id))) stale.push(key)
  })
  for (const key of stale) store.items.delete(key)
}

/** The preview cache: drafts are written without events, so any write empties it. */
function previewFor(store: Store, epoch: string) {
  const bar = epoch.indexOf('|')
  const data = bar < 0 ? epoch : epoch.slice(0, bar)
  if (store.previewData !== data) {
    store.preview.clear()
    store.previewData = data
  }
  return store.preview
}

/**
 * When an entry goes stale: `epoch` as core/visibility.ts resolves it for the public
 * (`data|generation`), whose entries outlive the writes that cannot change them; any other
 * audience's (a preview, a count that knows no audience) lives for its exact epoch alone.
 */
export type CacheEpoch = { epoch: string; preview: boolean }

/** Serialized representations and counts, keyed by what they describe: a stale entry is never served. */
export function cached(db: Db, at: CacheEpoch, key: string, make: () => string, selfDescribing = false): string {
  // Inside a write, what is read may yet be rolled back, and its events are not written.
  if (db.$client.inTransaction) return make()
  const store = stores(db)
  const found = lookup(store, at, key)
  if (found !== undefined) return found
  const value = make()
  remember(store, at, key, value, selfDescribing)
  return value
}

function lookup(store: Store, at: CacheEpoch, key: string): string | undefined {
  if (at.preview) {
    const hit = previewFor(store, at.epoch).get(key)
    return hit?.epoch === at.epoch ? hit.value : undefined
  }
  freshen(store, at.epoch)
  const hit = store.items.get(key) ?? store.sets.get(key)
  if (hit) store.hits++
  else store.misses++
  return hit?.value
}

/**
 * Public entries outlive writes that cannot change them. `selfDescribing` says the bytes
 * name, by id, every resource they depend on (a story with its authors, sources, quotes and
 * tags), so only a change to one of those drops them; anything else (a list, a count, a
 * search, a miss) goes at the next public change.
 */
function remember(store: Store, at: CacheEpoch, key: string, value: string, selfDescribing: boolean) {
  if (at.preview) {
    previewFor(store, at.epoch).set(key, { epoch: at.epoch, value })
    return
  }
  const shows = selfDescribing ? [...new Set(value.match(RESOURCE_ID) ?? [])] : []
  if (shows.length > 0) store.items.set(key, { value, shows })
  else store.sets.set(key, { value })
}

/** How often public reads were answered from the cache, since the database was opened. */
export function cacheStats(db: Db): { hits: number; misses: number } {
  const { hits, misses } = stores(db)
  return { hits, misses }
}

/** What a representation lookup finds: the bytes, `gone` for a withdrawn resource, or nothing. */
export type Representation = string | 'gone' | null

// Outcomes other than bytes, as cache values no serialized representation can be.
const GONE = '\u0000gone'
const NONE = ''

/**
 * `cached` for a representation that may be gone or missing: those outcomes are cached too.
 * A found one names every resource it shows by id (see `remember`).
 */
export function cachedRepresentation(db: Db, at: CacheEpoch, key: string, make: () => Representation): Representation {
  const value = cached(
    db,
    at,
    key,
    () => {
      const made = make()
      return made === null ? NONE : made === 'gone' ? GONE : made
    },
    true,
  )
  return value === NONE ? null : value === GONE ? 'gone' : value
}

/** Several entries at once, each an item that names what it shows; `make` builds only the missing ones, in one go. */
export function cachedMany(db: Db, at: CacheEpoch, keys: string[], make: (missing: string[]) => Map<string, string>): string[] {
  if (db.$client.inTransaction) {
    const made = make(keys)
    return keys.map((k) => made.get(k)!)
  }
  const store = stores(db)
  const found = new Map<string, string>()
  const missing: string[] = []
  for (const key of keys) {
    const hit = lookup(store, at, key)
    if (hit !== undefined) found.set(key, hit)
    else missing.push(key)
  }
  if (missing.length > 0) {
    for (const [key, value] of make(missing)) {
      remember(store, at, key, value, true)
      found.set(key, value)
    }
  }
  return keys.map((k) => found.get(k)!)
}

/**
 * How far a list's total is counted. Counting costs per item, so past this the count stops,
 * as a search engine's does (Elasticsearch's default is the same 10,000), and the page says
 * `totalIsExact: false`: a 1M-story archive's front page costs what a 10k one's does.
 */
export const COUNTED_UP_TO = 10_000

/** What a page says of its list's size: `total`, and `totalIsExact: false` when it counts no further. */
export type Total = { total: number; totalIsExact?: boolean }

/**
 * A list's total from the query selecting its rows, counted up to COUNTED_UP_TO and cached
 * until a change can alter it. `searched` is a full-text filter's own exactness (see
 * core/search.ts): the page is exact only when both are.
 */
export function cachedTotal(db: Db, at: CacheEpoch, rows: { toSQL(): { sql: string; params: unknown[] } }, searched: { totalIsExact?: boolean } = {}): Total {
  const { sql, params } = rows.toSQL()
  const n = Number(
    cached(db, at, `total:${sql}:${JSON.stringify(params)}`, () =>
      String(db.$client.prepare(`select count(*) from (${sql} limit ${COUNTED_UP_TO + 1})`).pluck().get(...params)),
    ),
  )
  const counted = n <= COUNTED_UP_TO
  const total = Math.min(n, COUNTED_UP_TO)
  if (searched.totalIsExact === undefined && counted) return { total }
  return { total, totalIsExact: counted && searched.totalIsExact !== false }
}
