// Generating valid requests from the schemas.
import fc from 'fast-check'
import type { FixtureKind, FuzzCase, QueryEntry, Scope, Val } from './cases.js'
import type { JsonSchema, Operation, Param, Spec } from './spec.js'

export type GenOptions = {
  /** The biggest string a mutation sends, in bytes: 1 MiB quick, 10 MiB full. */
  maxBigBytes: number
}

const WORDS = ['Taliban', 'Lahore', 'Punjab', 'militant', 'Kohat', 'diplomat', 'army', 'Pakistan', 'threat', 'heartland', 'rubbish']
const SEARCHES = ['Taliban', 'Lahore OR Kohat', 'Taliban NOT Afghanistan', 'milit*', '"nerve centre"', 'Punjab AND army', 'diplomat']
// Search input: the grammar's own tokens, and what FTS5 would read as syntax, in any order.
const SEARCH_TOKENS = ['Taliban', 'milit*', 'a', 'é', '中文', 'e\u0301', '²', 'ª', '"', '""', '"a b"', '"a b"*', '"*"', '*', '**', 'a**', '*a', 'AND', 'OR', 'NOT', 'and', 'NEAR', 'NEAR(a b)', '(', ')', 'a:b', ':', '^a', '{a}', '[a]', '-a', '+a', '.', ',', "'", '\\', 'a-b', '\u0301', '\u00A0', '\u3000', '\u200B', '\uFEFF', '\u0000', '\uD800', '\u202E']
export const arbSearch = fc
  .array(fc.constantFrom(...SEARCH_TOKENS), { minLength: 1, maxLength: 8 })
  .chain((tokens) => fc.array(fc.constantFrom(' ', '', '  ', '\t'), { minLength: tokens.length, maxLength: tokens.length }).map((gaps) => tokens.map((t, i) => t + gaps[i]).join('')))

const slugArb = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 4 })
  .map((ws) => ws.join('-'))
const textArb = (min = 1, max = 40) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: max }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: max }) },
    { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
  )
    .filter((s) => s.length >= min)
const isoArb = fc
  .date({ min: new Date('1990-01-01T00:00:00.000Z'), max: new Date('2035-12-31T00:00:00.000Z'), noInvalidDate: true })
  .map((d) => d.toISOString())

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null })

const fx = (kind: FixtureKind, by: 'id' | 'slug' = 'slug') =>
  fc.nat({ max: 50 }).map((n): Val => ({ $fx: kind, by, n }))
const fxIdOrSlug = (kind: FixtureKind) => fc.oneof(fx(kind, 'slug'), fx(kind, 'id'))

// Properties and parameters that name other resources: real ones reach deeper code.
const REFERENCES: Record<string, FixtureKind> = {
  article: 'article',
  source: 'source',
  author: 'author',
  saidTo: 'author',
  tag: 'tag',
  tags: 'tag',
}

/** The resource a path parameter names, from the collection segment before it. */
export function pathResource(path: string, param: string): FixtureKind | 'revision' | undefined {
  if (param === 'number') return 'revision'
  const before = path.split('/{' + param + '}')[0]?.split('/').at(-1)
  return ({ articles: 'article', authors: 'author', sources: 'source', quotes: 'quote', tags: 'tag', webhooks: 'webhook' } as const)[
    before as 'articles'
  ]
}

function stringArb(s: JsonSchema, name: string | undefined, parent: string | undefined): fc.Arbitrary<Val> {
  const min = s.minLength ?? 0
  const max = Math.min(s.maxLength ?? 60, min + 60)
  if (s.format === 'date-time') return isoArb
  if (s.format === 'date') return isoArb.map((d) => d.slice(0, 10))
  if (s.format === 'uri') {
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('https://hooks.example.com/fuzz', 'https://partner.example/hooks/byline', 'http://93.184.216.34/in') },
      {
        weight: 1,
        // Addresses the SSRF guard must refuse, spelled every way a URL parser accepts.
        arbitrary: fc.constantFrom('http://[::1]/', 'http://0x7f.1/', 'http://2130706433/', 'http://localhost./', 'http://[::ffff:127.0.0.1]/', 'http://0/', 'http://169.254.169.254/latest', 'http://[fe80::1%25eth0]/', 'http://%31%32%37.0.0.1/', 'http:\\\\127.0.0.1\\', 'https://user:pw@example.com/', 'mailto:a@b.c', 'http://example.com:0/', 'http://[64:ff9b::7f00:1]/'),
      },
    )
  }
  const ref = REFERENCES[name ?? ''] ?? (parent === 'tags' ? 'tag' : undefined)
  const plain = (() => {
    if (typeof s.pattern === 'string') {
      if (s.pattern.startsWith('^[a-z0-9]+(?:-')) {
        // Slugs that are taken already reach the uniqueness checks.
        const taken = fc.oneof(fx('author'), fx('source'), fx('tag'), fx('article'))
        return fc.oneof({ weight: 3, arbitrary: slugArb.filter((x) => x.length <= (s.maxLength ?? 120)) }, { weight: 1, arbitrary: taken })
      }
      if (s.pattern.startsWith('^[a-z]{2,3}')) return fc.constantFrom('en', 'fr', 'ur', 'en-GB', 'de-CH-1996')
      if (s.pattern.startsWith('^[\\x21-\\x7e]')) return fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }).map((x) => x.replace(/[^\x21-\x7e]/g, 'k'))
      try {
        return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length >= min && x.length <= (s.maxLength ?? Infinity))
      } catch {
        // a pattern fast-check cannot invert: plain text, which the server may refuse
      }
    }
    return textArb(Math.max(min, 0), Math.max(max, min))
  })()
  return ref ? fc.oneof({ weight: 3, arbitrary: fxIdOrSlug(ref) }, { weight: 1, arbitrary: plain }) : plain
}

/** Values a schema accepts (mostly: cross-field rules are the server's to enforce). */
export function arbSchema(spec: Spec, schema: JsonSchema, name?: string, parent?: string, depth = 0): fc.Arbitrary<Val> {
  const s = spec.resolve(schema)
  if ('const' in s) return fc.constant(s.const as Val)
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as Val[]))
  const alternatives = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined
  if (alternatives) return fc.oneof(...alternatives.map((a) => arbSchema(spec, a, name, parent, depth + 1)))
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((t: string) => arbSchema(spec, { ...s, type: t }, name, parent, depth + 1)))
  switch (s.type) {
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
    case 'integer':
    case 'number': {
      const lo = Math.max(s.minimum ?? -1000, -1e6)
      const hi = Math.min(s.maximum ?? 1000, lo + 1000)
      return fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) })
    }
    case 'string':
      return stringArb(s, name, parent)
    case 'array': {
      const min = s.minItems ?? 0
      const max = depth > 6 ? min : Math.min(s.maxItems ?? 3, min + 3)
      return fc.array(arbSchema(spec, s.items ?? {}, undefined, name, depth + 1), { minLength: min, maxLength: max })
    }
    case 'object':
    case undefined: {
      if (!s.properties) return fc.constant(s.type === 'object' ? {} : 'x')
      const required = new Set<string>(s.required ?? [])
      const shape: Record<string, fc.Arbitrary<Val>> = {}
      for (const [k, p] of Object.entries<JsonSchema>(s.properties)) {
        if (depth > 6 && !required.has(k)) continue
        shape[k] = arbSchema(spec, p, k, name, depth + 1)
      }
      return fc.record(shape, { requiredKeys: [...required].filter((k) => k in shape) }) as fc.Arbitrary<Val>
    }
    default:
      return fc.constant(null)
  }
}

const sentence = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.stringMatching(/^[a-z]{2,9}$/), fc.constantFrom('naïve', 'Żółć', 'لاہور', '中文', 'e\u0301')), {
    minLength: 2,
    maxLength: 8,
  })
  .map((ws) => ws.join(' '))

/** Requests that pass validation and most business rules, so handlers run to the end. */
const TEMPLATES: Record<string, fc.Arbitrary<Val>> = {
  'POST /v1/articles': fc
    .record({ n: fc.nat({ max: 1_000_000 }), phrase: sentence, extra: sentence, status: fc.constantFrom('draft', 'published'), at: opt(isoArb) })
    .map(({ n, phrase, extra, status, at }) => ({
      slug: `fuzz-story-${n}`,
      headline: `Fuzz story ${extra}`,
      language: 'en',
      status,
      publishedAt: at,
      body: [
        { type: 'paragraph', text: `"${phrase}," an official said.` },
        { type: 'paragraph', text: extra },
      ],
      authors: [{ slug: `fuzz-reporter-${n % 3}`, name: 'Fuzz Reporter', role: 'reporter' }],
      sources: [{ slug: `fuzz-official-${n % 5}`, description: 'an official', kind: 'person', anonymous: true }],
      quotes: [{ text: phrase, kind: 'direct', source: `fuzz-official-${n % 5}`, cue: 'said' }],
      tags: [{ slug: 'lahore', name: 'Lahore', type: 'place' }],
    })),
  'POST /v1/authors': fc.record({ slug: slugArb, name: textArb(), title: opt(textArb()) }),
  'POST /v1/sources': fc.oneof(
    fc.record({ slug: slugArb, description: textArb(), kind: fc.constant('person'), anonymous: fc.constant(true), name: fc.constant(null) }),
    fc.record({ slug: slugArb, description: textArb(), kind: fc.constantFrom('person', 'organization', 'group'), anonymous: fc.constant(false), name: textArb() }),
  ),
  'POST /v1/tags': fc.record({ slug: slugArb, name: textArb(), type: fc.constantFrom('subject', 'place', 'organization', 'person') }),
  'POST /v1/quotes': fc.record({
    article: fxIdOrSlug('article'),
    text: fx('quoteText'),
    kind: fc.constantFrom('direct', 'partial', 'paraphrase'),
    source: fxIdOrSlug('source'),
    saidTo: opt(fxIdOrSlug('author')),
  }),
  'POST /v1/webhooks': fc.record(
    {
      url: fc.constantFrom('https://hooks.example.com/fuzz', 'https://partner.example/hooks/byline'),
      events: fc.subarray(['*', 'article.created', 'quote.deleted', 'tag.updated'], { minLength: 1 }),
      secret: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }),
    },
    { requiredKeys: ['url', 'events'] },
  ),
  'PATCH /v1/articles/{idOrSlug}': fc.oneof(
    fc.record({ headline: textArb() }),
    fc.record({ tags: fc.array(fxIdOrSlug('tag'), { maxLength: 3 }) }),
    fc.record({ authors: fc.array(fc.record({ author: fxIdOrSlug('author'), role: fc.constantFrom('byline', 'editor') }), { maxLength: 2 }) }),
    fc.record({ status: fc.constantFrom('published', 'withdrawn', 'draft') }),
    fc.record({ standfirst: opt(textArb()), correction: fc.record({ kind: fc.constantFrom('correction', 'update'), note: textArb() }) }),
    fc.record({ publishedAt: opt(isoArb) }),
  ),
  'PATCH /v1/quotes/{id}': fc.oneof(
    fc.record({ kind: fc.constantFrom('direct', 'partial', 'paraphrase') }),
    fc.record({ cue: opt(textArb()), source: fxIdOrSlug('source') }),
    fc.record({ saidTo: opt(fxIdOrSlug('author')) }),
  ),
}

/** The names a comma-separated list parameter allows, from its description. */
const listedNames = (p: Param) => /one or more of: ([^.]+)\./.exec(p.description ?? '')?.[1]?.split(', ').filter(Boolean) ?? []

function paramArb(spec: Spec, op: Operation, p: Param): fc.Arbitrary<Val> {
  if (p.in === 'path') {
    const kind = pathResource(op.path, p.name)
    const plain = arbSchema(spec, p.schema, p.name)
    if (kind === 'revision') return fc.integer({ min: 1, max: 4 })
    if (kind === 'quote' || kind === 'webhook') return fc.oneof({ weight: 5, arbitrary: fx(kind, 'id') }, { weight: 1, arbitrary: plain })
    if (kind) return fc.oneof({ weight: 5, arbitrary: fxIdOrSlug(kind) }, { weight: 1, arbitrary: plain })
    return plain
  }
  if (p.in === 'header') {
    if (p.name === 'if-match') return fc.oneof({ weight: 8, arbitrary: fc.constant<Val>({ $etag: 1 }) }, { weight: 1, arbitrary: fc.constant('*') })
    return arbSchema(spec, p.schema, p.name)
  }
  switch (p.name) {
    case 'include':
    case 'fields': {
      const names = listedNames(p)
      return names.length
        ? fc.subarray(names, { minLength: 1, maxLength: Math.min(3, names.length) }).map((a) => a.join(','))
        : arbSchema(spec, p.schema, p.name)
    }
    case 'format':
      return fc.constantFrom('json', 'ninjs', 'jsonld')
    case 'cursor':
    case 'since':
      return fc.constant<Val>({ $cursor: 'real' })
    case 'wait':
      return fc.constant(0)
    case 'q':
      return op.path === '/v1/search' || op.path.endsWith('/articles') || op.path === '/v1/quotes'
        ? fc.oneof(fc.constantFrom(...SEARCHES), arbSearch)
        : fc.constantFrom('a', 'Tucker', 'dip', 'Pakistani', 'lahore', '%', '_', '\\')
    default:
      return arbSchema(spec, p.schema, p.name)
  }
}

/** A request to `op` the contract allows, with a key that may call it. */
export function arbValid(spec: Spec, op: Operation): fc.Arbitrary<FuzzCase> {
  const auth: fc.Arbitrary<Scope> =
    op.scope === 'admin' ? fc.constant('admin') : op.scope === 'write' ? fc.constantFrom('write', 'admin') : fc.constantFrom('none', 'read', 'write', 'admin')
  const path: Record<string, fc.Arbitrary<Val>> = {}
  const query: fc.Arbitrary<QueryEntry | null>[] = []
  const headers: Record<string, fc.Arbitrary<Val>> = {}
  const requiredHeaders: string[] = []
  for (const p of op.params) {
    const arb = paramArb(spec, op, p)
    if (p.in === 'path') path[p.name] = arb
    else if (p.in === 'query') {
      const entry = arb.map((v) => ({ k: p.name, v }))
      query.push(p.required ? entry : fc.option(entry, { freq: 2, nil: null }))
    } else {
      headers[p.name] = arb
      if (p.name === 'if-match') requiredHeaders.push(p.name)
    }
  }
  const body = op.body
    ? TEMPLATES[op.key]
      ? fc.oneof({ weight: 2, arbitrary: TEMPLATES[op.key]! }, { weight: 1, arbitrary: arbSchema(spec, op.body) })
      : arbSchema(spec, op.body)
    : fc.constant(undefined)
  return fc
    .record({
      auth,
      path: fc.record(path),
      query: fc.tuple(...query),
      headers: fc.record(headers, { requiredKeys: requiredHeaders.filter((h) => h in headers) }),
      body,
    })
    .map(({ auth, path, query, headers, body }) => {
      const c: FuzzCase = { op: op.key, auth, path, query: query.filter((q): q is QueryEntry => q !== null), headers: headers as Record<string, Val> }
      if (body !== undefined) c.body = body
      return c
    })
}

