// Schema-aware fuzzing of the whole API: requests are generated from the served OpenAPI
// document, mutated, sent (in-process or over a socket) and every answer is held to the
// contract. Shared by test/fuzz.test.ts (quick mode) and bench/fuzz.ts (full mode).
//
// A case is plain JSON so a failing one can be saved and replayed. Values that depend on
// the database (ids, ETags, cursors, key secrets) and values too big to store (1 MiB
// strings, 10,000 nested arrays) are markers, expanded only when the request is built.
// This module: what a case is.

/** Who calls: a key of a scope, none, or a key that must not work. */
export type Scope = 'none' | 'read' | 'write' | 'admin' | 'forged' | 'revoked' | 'malformed'
export const SCOPES: Scope[] = ['none', 'read', 'write', 'admin', 'forged', 'revoked', 'malformed']

/** JSON, possibly holding markers (objects with one of the MARKERS keys). */
export type Val = null | boolean | number | string | Val[] | { [key: string]: Val }

export type QueryEntry = { k: string; v: Val; raw?: boolean }

/** One request to one operation, as JSON. */
export type FuzzCase = {
  /** `METHOD /path/{param}` as the OpenAPI document names it. */
  op: string
  /** Another method than the operation's (405s, HEAD, OPTIONS). */
  method?: string
  auth: Scope
  path: Record<string, Val>
  /** Path parameters inserted without percent-encoding (`..%2f`, `%00` as written). */
  rawPath?: string[]
  query: QueryEntry[]
  headers: Record<string, Val>
  /** A JSON body, serialized when sent. */
  body?: Val
  /** A body sent as the text given (malformed JSON); wins over `body`. */
  rawBody?: Val
  /** undefined: application/json with a body; null: no Content-Type at all. */
  contentType?: string | null
}

/** Bytes written to a socket as they are: request lines and framing no client would send. */
export type RawCase = { raw: true; lines: Val[]; body?: Val; eol?: string }

/** Requests sent one after the other to one world: a write, then what reads show of it. */
export type SeqCase = { seq: FuzzCase[] }

export type AnyCase = FuzzCase | RawCase | SeqCase
export const isRaw = (c: AnyCase): c is RawCase => (c as RawCase).raw === true
export const isSeq = (c: AnyCase): c is SeqCase => Array.isArray((c as SeqCase).seq)

export type FixtureKind = 'article' | 'author' | 'source' | 'quote' | 'tag' | 'webhook' | 'quoteText'
export const MARKERS = ['$fx', '$etag', '$token', '$cat', '$big', '$deep', '$cursor'] as const
type Marker =
  | { $fx: FixtureKind; by?: 'id' | 'slug'; n?: number }
  | { $etag: 1 }
  | { $token: Scope }
  | { $cat: Val[] }
  | { $big: string; bytes: number }
  | { $deep: number; kind?: 'array' | 'object' }
  | { $cursor: 'real' | 'forged'; values?: Val[]; tag?: string }

export const isObject = (v: unknown): v is Record<string, Val> => typeof v === 'object' && v !== null && !Array.isArray(v)
export const markerOf = (v: Val): Marker | undefined =>
  isObject(v) && MARKERS.some((m) => Object.hasOwn(v, m)) ? (v as unknown as Marker) : undefined

/** An object from entries, `__proto__` and `constructor` included as own keys. */
export function objOf(entries: [string, Val][]): Record<string, Val> {
  const o: Record<string, Val> = {}
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
  return o
}

