// The work one write may cause is bounded, and bounding it changes no answer: re-anchoring
// finds the place it always found.
import fc from 'fast-check'
import t from 'tap'
import type { Block } from '../../src/db/schema.js'
import { reanchoring, type Anchored, type Location } from '../../src/resources/quotes/anchor.js'

// Re-anchoring as it was before its work was bounded: every occurrence in every block, the
// nearest kept. The bounded search must find exactly the same place.
function reference(body: Block[], text: string, old: Location): Anchored {
  const b0 = body[old.block]
  if (b0 !== undefined && old.end - old.start === text.length && b0.text.slice(old.start, old.end) === text) {
    return { anchor: 'exact', location: old }
  }
  let best: Location | null = null
  let bestDistance = Infinity
  body.forEach((b, block) => {
    for (let start = b.text.indexOf(text); start !== -1; start = b.text.indexOf(text, start + 1)) {
      const distance = Math.abs(block - old.block) * 1e9 + Math.abs(start - old.start)
      if (distance < bestDistance) {
        best = { block, start, end: start + text.length }
        bestDistance = distance
      }
    }
  })
  return best ? { anchor: 'moved', location: best } : { anchor: 'orphaned', location: null }
}

t.test('bounded re-anchoring finds the place the exhaustive search found', async (t) => {
  // Few letters, so words recur within and across blocks and ties are common.
  const text = fc.stringMatching(/^[ab ]{0,30}$/)
  const body = fc.array(text.map((s) => ({ type: 'paragraph' as const, text: s })), { minLength: 1, maxLength: 8 })
  const quote = fc.oneof(fc.stringMatching(/^[ab]{1,4}$/), fc.stringMatching(/^[ab ]{1,8}$/))
  const old = fc.record({ block: fc.nat(9), start: fc.nat(35) })
  const same = (blocks: Block[], q: string, olds: { block: number; start: number }[]) => {
    const find = reanchoring(blocks)
    return olds.every((o) => {
      const at = { block: o.block, start: o.start, end: o.start + q.length }
      return JSON.stringify(find(q, at)) === JSON.stringify(reference(blocks, q, at))
    })
  }
  t.doesNotThrow(() => fc.assert(fc.property(body, quote, fc.array(old, { minLength: 1, maxLength: 5 }), same), { numRuns: 3000 }))
  // Surrogate pairs: offsets count UTF-16 code units, in both directions.
  const emoji = [{ type: 'paragraph' as const, text: '📰 a 📰 b 📰 a 📰' }]
  t.same(reanchoring(emoji)('📰 a', { block: 0, start: 5, end: 9 }), reference(emoji, '📰 a', { block: 0, start: 5, end: 9 }))
})
