import { createHash } from 'node:crypto'
import { LRUCache } from 'lru-cache'
import { Problem } from './problem.js'

/**
 * Entity tags: how they are made, and the one rule by which If-Match (writes) and
 * If-None-Match (reads) compare them.
 *
 * A representation's tag is a digest of its exact bytes. Sent br- or gzip-coded, it goes out
 * with the coding appended (`"…-br"`), since a strong tag names exact bytes (RFC 9110 §8.8.3).
 * All those codings are the same current representation, so the tag of any of them matches
 * it, for If-Match as for If-None-Match (§13.1.1, §13.1.2); browsers and fetch ask for a
 * coded body on every request, and must be able to send back what they read.
 */

/** The content codings a body may be sent in, each tagged with its own suffix. */
export const CODINGS = ['br', 'gzip'] as const
export type Coding = (typeof CODINGS)[number]

/**
 * A strong entity tag of a representation: a digest of its exact bytes, so it changes
 * whenever anything a client would see changes (an author's name inside a story too).
 */
export function etagOf(json: string): string {
  let tag = etags.get(json)
  if (tag === undefined) {
    tag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`
    etags.set(json, tag)
  }
  return tag
}

// Cached representations are the same string objects request after request, so their
// digests are remembered rather than recomputed (V8 keeps a string's hash with it).
// Bounded by the bytes of the strings it keeps alive (most are held by the cache anyway).
const etags = new LRUCache<string, string>({ maxSize: 16 * 1024 * 1024, sizeCalculation: (_tag, json) => json.length * 2 + 64 })

/** The tag of `etag`'s bytes sent in `coding`. */
export const codedEtag = (etag: string, coding: Coding) => `${etag.slice(0, -1)}-${coding}"`

// An entity-tag list (RFC 9110 §8.8.3): opaque tags may hold commas, so it is not split on them.
const ENTITY_TAG = /(W\/)?"[\x21\x23-\x7e\x80-\xff]*"/g

/**
 * The tag in `header` that names `etag`'s representation in any coding, or undefined.
 * Strong comparison (If-Match) refuses weak tags; weak comparison (If-None-Match) ignores `W/`.
 * Candidates are compared whole, not by stripping a suffix: a digest may itself end in `-br`.
 */
function matching(header: string, etag: string, strong: boolean): string | undefined {
  const current = new Set([etag, ...CODINGS.map((c) => codedEtag(etag, c))])
  for (const [tag, weak] of header.matchAll(ENTITY_TAG)) {
    if (weak !== undefined && strong) continue
    const opaque = weak === undefined ? tag : tag.slice(2)
    if (current.has(opaque)) return opaque
  }
  return undefined
}

/** If-Match: `*`, or a strong tag of the current representation in any coding. */
export function ifMatch(header: string, etag: string): boolean {
  return header.trim() === '*' || matching(header, etag, true) !== undefined
}

/**
 * If-None-Match: the tag the client holds when it names the current representation in any
 * coding (sent back with the 304), `etag` itself for `*`, or undefined when it does not.
 */
export function ifNoneMatch(header: string, etag: string): string | undefined {
  if (header.trim() === '*') return etag
  return matching(header, etag, false)
}

/**
 * Optimistic concurrency: a change must name the representation it was made against, by
 * the ETag of any of its codings (above). `current` is the resource's
 * representation as it is now.
 */
export function requireMatch(header: string | undefined, current: string) {
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
