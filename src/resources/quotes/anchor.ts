import type { Block } from '../../db/schema.js'

export type Location = { block: number; start: number; end: number }

export class AnchorError extends Error {}

/**
 * Finds where a quote's text stands in a body. The text must occur verbatim exactly once
 * (in the given block, when one is named); a quote never points at words the story lacks.
 */
export function anchorQuote(body: Block[], text: string, hint?: { block: number; start?: number }): Location {
  return anchoring(body)(text, hint)
}

/** anchorQuote for many quotes of one body: the body is prepared once. */
export function anchoring(body: Block[]) {
  let whole: JoinedBody | undefined
  return (text: string, hint?: { block: number; start?: number }): Location => {
    if (text.length === 0) throw new AnchorError('quote text is empty')
    if (hint?.start !== undefined) {
      const location = { block: hint.block, start: hint.start, end: hint.start + text.length }
      if (!isAnchored(body, text, location)) {
        throw new AnchorError(`"${text}" does not stand at block ${hint.block}, offset ${hint.start}`)
      }
      return location
    }
    const found = hint ? occurrencesInBlock(body, hint.block, text) : (whole ??= joinedBody(body)).occurrences(text)
    if (!found.first) throw new AnchorError(`"${text}" is not in the article body`)
    if (found.count > 1) {
      throw new AnchorError(`"${text}" occurs ${found.count < MAX_COUNTED ? found.count : `${MAX_COUNTED} or more`} times; give its location`)
    }
    return found.first
  }
}

// Occurrences are counted up to a bound: words that recur at every position ("a a a …")
// would otherwise make anchoring a walk over every one of them.
const MAX_COUNTED = 100

type Occurrences = { first: Location | undefined; count: number }

function occurrencesInBlock(body: Block[], block: number, text: string): Occurrences {
  const b = body[block]?.text ?? ''
  let first: Location | undefined
  let count = 0
  for (let start = b.indexOf(text); start !== -1 && count < MAX_COUNTED; start = b.indexOf(text, start + 1)) {
    first ??= { block, start, end: start + text.length }
    count++
  }
  return { first, count }
}

const SEPARATOR = '\u0000'

type JoinedBody = ReturnType<typeof joinedBody>

/**
 * The body's texts joined by a separator, with where each block starts: one search over it
 * does the work of one per block, and a string search's cost is mostly per search on words
 * that recur (its skip tables are built anew each time). A match across a separator is not
 * an occurrence; the callers then fall back to searching block by block.
 */
function joinedBody(body: Block[]) {
  const text = body.map((b) => b.text).join(SEPARATOR)
  const starts: number[] = []
  for (let i = 0, at = 0; i < body.length; at += body[i]!.text.length + 1, i++) starts.push(at)
  let reversed: string | undefined

  /** The block holding [s, s + length) of the joined text, or -1 when it spans a separator. */
  function blockOf(s: number, length: number): number {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= s) lo = mid
      else hi = mid - 1
    }
    return s + length <= starts[lo]! + body[lo]!.text.length ? lo : -1
  }

  return {
    text,
    blockOf,
    /** Where block `block` starts and ends in the joined text; past the last block, its end. */
    startOf: (block: number) => (block < body.length ? starts[block]! : text.length),
    endOf: (block: number) => (block < body.length ? starts[block]! + body[block]!.text.length : text.length),
    /** The last occurrence starting at or before `last`, or -1; `reversedNeedle` is the text reversed. */
    lastAtOrBefore(reversedNeedle: string, last: number): number {
      if (last < 0) return -1
      reversed ??= reverseUnits(text)
      const r = reversed.indexOf(reversedNeedle, text.length - last - reversedNeedle.length)
      return r === -1 ? -1 : text.length - r - reversedNeedle.length
    },
    occurrences(needle: string): Occurrences {
      let first: Location | undefined
      let count = 0
      for (let s = text.indexOf(needle); s !== -1 && count < MAX_COUNTED; s = text.indexOf(needle, s + 1)) {
        const block = blockOf(s, needle.length)
        if (block === -1) return occurrencesBlockByBlock(body, needle)
        first ??= { block, start: s - starts[block]!, end: s - starts[block]! + needle.length }
        count++
      }
      return { first, count }
    },
  }
}

function occurrencesBlockByBlock(body: Block[], text: string): Occurrences {
  let first: Location | undefined
  let count = 0
  for (let block = 0; block < body.length && count < MAX_COUNTED; block++) {
    const found = occurrencesInBlock(body, block, text)
    first ??= found.first
    count += found.count
  }
  return { first, count: Math.min(count, MAX_COUNTED) }
}

/** The invariant every stored quote keeps: body[block].text.slice(start, end) === text. */
export function isAnchored(body: Block[], text: string, { block, start, end }: Location): boolean {
  const b = body[block]
  return b !== undefined && end - start === text.length && b.text.slice(start, end) === text
}

export type Anchored = { anchor: 'exact' | 'moved'; location: Location } | { anchor: 'orphaned'; location: null }

/**
 * Where stored quotes stand after their story's body changed: at the same place (`exact`),
 * at another occurrence of their words (`moved`: the one nearest the old place, the same
 * block first), or nowhere (`orphaned`). Made once per body, then asked once per quote.
 *
 * A quote costs at most about one pass over the body, however often its words recur: one
 * search each way over the whole body from its old block finds the nearest blocks that hold
 * the words, and two searches in each of those find the occurrences on either side of the
 * old offset (the one before it as the first in the reversed text), never a walk over every
 * occurrence. With the caps on blocks, bodies and quotes, an edit's re-anchoring is bounded.
 */
export function reanchoring(body: Block[]) {
  const whole = joinedBody(body)
  const blockReversed: (string | undefined)[] = []
  const reversedText = new Map<string, string>()
  const reversedOf = (text: string) => {
    let r = reversedText.get(text)
    if (r === undefined) reversedText.set(text, (r = reverseUnits(text)))
    return r
  }

  /** The occurrence in one block nearest `offset`: the earlier one on a tie. */
  function nearest(block: number, text: string, offset: number): { start: number; distance: number } | null {
    const b = body[block]!.text
    const after = b.indexOf(text, offset)
    let before = -1
    if (offset > 0) {
      const reversed = (blockReversed[block] ??= reverseUnits(b))
      const r = reversed.indexOf(reversedOf(text), Math.max(0, b.length - offset - text.length + 1))
      if (r !== -1) before = b.length - r - text.length
    }
    if (before === -1 && after === -1) return null
    if (after === -1 || (before !== -1 && offset - before <= after - offset)) return { start: before, distance: offset - before }
    return { start: after, distance: after - offset }
  }

  /** Of the blocks `d` away from the old one, the occurrence nearest the old offset. */
  function atDistance(text: string, old: Location, d: number): Anchored | null {
    // Blocks weigh more than offsets: a quote stays in its paragraph when it can; of two
    // blocks as far from its own, the nearer offset wins, then the earlier block.
    const lowerBlock = old.block - d
    const upperBlock = old.block + d
    const lower = lowerBlock >= 0 && lowerBlock < body.length ? nearest(lowerBlock, text, old.start) : null
    const upper = d > 0 && upperBlock < body.length ? nearest(upperBlock, text, old.start) : null
    const best = upper && (!lower || upper.distance < lower.distance) ? { block: upperBlock, ...upper } : lower && { block: lowerBlock, ...lower }
    return best && { anchor: 'moved', location: { block: best.block, start: best.start, end: best.start + text.length } }
  }

  /** Block by block outward: only needed when a search over the joined text met a separator. */
  function outward(text: string, old: Location): Anchored {
    for (let d = 0; old.block - d >= 0 || old.block + d < body.length; d++) {
      const found = atDistance(text, old, d)
      if (found) return found
    }
    return { anchor: 'orphaned', location: null }
  }

  return (text: string, old: Location): Anchored => {
    if (isAnchored(body, text, old)) return { anchor: 'exact', location: old }
    if (text.length === 0) return { anchor: 'orphaned', location: null }
    // The first occurrence in a block at or after the old one, and the last in one at or before it.
    const forward = whole.text.indexOf(text, whole.startOf(old.block))
    const backward = whole.lastAtOrBefore(reversedOf(text), whole.endOf(old.block) - text.length)
    if (forward === -1 && backward === -1) return { anchor: 'orphaned', location: null }
    const upper = forward === -1 ? null : whole.blockOf(forward, text.length)
    const lower = backward === -1 ? null : whole.blockOf(backward, text.length)
    if (upper === -1 || lower === -1) return outward(text, old)
    const d = Math.min(upper === null ? Infinity : upper - old.block, lower === null ? Infinity : old.block - lower)
    return atDistance(text, old, d) ?? outward(text, old)
  }
}

/** The UTF-16 code units of a string in reverse order, so offsets map one to one. */
function reverseUnits(s: string): string {
  const units = new Array<string>(s.length)
  for (let i = 0; i < s.length; i++) units[s.length - 1 - i] = s[i]!
  return units.join('')
}
