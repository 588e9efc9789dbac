// Round trips: a write with text that is hard to represent, then every read that shows it.
import fc from 'fast-check'
import type { FixtureKind, FuzzCase, SeqCase, Val } from './cases.js'
import { arbBig, NASTY_STRINGS, weirdString } from './hostile.js'
import { applyMutations } from './mutate.js'
import type { Operation, Spec } from './spec.js'
import { arbValid, pathResource, type GenOptions } from './valid.js'

const WRITES = [
  'POST /v1/articles',
  'PATCH /v1/articles/{idOrSlug}',
  'POST /v1/authors',
  'PATCH /v1/authors/{idOrSlug}',
  'POST /v1/sources',
  'PATCH /v1/sources/{idOrSlug}',
  'POST /v1/tags',
  'PATCH /v1/tags/{idOrSlug}',
  'POST /v1/quotes',
  'PATCH /v1/quotes/{id}',
]

const read = (op: string, query: [string, string][] = [], path: Record<string, Val> = {}): FuzzCase => ({
  op,
  auth: 'write',
  path,
  query: query.map(([k, v]) => ({ k, v })),
  headers: {},
})
// By id: a write may change the slug.
const first = (kind: FixtureKind): Val => ({ $fx: kind, by: 'id', n: 0 })
const article = { idOrSlug: first('article') }

/** Where written text shows: every representation of the seeded story, the lists, the feeds. */
export const READS: FuzzCase[] = [
  read('GET /v1/articles/{idOrSlug}', [], article),
  read('GET /v1/articles/{idOrSlug}', [['format', 'ninjs']], article),
  read('GET /v1/articles/{idOrSlug}', [['format', 'jsonld']], article),
  read('GET /v1/articles', [['limit', '100'], ['include', 'authors,tags,body,quotes,quotes.source,quotes.saidTo'], ['sort', '-updatedAt']]),
  read('GET /v1/articles/{idOrSlug}/quotes', [['limit', '100'], ['include', 'article']], article),
  read('GET /v1/articles/{idOrSlug}/revisions', [], article),
  read('GET /v1/articles/{idOrSlug}/revisions/{number}/diff', [['from', '1']], { ...article, number: 2 }),
  read('GET /v1/authors', [['limit', '100']]),
  read('GET /v1/sources', [['limit', '100']]),
  read('GET /v1/tags', [['limit', '100']]),
  read('GET /v1/quotes', [['limit', '100']]),
  read('GET /v1/search', [['q', 'a*']]),
  read('GET /v1/changes', [['limit', '1000']]),
  read('GET /v1/corrections'),
  read('GET /v1/feeds/articles.rss'),
  read('GET /v1/feeds/articles.atom'),
  read('GET /v1/feeds/articles.json'),
  read('GET /v1/authors/{idOrSlug}/feed.rss', [], { idOrSlug: first('author') }),
  read('GET /v1/tags/{idOrSlug}/feed.atom', [], { idOrSlug: first('tag') }),
]

/** Text a schema accepts that is hard to store, escape or serialize. */
export const arbHardText = (opts: GenOptions): fc.Arbitrary<Val> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS.filter((x) => x.length > 0)) },
    { weight: 3, arbitrary: weirdString.filter((x) => x.length > 0) },
    { weight: 2, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((n) => String.fromCharCode(n)), minLength: 1, maxLength: 4 }) },
    { weight: 2, arbitrary: fc.constantFrom(']]>', '<![CDATA[x]]>', '&amp;', '&#0;', '&#xD800;', '<a href="javascript:x">', '\uFFFE', '\uFFFF', '--><!--', '</script>') },
    { weight: 1, arbitrary: arbBig(Math.min(opts.maxBigBytes, 64 * 1024)).filter((b) => (b as { bytes: number }).bytes > 0) },
  )

/** One write (admin key, on the first fixture) whose strings are hard, then every read. */
export function arbRoundTrip(spec: Spec, opts: GenOptions): fc.Arbitrary<SeqCase> {
  const writes = WRITES.map((key) => spec.byKey.get(key)).filter((op): op is Operation => op !== undefined)
  const texts = fc.array(fc.record({ m: fc.constant('text' as const), n: fc.nat({ max: 60 }), v: arbHardText(opts) }), { minLength: 1, maxLength: 3 })
  return fc.oneof(
    ...writes.map((op) =>
      fc.tuple(arbValid(spec, op), texts).map(([base, ms]): SeqCase => {
        const path = Object.fromEntries(Object.keys(base.path).map((k) => [k, first(pathResource(op.path, k) as FixtureKind)]))
        return { seq: [applyMutations({ ...base, auth: 'admin', path }, ms), ...READS] }
      }),
    ),
  )
}

