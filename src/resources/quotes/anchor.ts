import type { Block } from '../../db/schema.js'

export type Location = { block: number; start: number; end: number }

export class AnchorError extends Error {}

/**
 * Finds where a quote's text stands in a body. The text must occur verbatim exactly once
 * (in the given block, when one is named); a quote never points at words the story lacks.
 */
export function anchorQuote(body: Block[], text: string, hint?: { block: number; start?: number }): Location {
  if (text.length === 0) throw new AnchorError('quote text is empty')
  if (hint?.start !== undefined) {
    const location = { block: hint.block, start: hint.start, end: hint.start + text.length }
    if (!isAnchored(body, text, location)) {
      throw new AnchorError(`"${text}" does not stand at block ${hint.block}, offset ${hint.start}`)
    }
    return location
  }
  const found: Location[] = []
  body.forEach((b, block) => {
    if (hint && hint.block !== block) return
    for (let start = b.text.indexOf(text); start !== -1; start = b.text.indexOf(text, start + 1)) {
      found.push({ block, start, end: start + text.length })
    }
  })
  if (found.length === 0) throw new AnchorError(`"${text}" is not in the article body`)
  if (found.length > 1) throw new AnchorError(`"${text}" occurs ${found.length} times; give its location`)
  return found[0]!
}

/** The invariant every stored quote keeps: body[block].text.slice(start, end) === text. */
export function isAnchored(body: Block[], text: string, { block, start, end }: Location): boolean {
  const b = body[block]
  return b !== undefined && end - start === text.length && b.text.slice(start, end) === text
}

export type Anchored = { anchor: 'exact' | 'moved'; location: Location } | { anchor: 'orphaned'; location: null }

/**
 * Where a stored quote stands after its story's body changed: at the same place (`exact`),
 * at another occurrence of its words (`moved`: the one nearest its old place, the same
 * block first), or nowhere (`orphaned`).
 */
export function reanchor(body: Block[], text: string, old: Location): Anchored {
  if (isAnchored(body, text, old)) return { anchor: 'exact', location: old }
  let best: Location | null = null
  let bestDistance = Infinity
  body.forEach((b, block) => {
    for (let start = b.text.indexOf(text); start !== -1; start = b.text.indexOf(text, start + 1)) {
      // Blocks weigh more than offsets: a quote stays in its paragraph when it can.
      const distance = Math.abs(block - old.block) * 1e9 + Math.abs(start - old.start)
      if (distance < bestDistance) {
        best = { block, start, end: start + text.length }
        bestDistance = distance
      }
    }
  })
  return best ? { anchor: 'moved', location: best } : { anchor: 'orphaned', location: null }
}
