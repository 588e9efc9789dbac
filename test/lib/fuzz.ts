// Schema-aware fuzzing of the whole API: requests are generated from the served OpenAPI
// document, mutated, sent (in-process or over a socket) and every answer is held to the
// contract. Shared by test/fuzz.test.ts (quick mode) and bench/fuzz.ts (full mode).
//
// A case is plain JSON so a failing one can be saved and replayed. Values that depend on
// the database (ids, ETags, cursors, key secrets) and values too big to store (1 MiB
// strings, 10,000 nested arrays) are markers, expanded only when the request is built.
import { connect } from 'node:net'
import { readFileSync, writeFileSync } from 'node:fs'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import formatsPlugin from 'ajv-formats'
import fc from 'fast-check'
import { XMLValidator } from 'fast-xml-parser'
import { request as undiciRequest } from 'undici'
import { buildApp, type App } from '../../src/app.js'
import { createKey, revokeKey } from '../../src/core/keys.js'
import { openDb, type Db } from '../../src/db/client.js'
import { migrateDb } from '../../src/db/migrate.js'
import { seedDb } from '../../seed/load.js'

// A CommonJS module: under NodeNext its default import is the module, the plugin is on it.
const addFormats = formatsPlugin.default

export const SEED_SLUG = 'islamic-militant-threat-grows-in-pakistani-heartland'
export const REGRESSIONS_FILE = new URL('../fixtures/fuzz-regressions.json', import.meta.url)

// ---------------------------------------------------------------------------------------
// Cases

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

type FixtureKind = 'article' | 'author' | 'source' | 'quote' | 'tag' | 'webhook' | 'quoteText'
const MARKERS = ['$fx', '$etag', '$token', '$cat', '$big', '$deep', '$cursor'] as const
type Marker =
  | { $fx: FixtureKind; by?: 'id' | 'slug'; n?: number }
  | { $etag: 1 }
  | { $token: Scope }
  | { $cat: Val[] }
  | { $big: string; bytes: number }
  | { $deep: number; kind?: 'array' | 'object' }
  | { $cursor: 'real' | 'forged'; values?: Val[]; tag?: string }

const isObject = (v: unknown): v is Record<string, Val> => typeof v === 'object' && v !== null && !Array.isArray(v)
const markerOf = (v: Val): Marker | undefined =>
  isObject(v) && MARKERS.some((m) => Object.hasOwn(v, m)) ? (v as unknown as Marker) : undefined

/** An object from entries, `__proto__` and `constructor` included as own keys. */
export function objOf(entries: [string, Val][]): Record<string, Val> {
  const o: Record<string, Val> = {}
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
  return o
}

// ---------------------------------------------------------------------------------------
// The contract

export type JsonSchema = Record<string, any>
export type Param = { name: string; in: 'path' | 'query' | 'header'; required: boolean; schema: JsonSchema; description?: string }
export type Operation = {
  key: string
  method: string
  path: string
  params: Param[]
  body?: JsonSchema
  /** status → media type → schema ({} for a documented response without content). */
  responses: Record<string, Record<string, JsonSchema>>
  scope: 'public' | 'read' | 'write' | 'admin'
}

const COMPONENTS_ID = 'urn:byline:components'
const rewriteRefs = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(rewriteRefs)
  if (!isObject(node)) return node
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(node)) {
    out[k] = k === '$ref' && typeof v === 'string' ? v.replace('#/components/schemas/', `${COMPONENTS_ID}#/$defs/`) : rewriteRefs(v)
  }
  return out
}

export class Spec {
  readonly ops: Operation[]
  readonly byKey = new Map<string, Operation>()
  readonly schemas: Record<string, JsonSchema>
  private ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true })
  private compiled = new Map<string, ValidateFunction>()
  readonly problem: ValidateFunction
  /** IPTC's published ninjs schema (vendored in test/fixtures): ninjs is more than "an object". */
  readonly ninjs: ValidateFunction

  constructor(readonly doc: any) {
    this.schemas = doc.components?.schemas ?? {}
    addFormats(this.ajv)
    this.ajv.addSchema({ $id: COMPONENTS_ID, $defs: rewriteRefs(this.schemas) })
    this.problem = this.ajv.compile({ $ref: `${COMPONENTS_ID}#/$defs/Problem` })
    const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'))
    this.ajv.addSchema(fixture('GeoJSON-schema.json'))
    this.ajv.addSchema(fixture('ninjs-schema_3.1.json'))
    this.ninjs = this.ajv.getSchema('http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json')!
    this.ops = []
    for (const [path, item] of Object.entries<any>(doc.paths ?? {})) {
      for (const [method, op] of Object.entries<any>(item)) {
        const scopes: string[] = (op.security ?? []).flatMap((s: Record<string, string[]>) => s.apiKey ?? [])
        const responses: Operation['responses'] = {}
        for (const [status, r] of Object.entries<any>(op.responses ?? {})) {
          responses[status] = Object.fromEntries(Object.entries<any>(r.content ?? {}).map(([media, c]) => [media, c.schema ?? {}]))
        }
        const operation: Operation = {
          key: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          path,
          params: (op.parameters ?? []).map((p: any) => ({
            name: p.name,
            in: p.in,
            required: Boolean(p.required),
            schema: p.schema ?? {},
            description: p.description,
          })),
          body: op.requestBody?.content?.['application/json']?.schema,
          responses,
          // An empty security list: the operation takes no key and ignores one.
          scope: op.security?.length === 0 ? 'public' : scopes.includes('admin') ? 'admin' : scopes.includes('write') ? 'write' : 'read',
        }
        this.ops.push(operation)
        this.byKey.set(operation.key, operation)
      }
    }
  }

  /**
   * The operation a request path reaches. Cases are built for one operation, but a raw
   * `/` in a parameter, or `%2e%2e` (a dot segment to WHATWG URL parsing, as inject does),
   * takes the request elsewhere: it is held to the contract of where it went.
   */
  route(method: string, url: string, normalize: boolean): Operation | undefined {
    let path = url.split('?', 1)[0]!.split('#', 1)[0]!
    if (normalize) {
      try {
        path = new URL(path, 'http://localhost').pathname
      } catch {
        return undefined
      }
    }
    const segments = path.split('/')
    const m = method === 'HEAD' ? 'GET' : method
    return this.ops.find((op) => {
      if (op.method !== m) return false
      const template = op.path.split('/')
      return template.length === segments.length && template.every((t, i) => (t.startsWith('{') ? segments[i] !== '' : t === segments[i]))
    })
  }

  resolve(s: JsonSchema): JsonSchema {
    let seen = 0
    while (typeof s.$ref === 'string' && seen++ < 20) {
      const name = s.$ref.replace('#/components/schemas/', '')
      s = { ...this.schemas[name], ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== '$ref')) }
    }
    return s
  }

  /**
   * The validator of one documented response. `sparse`: a list asked for `fields`, whose
   * items hold only the fields named and `id` (the schema's description says so).
   */
  validator(op: Operation, status: string, media: string, sparse: boolean): ValidateFunction | undefined {
    const key = `${op.key} ${status} ${media} ${sparse}`
    let v = this.compiled.get(key)
    if (v) return v
    const schema = op.responses[status]?.[media]
    if (!schema) return undefined
    let s: JsonSchema = structuredClone(schema)
    if (sparse) {
      s = this.resolve(s)
      const items = s.properties?.data?.items
      if (items) {
        const item = this.resolve(items)
        s = { ...s, properties: { ...s.properties, data: { ...s.properties.data, items: { ...item, required: ['id'] } } } }
      }
    }
    v = this.ajv.compile(rewriteRefs(s) as object)
    this.compiled.set(key, v)
    return v
  }

  errorsText(v: ValidateFunction) {
    return this.ajv.errorsText(v.errors, { separator: '; ' })
  }
}

// ---------------------------------------------------------------------------------------
// Generating valid requests from the schemas

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
function pathResource(path: string, param: string): FixtureKind | 'revision' | undefined {
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

// ---------------------------------------------------------------------------------------
// Mutations

export type Mutation =
  | { m: 'query'; k: string; v: Val; raw?: boolean }
  | { m: 'dropQuery'; k: string }
  | { m: 'path'; k: string; v: Val; raw?: boolean }
  | { m: 'header'; k: string; v: Val }
  | { m: 'dropHeader'; k: string }
  | { m: 'auth'; v: Scope }
  | { m: 'contentType'; v: string | null }
  | { m: 'rawBody'; v: Val }
  | { m: 'body'; v: Val }
  | { m: 'bodySet'; at: number[]; key?: string; v: Val }
  | { m: 'bodyDrop'; at: number[] }
  | { m: 'method'; v: string }
  /** Replaces the n-th string in the body (depth first). */
  | { m: 'text'; n: number; v: Val }

export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uDBFFy',
  '\u202E',
  'abc\u202Edef',
  '\uFEFF',
  '\u200B',
  '\u2028',
  '\u0085',
  '😀',
  'e\u0301',
  'İ',
  '\t',
  '\r\n',
  '..%2f',
  '..%2f..%2fetc%2fpasswd',
  '../../etc/passwd',
  '..\\..\\',
  '%00',
  '%',
  '%zz',
  '%2e%2e%2f',
  '%C0%AE',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1e309',
  '-1',
  '0',
  '-0',
  '1.5',
  '9007199254740993',
  '99999999999999999999999999',
  '0x10',
  '1e3',
  ' 1',
  '+1',
  "' OR '1'='1",
  '"; drop table articles; --',
  'select * from articles',
  '<script>alert(1)</script>',
  '${7*7}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '*',
  '"*"',
  'W/"x"',
  ',',
  ',,,',
  'true',
  'false',
  '[]',
  '{}',
  '\\',
  '"',
  "'",
  'a'.repeat(201),
  'a'.repeat(1025),
  'AND',
  'NOT',
  'OR',
  '"unterminated',
  'a*b',
  '*a',
  'NEAR(a b)',
  'col:val',
  '^a',
  '(a)',
  '9999-12-31T23:59:59-23:59',
  '0000-01-01',
  '2009-02-29',
  '2024-02-30T00:00:00Z',
  '2020-01-01T00:00:00.0000000000000000001Z',
]

const NUMBERS = [0, -1, 1, -0, 0.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 53, -(2 ** 53), 2 ** 53 + 2, 1e308, -1e308, 5e-324, 1e21, 1.7976931348623157e308]

const weirdChar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('\u0000', '\uD800', '\uDC00', '\u202E', '\u202D', '\uFEFF', '\u200B', '\u2028', '\u0085', '\u00A0', '\t', '\n', '"', '\\', '/', '%', '&', '=', '?', '#', '<', "'", '😀', 'é', 'ß', 'ا', '中', '*', '-', ',') },
  { weight: 5, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
)
const weirdString = fc.string({ unit: weirdChar, maxLength: 24 })

export const arbBig = (maxBytes: number): fc.Arbitrary<Val> =>
  fc
    .record({
      unit: fc.constantFrom('a', 'é', '😀', '\u0000', '\uD800', ' ', '\u202E', '"', '%00', 'ab,'),
      bytes: fc.constantFrom(...[0, 255, 256, 1024, 8 * 1024 + 1, 64 * 1024, 1 << 20, 4 << 20, 10 << 20].filter((b) => b <= maxBytes)),
    })
    .map(({ unit, bytes }) => ({ $big: unit, bytes }))

const arbDeep: fc.Arbitrary<Val> = fc
  .record({ n: fc.constantFrom(10, 100, 1000, 10_000), kind: fc.constantFrom('array' as const, 'object' as const) })
  .map(({ n, kind }) => ({ $deep: n, kind }))

const PROTECTED_KEYS = ['id', 'version', 'createdAt', 'updatedAt', '__proto__', 'constructor', 'prototype', 'status', 'slug', 'anchor', 'seq']
const keyArb = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PROTECTED_KEYS) }, { weight: 1, arbitrary: weirdString })

/** Hostile values: wrong types, edge strings and numbers, prototype keys, huge and deep. */
export function arbNasty(opts: GenOptions): fc.Arbitrary<Val> {
  const scalar: fc.Arbitrary<Val> = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 3, arbitrary: weirdString },
    { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.constantFrom<Val>(true, false, null) },
  )
  const protectedValue = fc.oneof(scalar, fc.constantFrom<Val>('art_01jd6m7x4q9s2t8v3w5y7z1a2b', 99, '2020-01-01T00:00:00.000Z', { polluted: true }))
  return fc.oneof(
    { weight: 12, arbitrary: scalar },
    { weight: 2, arbitrary: fc.array(scalar, { maxLength: 4 }) },
    { weight: 2, arbitrary: fc.array(fc.tuple(keyArb, protectedValue), { maxLength: 4 }).map(objOf) },
    { weight: 1, arbitrary: arbBig(opts.maxBigBytes) },
    { weight: 1, arbitrary: arbDeep },
  )
}

const forgedCursor: fc.Arbitrary<Val> = fc.oneof(
  fc.constant<Val>({ $cursor: 'real' }),
  fc.record({ values: fc.array(fc.oneof(fc.constantFrom<Val>(...NUMBERS, '', null, true, {}, [], 'a'.repeat(600)), weirdString), { maxLength: 4 }) }).map(
    ({ values }): Val => ({ $cursor: 'forged', values }),
  ),
  fc
    .record({ tag: fc.constantFrom('changes', 'newest', 'relevance', 'position', 'created', 'number', 'x', ''), values: fc.array(fc.constantFrom<Val>(...NUMBERS, 'a', null), { maxLength: 3 }) })
    .map(({ tag, values }): Val => ({ $cursor: 'forged', tag, values })),
  fc.constantFrom('WyJjaGFuZ2VzIiw5OTk5OTk5OTk5OTk5OTk5OTk5XQ', 'eyJfX3Byb3RvX18iOnt9fQ', 'W10', 'bnVsbA', 'AAAA', '====', 'WyJjaGFuZ2VzIiwtMV0'),
)

const HEADER_VALUES: Record<string, fc.Arbitrary<Val>> = {
  'if-match': fc.constantFrom<Val>('*', '"abc"', 'W/"x"', '"a", "b"', '*, "x"', ' ', ',', { $etag: 1 }, { $cat: ['W/', { $etag: 1 }] }, { $cat: [{ $etag: 1 }, ', *'] }),
  'idempotency-key': fc.oneof(fc.uuid(), fc.constantFrom('k', 'same-key', 'a'.repeat(255), 'a'.repeat(256))),
  authorization: fc.constantFrom<Val>(
    'Bearer',
    'Bearer ',
    'Bearer  ',
    'bearer x',
    'Basic dXNlcjpwYXNz',
    'Bearer byl_AAAAAAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    { $cat: ['bearer ', { $token: 'admin' }] },
    { $cat: ['Bearer ', { $token: 'write' }, ' '] },
    { $cat: ['Bearer ', { $token: 'admin' }, ', Bearer x'] },
    { $cat: ['Bearer ', { $token: 'read' }] },
  ),
  accept: fc.constantFrom('application/ninjs+json', 'application/ld+json', 'text/html', '*/*;q=0', 'application/json;q=abc', 'application/*', 'text/event-stream', 'application/rss+xml', ';;;', 'application/json, application/ld+json;q=1.0001'),
  'content-type': fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-16'),
  'x-request-id': fc.constantFrom('abc', '../../x', 'a'.repeat(65)),
  host: fc.constantFrom('example.com', '[::1]:80', 'exa mple.com', 'a:b:c', '', 'localhost:99999', 'xn--nxasmq6b'),
  origin: fc.constantFrom('https://partner.example', 'null', '*'),
  'accept-language': fc.constantFrom('en', '*', 'x'),
  'if-none-match': fc.constantFrom<Val>('*', '"abc"', { $etag: 1 }),
  'if-modified-since': fc.constantFrom('Thu, 01 Jan 1970 00:00:00 GMT', 'yesterday', 'Fri, 31 Dec 9999 23:59:59 GMT'),
}
const HEADER_NAMES = Object.keys(HEADER_VALUES)

const CONTENT_TYPES: (string | null)[] = [
  null,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'application/merge-patch+json',
  'application/problem+json',
  'application/jsonx',
  'application/json, text/plain',
  'application/xml',
  '',
  ';',
]

const MALFORMED_JSON = ['', ' ', '{', '}', '{"a":}', '{"a":1,}', "{'a':1}", '[1,2', 'nul', 'NaN', '{"a":NaN}', '{"a":Infinity}', '\uFEFF{}', '{"a":"\\uD800"}', '{"a":"\\x00"}', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '{"a":1}{"b":2}', '"string"', '123', 'true', 'null', '{"a":1e999}', '{"a":"\u0000"}', '\u0000']

export function arbMutation(spec: Spec, op: Operation, opts: GenOptions): fc.Arbitrary<Mutation> {
  const nasty = arbNasty(opts)
  const queryNames = op.params.filter((p) => p.in === 'query').map((p) => p.name)
  const pathNames = op.params.filter((p) => p.in === 'path').map((p) => p.name)
  const anyQueryKey = fc.oneof(
    { weight: 4, arbitrary: queryNames.length ? fc.constantFrom(...queryNames) : fc.constant('limit') },
    { weight: 1, arbitrary: fc.constantFrom('foo', '__proto__', 'constructor', 'limit[]', 'a[b]', '', 'LIMIT', 'cursor', 'toString') },
  )
  const queryValue = (k: string) =>
    fc.oneof(
      { weight: 6, arbitrary: nasty },
      { weight: k === 'q' ? 6 : 0, arbitrary: arbSearch },
      { weight: k === 'cursor' || k === 'since' ? 6 : 1, arbitrary: forgedCursor },
      { weight: 2, arbitrary: fc.array(fc.oneof(nasty, fc.constantFrom<Val>('1', '2', 'true')), { minLength: 2, maxLength: 4 }) },
    )
  const pathValue = fc.oneof(
    { weight: 3, arbitrary: nasty },
    { weight: 2, arbitrary: fc.constantFrom<Val>('..%2f', '..%2f..%2f', '%2e%2e', '%00', 'a%00b', '%', '%zz', '%ff', '%C0%AE', '.', '..', '%2F', 'a/b', '%20', '+', '~', 'x'.repeat(201)) },
  )
  const options: fc.WeightedArbitrary<Mutation>[] = [
    { weight: 5, arbitrary: anyQueryKey.chain((k) => fc.record({ m: fc.constant('query' as const), k: fc.constant(k), v: queryValue(k), raw: fc.boolean() }, { requiredKeys: ['m', 'k', 'v'] })) },
    { weight: 3, arbitrary: fc.record({ m: fc.constant('header' as const), k: fc.constantFrom(...HEADER_NAMES), v: fc.oneof(nasty, fc.constantFrom(...HEADER_NAMES).chain((h) => HEADER_VALUES[h]!)) }) },
    { weight: 2, arbitrary: fc.record({ m: fc.constant('header' as const), k: fc.constantFrom(...HEADER_NAMES), v: arbBig(Math.min(opts.maxBigBytes, 64 * 1024)) }) },
    { weight: 1, arbitrary: fc.record({ m: fc.constant('dropHeader' as const), k: fc.constantFrom('if-match', 'idempotency-key', 'authorization', 'host') }) },
    { weight: 2, arbitrary: fc.record({ m: fc.constant('auth' as const), v: fc.constantFrom(...SCOPES) }) },
    { weight: 1, arbitrary: fc.record({ m: fc.constant('method' as const), v: fc.constantFrom('GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE', 'TRACE') }) },
  ]
  if (queryNames.length) options.push({ weight: 1, arbitrary: fc.record({ m: fc.constant('dropQuery' as const), k: fc.constantFrom(...queryNames) }) })
  if (pathNames.length) {
    options.push({ weight: 4, arbitrary: fc.record({ m: fc.constant('path' as const), k: fc.constantFrom(...pathNames), v: pathValue, raw: fc.boolean() }, { requiredKeys: ['m', 'k', 'v'] }) })
  }
  const bodyWeight = op.body ? 4 : 1
  const at = fc.array(fc.nat({ max: 20 }), { maxLength: 4 })
  options.push(
    { weight: 3 * bodyWeight, arbitrary: fc.record({ m: fc.constant('bodySet' as const), at, key: keyArb, v: nasty }) },
    { weight: 2 * bodyWeight, arbitrary: fc.record({ m: fc.constant('bodySet' as const), at, v: nasty }) },
    { weight: bodyWeight, arbitrary: fc.record({ m: fc.constant('bodyDrop' as const), at }) },
    { weight: bodyWeight, arbitrary: fc.record({ m: fc.constant('body' as const), v: nasty }) },
    { weight: bodyWeight, arbitrary: fc.record({ m: fc.constant('rawBody' as const), v: fc.oneof(fc.constantFrom<Val>(...MALFORMED_JSON), arbBig(opts.maxBigBytes), arbDeep) }) },
    { weight: bodyWeight, arbitrary: fc.record({ m: fc.constant('contentType' as const), v: fc.constantFrom(...CONTENT_TYPES) }) },
  )
  return fc.oneof(...options)
}

const isContainer = (v: Val | undefined): v is Val[] | Record<string, Val> =>
  v !== undefined && (Array.isArray(v) ? v.length > 0 : isObject(v) && !markerOf(v) && Object.keys(v).length > 0)

const childKey = (node: Val[] | Record<string, Val>, sel: number): string | number =>
  Array.isArray(node) ? sel % node.length : Object.keys(node)[sel % Object.keys(node).length]!

const copyWith = (node: Val[] | Record<string, Val>, key: string | number, value: Val | undefined): Val => {
  if (Array.isArray(node)) {
    const out = [...node]
    if (value === undefined) out.splice(key as number, 1)
    else out[key as number] = value
    return out
  }
  const entries = Object.entries(node).filter(([k]) => k !== key)
  const at = Object.keys(node).indexOf(key as string)
  if (value !== undefined) entries.splice(at < 0 ? entries.length : at, 0, [key as string, value])
  return objOf(entries)
}

/** Sets `key` in (or replaces) the node that `at` leads to; `undefined` drops it. */
function setIn(node: Val | undefined, at: number[], key: string | undefined, value: Val | undefined): Val | undefined {
  if (at.length > 0 && isContainer(node)) {
    const k = childKey(node, at[0]!)
    const child = (node as Record<string | number, Val>)[k]
    const next = setIn(child, at.slice(1), key, value)
    return copyWith(node, k, next)
  }
  if (key === undefined) return value
  if (isObject(node) && !markerOf(node)) return copyWith(node, key, value)
  if (Array.isArray(node)) return value === undefined ? node : [...node, value]
  return value === undefined ? node : objOf([[key, value]])
}

// Fields of prose, where any text is valid: slugs, enums and references are not.
const FREE_TEXT = new Set(['headline', 'standfirst', 'text', 'name', 'description', 'title', 'bio', 'organization', 'location', 'affiliation', 'cue', 'channel', 'note', 'publisher', 'caption', 'credit'])

function replaceString(body: Val, n: number, value: Val): Val {
  let count = 0
  const visit = (v: Val, f: (s: string, i: number) => Val | undefined, key = ''): Val => {
    if (typeof v === 'string') return FREE_TEXT.has(key) ? (f(v, count++) ?? v) : v
    if (Array.isArray(v)) return v.map((x) => visit(x, f, key))
    if (isObject(v) && !markerOf(v)) return objOf(Object.entries(v).map(([k, x]) => [k, visit(x, f, k)]))
    return v
  }
  visit(body, () => undefined)
  if (count === 0) return body
  const target = n % count
  count = 0
  return visit(body, (_s, i) => (i === target ? value : undefined))
}

export function applyMutations(base: FuzzCase, mutations: Mutation[]): FuzzCase {
  const c: FuzzCase = structuredClone(base)
  for (const mu of mutations) {
    switch (mu.m) {
      case 'query':
        c.query = [...c.query.filter((q) => q.k !== mu.k), mu.raw ? { k: mu.k, v: mu.v, raw: true } : { k: mu.k, v: mu.v }]
        break
      case 'dropQuery':
        c.query = c.query.filter((q) => q.k !== mu.k)
        break
      case 'path':
        c.path = { ...c.path, [mu.k]: mu.v }
        if (mu.raw) c.rawPath = [...new Set([...(c.rawPath ?? []), mu.k])]
        else if (c.rawPath) c.rawPath = c.rawPath.filter((k) => k !== mu.k)
        break
      case 'header':
        c.headers = { ...c.headers, [mu.k]: mu.v }
        break
      case 'dropHeader':
        c.headers = Object.fromEntries(Object.entries(c.headers).filter(([k]) => k !== mu.k))
        if (mu.k === 'authorization') c.auth = 'none'
        break
      case 'auth':
        c.auth = mu.v
        break
      case 'contentType':
        c.contentType = mu.v
        break
      case 'rawBody':
        c.rawBody = mu.v
        break
      case 'body':
        c.body = mu.v
        delete c.rawBody
        break
      case 'bodySet': {
        const next = setIn(c.body ?? {}, mu.at, mu.key, mu.v)
        if (next !== undefined) c.body = next
        break
      }
      case 'bodyDrop': {
        const next = setIn(c.body, mu.at, undefined, undefined)
        if (next === undefined) delete c.body
        else c.body = next
        break
      }
      case 'method':
        c.method = mu.v
        break
      case 'text':
        if (c.body !== undefined) c.body = replaceString(c.body, mu.n, mu.v)
        break
    }
  }
  return c
}

/** Valid requests (a fifth of them) and mutated ones. */
export function arbCase(spec: Spec, op: Operation, opts: GenOptions): fc.Arbitrary<FuzzCase> {
  const mutations = fc.oneof(
    { weight: 1, arbitrary: fc.constant<Mutation[]>([]) },
    { weight: 4, arbitrary: fc.array(arbMutation(spec, op, opts), { minLength: 1, maxLength: 3 }) },
  )
  return fc.tuple(arbValid(spec, op), mutations).map(([base, ms]) => applyMutations(base, ms))
}

// ---------------------------------------------------------------------------------------
// Round trips: a write with text that is hard to represent, then every read that shows it

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

// ---------------------------------------------------------------------------------------
// Raw requests for the socket: framing no HTTP client library would produce

export function arbRaw(opts: GenOptions): fc.Arbitrary<RawCase> {
  const method = fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'get', 'G ET', 'PRI', 'CONNECT', 'X'.repeat(40), '')
  const target = fc.oneof(
    fc.constantFrom('/v1/articles', '/v1/tags', `/v1/articles/${SEED_SLUG}`, '*', 'http://evil.example/v1/articles', '/v1/articles?x=%', '//v1//articles', '/v1/articles#frag', '/%2e%2e/%2e%2e/etc/passwd', '/v1/articles/%ff', '/v1/art icles', '/v1/articles?limit=1&limit=2', '/v1/\u00e9', ''),
    fc.constantFrom<Val>({ $cat: ['/v1/articles/', { $big: 'a', bytes: 300 }] }, { $cat: ['/v1/articles?q=', { $big: 'a', bytes: 20_000 }] }),
  )
  const version = fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 x', 'HTTP/0.9', '', 'http/1.1')
  const header = fc.constantFrom<Val>(
    'Content-Type: application/json',
    'Content-Type: text/plain',
    'Content-Length: 5',
    'Content-Length: -1',
    'Content-Length: 1, 2',
    'Content-Length: 99999999999999999999',
    'Transfer-Encoding: chunked',
    'Transfer-Encoding: gzip, chunked',
    'Transfer-Encoding: identity',
    'Expect: 100-continue',
    'X-Latin1: \u00e9\u00ff',
    'no colon here',
    ' folded: continuation',
    'X: a\u0000b',
    'Authorization: Bearer',
    'If-Match: *',
    'Idempotency-Key: \u00ff',
    { $cat: ['Authorization: Bearer ', { $token: 'admin' }] },
    { $cat: ['X-Big: ', { $big: 'a', bytes: 8 * 1024 + 1 }] },
    { $cat: ['X-Huge: ', { $big: 'a', bytes: 20_000 }] },
  )
  const body = fc.oneof(
    fc.constantFrom<Val>('', '{"slug":"x"}', '5\r\nhello\r\n0\r\n\r\n', 'zz\r\nhello\r\n0\r\n\r\n', '{', '{"__proto__":{}}'),
    arbBig(Math.min(opts.maxBigBytes, 64 * 1024)),
  )
  return fc
    .record({
      start: fc.tuple(method, target, version),
      headers: fc.array(header, { maxLength: 4 }),
      body,
      eol: fc.constantFrom('\r\n', '\r\n', '\r\n', '\n'),
    })
    .map(({ start, headers, body, eol }): RawCase => ({
      raw: true,
      lines: [{ $cat: [start[0], ' ', start[1], ' ', start[2]] }, 'Host: 127.0.0.1', ...headers, 'Connection: close'],
      body,
      eol,
    }))
}

// ---------------------------------------------------------------------------------------
// Building requests

type Fixtures = Record<FixtureKind, { id: string; slug?: string; text?: string }[]>

/** One app over one seeded database, with a key of every scope and the data to point at. */
export type World = { app: App; db: Db; keys: Record<Scope, string | undefined>; fixtures: Fixtures; origin?: string }

export async function buildWorld(listen = false): Promise<World> {
  const db = openDb(':memory:')
  migrateDb(db)
  seedDb(db)
  const revoked = createKey(db, 'fuzz revoked', ['admin'])
  revokeKey(db, revoked.id)
  const keys: World['keys'] = {
    none: undefined,
    read: createKey(db, 'fuzz read', ['read']).secret,
    write: createKey(db, 'fuzz write', ['write']).secret,
    admin: createKey(db, 'fuzz admin', ['admin']).secret,
    revoked: revoked.secret,
    forged: revoked.secret.slice(0, -6) + 'AAAAAA',
    malformed: undefined,
  }
  const app = await buildApp({ db, rateLimitMax: 0 })
  await app.ready()
  const admin = { authorization: `Bearer ${keys.admin}` }
  const created = await app.inject({
    method: 'POST',
    url: '/v1/webhooks',
    headers: { ...admin, 'content-type': 'application/json' },
    payload: JSON.stringify({ url: 'https://hooks.example.com/fuzz', events: ['*'] }),
  })
  if (created.statusCode !== 201) throw new Error(`fixture webhook: ${created.statusCode} ${created.body}`)
  const list = async (url: string) => {
    const res = await app.inject({ url, headers: admin })
    if (res.statusCode !== 200) throw new Error(`fixtures: ${url} answered ${res.statusCode}`)
    return res.json().data as { id: string; slug?: string; text?: string }[]
  }
  const quotes = await list('/v1/quotes?limit=100')
  const fixtures: Fixtures = {
    article: await list('/v1/articles?limit=100&fields=slug'),
    author: await list('/v1/authors?limit=100&fields=slug'),
    source: await list('/v1/sources?limit=100&fields=slug'),
    tag: await list('/v1/tags?limit=100&fields=slug'),
    quote: quotes.map((q) => ({ id: q.id })),
    quoteText: quotes.map((q) => ({ id: q.id, text: q.text! })),
    webhook: await list('/v1/webhooks?limit=100'),
  }
  const world: World = { app, db, keys, fixtures }
  if (listen) {
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    if (address && typeof address === 'object') world.origin = `http://127.0.0.1:${address.port}`
  }
  return world
}

export async function closeWorld(w: World) {
  await w.app.close()
  w.db.$client.close()
}

const nested = (n: number, kind: 'array' | 'object' = 'array') =>
  kind === 'array' ? '['.repeat(n) + ']'.repeat(n) : '{"a":'.repeat(n) + '1' + '}'.repeat(n)
const DEEP_TOKEN = /"\\u0000DEEP:(\d+):(\w+)\\u0000"/g

/** What markers stand for in one request: looked up before it is built. */
type Resolved = { world: World; etag?: string; cursor?: string; cursorParts?: unknown[] }

function expand(v: Val, r: Resolved, mode: 'json' | 'text'): Val {
  const mk = markerOf(v)
  if (mk) {
    if ('$fx' in mk) {
      const list = r.world.fixtures[mk.$fx]
      const item = list[(mk.n ?? 0) % Math.max(list.length, 1)]
      if (!item) return `no-such-${mk.$fx}`
      return mk.$fx === 'quoteText' ? item.text ?? 'x' : mk.by === 'slug' && item.slug ? item.slug : item.id
    }
    if ('$etag' in mk) return r.etag ?? '"no-etag"'
    if ('$token' in mk) return r.world.keys[mk.$token] ?? ''
    if ('$cat' in mk) return mk.$cat.map((p) => toText(expand(p, r, 'text'))).join('')
    if ('$big' in mk) {
      const unitBytes = Math.max(Buffer.byteLength(mk.$big), 1)
      return mk.$big.repeat(Math.ceil(mk.bytes / unitBytes))
    }
    if ('$deep' in mk) return mode === 'json' ? `\u0000DEEP:${mk.$deep}:${mk.kind ?? 'array'}\u0000` : nested(mk.$deep, mk.kind)
    if ('$cursor' in mk) {
      if (mk.$cursor === 'real') return r.cursor ?? 'WyJ4Il0'
      const tag = mk.tag ?? (typeof r.cursorParts?.[0] === 'string' ? r.cursorParts[0] : 'x')
      return Buffer.from(JSON.stringify([tag, ...(mk.values ?? []).map((x) => expand(x, r, 'json'))])).toString('base64url')
    }
  }
  if (Array.isArray(v)) return v.map((x) => expand(x, r, mode))
  if (isObject(v)) return objOf(Object.entries(v).map(([k, x]) => [k, expand(x, r, mode)]))
  return v
}

const toText = (v: Val): string => (typeof v === 'string' ? v : JSON.stringify(v))
// A lone surrogate has no UTF-8 form: a client sends U+FFFD (raw cases can send `%ED%A0%80`).
const encode = (s: string) => encodeURIComponent(s.toWellFormed())

/** What a header value becomes on the wire: UTF-8 bytes read as Latin-1, no CR, LF or NUL. */
export const wireHeader = (s: string) => Buffer.from(s, 'utf8').toString('latin1').replace(/[\r\n\0]/g, '')

export type WireRequest = { method: string; url: string; headers: Record<string, string>; body?: string }

function needs(c: FuzzCase, marker: (typeof MARKERS)[number]) {
  const text = JSON.stringify([c.path, c.query, c.headers, c.body ?? null, c.rawBody ?? null])
  return text.includes(`"${marker}"`)
}

function pathOf(op: Operation, c: FuzzCase, r: Resolved) {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const text = toText(expand(c.path[name] ?? '', r, 'text'))
    return c.rawPath?.includes(name) ? text : encode(text)
  })
}

async function resolveMarkers(c: FuzzCase, op: Operation, world: World): Promise<Resolved> {
  const r: Resolved = { world }
  const admin = { authorization: `Bearer ${world.keys.admin}` }
  if (needs(c, '$etag')) {
    const res = await world.app.inject({ url: pathOf(op, c, r), headers: admin })
    const etag = res.headers.etag
    if (typeof etag === 'string') r.etag = etag
  }
  if (needs(c, '$cursor')) {
    // A page of one: the list's cursor (or the changes feed's token) for its second item.
    const res = await world.app.inject({ url: `${pathOf(op, c, r)}?limit=1`, headers: admin })
    try {
      const body = res.json()
      const cursor = body?.page?.nextCursor ?? body?.nextToken
      if (typeof cursor === 'string') {
        r.cursor = cursor
        r.cursorParts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
      }
    } catch {
      // not a list, or not JSON: forged cursors get a tag of their own
    }
  }
  return r
}

/** The HTTP request a case stands for, against the given world. */
export async function materialize(c: FuzzCase, spec: Spec, world: World): Promise<{ op: Operation; wire: WireRequest }> {
  const op = spec.byKey.get(c.op)
  if (!op) throw new Error(`no operation ${c.op} in the OpenAPI document`)
  const r = await resolveMarkers(c, op, world)
  const parts: string[] = []
  for (const q of c.query) {
    let v = expand(q.v, r, 'text')
    // Long polling would only make the fuzzer wait: any positive wait becomes 0.
    if (op.path === '/v1/changes' && q.k === 'wait' && typeof v !== 'object') {
      const n = Number(v)
      if (Number.isFinite(n) && n > 0) v = '0'
    }
    const values = Array.isArray(v) ? v : [v]
    for (const one of values) {
      const text = toText(one)
      parts.push(q.raw ? `${q.k}=${text}` : `${encode(q.k)}=${encode(text)}`)
    }
  }
  const url = pathOf(op, c, r) + (parts.length ? `?${parts.join('&')}` : '')
  const headers: Record<string, string> = {}
  const key = c.auth === 'malformed' ? 'Token abc' : world.keys[c.auth] ? `Bearer ${world.keys[c.auth]}` : undefined
  if (key) headers.authorization = key
  for (const [k, v] of Object.entries(c.headers)) headers[k.toLowerCase()] = wireHeader(toText(expand(v, r, 'text')))
  let body: string | undefined
  if (c.rawBody !== undefined) body = toText(expand(c.rawBody, r, 'text'))
  else if (c.body !== undefined) {
    body = JSON.stringify(expand(c.body, r, 'json')).replace(DEEP_TOKEN, (_, n: string, kind: string) => nested(Number(n), kind as 'array'))
  }
  const contentType = c.contentType === undefined ? (body === undefined ? undefined : 'application/json') : c.contentType
  if (contentType !== null && contentType !== undefined && headers['content-type'] === undefined) headers['content-type'] = contentType
  const wire: WireRequest = { method: c.method ?? op.method, url, headers }
  if (body !== undefined) wire.body = body
  return { op, wire }
}

// ---------------------------------------------------------------------------------------
// Sending

export type Answer = {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  /** Bytes on the connection after this answer (raw exchanges only): a second response. */
  trailing?: string
}
export type Transport = (world: World, wire: WireRequest) => Promise<Answer>

export const viaInject: Transport = async (world, wire) => {
  const res = await world.app.inject({
    method: wire.method as 'GET',
    url: wire.url,
    headers: wire.headers,
    ...(wire.body === undefined ? {} : { payload: wire.body }),
  })
  return { status: res.statusCode, headers: res.headers as Answer['headers'], body: res.body }
}

/** Writes bytes to a fresh connection and reads the one answer until the server closes. */
export function rawExchange(origin: string, bytes: Buffer, timeoutMs = 10_000): Promise<Answer | null> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`no answer within ${timeoutMs} ms`))
    }, timeoutMs)
    socket.on('data', (d) => chunks.push(d))
    socket.on('error', () => {})
    socket.on('close', () => {
      clearTimeout(timer)
      resolve(parseAnswer(Buffer.concat(chunks)))
    })
    socket.end(bytes)
  })
}

function parseAnswer(data: Buffer): Answer | null {
  // Interim answers (100 Continue) come first; the final one follows.
  while (/^HTTP\/1\.[01] 1\d\d /.test(data.subarray(0, 16).toString('latin1'))) {
    const end = data.indexOf('\r\n\r\n')
    if (end < 0) return null
    data = data.subarray(end + 4)
  }
  const split = data.indexOf('\r\n\r\n')
  if (split < 0) return null
  const [statusLine = '', ...lines] = data.subarray(0, split).toString('latin1').split('\r\n')
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1])
  if (!Number.isInteger(status)) return null
  const headers: Answer['headers'] = {}
  for (const line of lines) {
    const i = line.indexOf(':')
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim()
  }
  let body = data.subarray(split + 4)
  if (/chunked/i.test(String(headers['transfer-encoding'] ?? ''))) {
    const out: Buffer[] = []
    let at = 0
    for (;;) {
      const eol = body.indexOf('\r\n', at)
      if (eol < 0) break
      const size = parseInt(body.subarray(at, eol).toString('latin1'), 16)
      if (!(size > 0)) break
      out.push(body.subarray(eol + 2, eol + 2 + size))
      at = eol + 2 + size + 2
    }
    body = Buffer.concat(out)
  }
  const length = Number(headers['content-length'])
  let trailing: Buffer | undefined
  if (Number.isInteger(length) && length < body.length) {
    trailing = body.subarray(length)
    body = body.subarray(0, length)
  }
  return { status, headers, body: body.toString('utf8'), ...(trailing ? { trailing: trailing.toString('latin1') } : {}) }
}

function wireBytes(origin: string, wire: WireRequest): Buffer {
  const host = new URL(origin).host
  const headers = { host, ...wire.headers, connection: 'close' } as Record<string, string>
  const body = wire.body === undefined ? undefined : Buffer.from(wire.body, 'utf8')
  if (body) headers['content-length'] = String(body.length)
  const head = `${wire.method} ${wire.url} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`
  return body ? Buffer.concat([Buffer.from(head, 'latin1'), body]) : Buffer.from(head, 'latin1')
}

/** How socket requests went out: through undici, or as bytes when undici would not send them. */
export const socketStats = { undici: 0, bytes: 0 }

/** Over a real socket: undici when it will send the request as it is, raw bytes when not. */
export const viaSocket: Transport = async (world, wire) => {
  const origin = world.origin
  if (!origin) throw new Error('the world is not listening')
  const plain = /^[\x21-\x7e]*$/.test(wire.url) && Object.values(wire.headers).every((v) => /^[\t\x20-\x7e]*$/.test(v) && v.trim() === v)
  if (plain && ['GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'HEAD', 'OPTIONS'].includes(wire.method) && !('host' in wire.headers)) {
    try {
      const res = await undiciRequest(origin + wire.url, {
        method: wire.method as 'GET',
        headers: wire.headers,
        ...(wire.body === undefined ? {} : { body: wire.body }),
        headersTimeout: 15_000,
        bodyTimeout: 15_000,
      })
      socketStats.undici++
      return { status: res.statusCode, headers: res.headers, body: await res.body.text() }
    } catch (err) {
      const code = (err as { code?: string }).code ?? ''
      // undici refused the request itself (a header it will not send): fall back to bytes.
      if (code !== 'UND_ERR_INVALID_ARG' && !(err instanceof TypeError)) throw err
    }
  }
  socketStats.bytes++
  const answer = await rawExchange(origin, wireBytes(origin, wire))
  if (!answer) throw new Error('the connection closed without an answer')
  return answer
}

export function rawBytes(c: RawCase, world: World): Buffer {
  const r: Resolved = { world }
  const eol = c.eol ?? '\r\n'
  const head = c.lines.map((l) => wireHeader(toText(expand(l, r, 'text')))).join(eol) + eol + eol
  const body = c.body === undefined ? '' : toText(expand(c.body, r, 'text'))
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body, 'utf8')])
}

// ---------------------------------------------------------------------------------------
// Checking answers

const STACK = [/ {4}at /, /\.ts:/]
// `select ` and ` from ` alone are English (a 409 lists the quotes in the way): SQL is a
// select with its from, or from naming a table.
export const sqlPatterns = (tables: string[]) => [
  /SQLITE_\w*/,
  /constraint failed/,
  /\bselect\s[^.]{0,200}?\sfrom\s/,
  new RegExp(`\\sfrom\\s+["\`]?(?:${tables.join('|')})["\`]?(?:\\s|$|,|\\))`),
]

const mediaOf = (h: string | string[] | undefined) => String(h ?? '').split(';')[0]!.trim().toLowerCase()

/** Whatever the client sent, to tell echoed input from leaked internals. */
const requestText = (wire: WireRequest) => `${wire.url}\n${Object.values(wire.headers).join('\n')}\n${wire.body ?? ''}`.toLowerCase()
const decoded = (s: string) =>
  s.replace(/(?:%[0-9a-f]{2})+/gi, (m) => {
    try {
      return decodeURIComponent(m)
    } catch {
      return m
    }
  })

/** Every way an answer can break the contract; [] when it keeps it. */
export function checkAnswer(spec: Spec, op: Operation | undefined, c: FuzzCase | RawCase, wire: WireRequest | undefined, res: Answer, sql: RegExp[]): string[] {
  const problems: string[] = []
  const { status } = res
  const sent = wire ? requestText(wire) + '\n' + decoded(requestText(wire)) : ''
  const echoed = (needle: string) => sent.includes(needle.toLowerCase())
  if (status >= 500) problems.push(`status ${status} (server error)`)
  for (const re of STACK) {
    const m = re.exec(res.body)
    if (m && !echoed(m[0])) problems.push(`body holds a stack frame (${JSON.stringify(m[0])})`)
  }
  const isError = status >= 400
  for (const [i, re] of sql.entries()) {
    // Article text may hold "select … from"; only the first two are SQL wherever they are.
    if (!isError && i > 1) continue
    const m = re.exec(res.body)
    if (m && !echoed(m[0])) problems.push(`body holds SQL text (${JSON.stringify(m[0].slice(0, 80))})`)
  }
  const media = mediaOf(res.headers['content-type'])
  const head = wire?.method === 'HEAD'
  if (isError) {
    if (media !== 'application/problem+json') problems.push(`${status} is ${media || 'untyped'}, not application/problem+json`)
    if (head) return problems
    let body: any
    try {
      body = JSON.parse(res.body)
    } catch {
      problems.push(`${status} body is not JSON: ${JSON.stringify(res.body.slice(0, 120))}`)
    }
    if (body !== undefined) {
      if (body?.status !== status) problems.push(`problem status ${JSON.stringify(body?.status)} is not the HTTP status ${status}`)
      if (!spec.problem(body)) problems.push(`problem does not match the Problem schema: ${spec.errorsText(spec.problem)}`)
      const words = JSON.stringify([body?.title, body?.detail, body?.errors])
      for (const bad of ['undefined', '[object Object]']) {
        if (words.includes(bad) && !echoed(bad)) problems.push(`problem text says ${JSON.stringify(bad)}: ${JSON.stringify(body?.detail ?? body?.title)}`)
      }
    }
    if (op && !isRaw(c) && !c.method && !op.responses[String(status)]) problems.push(`${status} is not documented for ${op.key}`)
    return problems
  }
  if (status === 304 || !op || isRaw(c)) return problems
  // Authorization: no key that should fail may succeed.
  if (status < 300 && !c.method && !('authorization' in c.headers) && op.scope !== 'public') {
    if (['forged', 'revoked', 'malformed'].includes(c.auth)) problems.push(`${status} for a ${c.auth} key`)
    else if (op.scope === 'admin' && c.auth !== 'admin') problems.push(`${status} on an admin route for a ${c.auth} caller`)
    else if (op.scope === 'write' && (c.auth === 'none' || c.auth === 'read')) problems.push(`${status} on a write route for a ${c.auth} caller`)
  }
  if (c.method && c.method !== op.method) return problems
  const documented = op.responses[String(status)]
  if (status >= 200 && status < 300) {
    if (!documented) {
      problems.push(`${status} is not documented for ${op.key}`)
      return problems
    }
    const medias = Object.keys(documented)
    if (status === 204 || medias.length === 0) {
      if (res.body.length > 0) problems.push(`${status} has a body the contract does not document`)
      return problems
    }
    if (!medias.includes(media)) {
      problems.push(`${status} is ${media || 'untyped'}; documented: ${medias.join(', ')}`)
      return problems
    }
    if (head) return problems
    if (media.endsWith('xml')) {
      const valid = XMLValidator.validate(res.body)
      if (valid !== true) problems.push(`${status} ${media} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`)
      // XML 1.0 has no way to write these, escaped or not.
      const bad = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/.exec(res.body)
      if (bad) problems.push(`${status} ${media} holds U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')}, which XML 1.0 forbids`)
    }
    if (media === 'application/json' || media.endsWith('+json')) {
      let body: unknown
      try {
        body = JSON.parse(res.body)
      } catch {
        problems.push(`${status} ${media} body is not JSON`)
        return problems
      }
      const sparse = c.query.some((q) => q.k === 'fields')
      const validate = spec.validator(op, String(status), media, sparse)
      if (validate && !validate(body)) problems.push(`${status} body does not match its schema: ${spec.errorsText(validate).slice(0, 400)}`)
      if (media === 'application/ninjs+json' && !spec.ninjs(body)) problems.push(`${status} is not valid ninjs 3.1: ${spec.errorsText(spec.ninjs).slice(0, 400)}`)
    }
  }
  return problems
}

// ---------------------------------------------------------------------------------------
// The harness: worlds rebuilt every few cases, so writes keep the database small

export type Outcome = { violations: string[]; notes: string[]; status?: number; summary: string; ms: number }

export type HarnessOptions = GenOptions & {
  /** A fresh app and database after this many cases. */
  rebuildEvery: number
  /** Violations to leave out (FUZZ_IGNORE): to look past a known bug for others. */
  ignore?: RegExp
  timeoutMs: number
  listen?: boolean
}

export class Harness {
  cases = 0
  readonly statuses = new Map<string, Map<number, number>>()
  /** Findings that do not fail a case (a status the document does not list), with counts. */
  readonly notes = new Map<string, number>()
  /** The slowest answers, slowest first. */
  readonly slowest: { ms: number; summary: string }[] = []
  private world: World | undefined
  private sinceBuild = 0

  private readonly sql: RegExp[]

  private constructor(
    readonly spec: Spec,
    readonly opts: HarnessOptions,
    private readonly tables: string[],
  ) {
    this.sql = sqlPatterns(tables)
  }

  /** Another harness over the same contract (one that listens on a socket, say). */
  derive(opts: Partial<HarnessOptions>) {
    return new Harness(this.spec, { ...this.opts, ...opts }, this.tables)
  }

  static async create(opts: Partial<HarnessOptions> = {}) {
    const world = await buildWorld()
    const doc = (await world.app.inject('/openapi.json')).json()
    const tables = world.db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").pluck().all() as string[]
    await closeWorld(world)
    const ignore = process.env.FUZZ_IGNORE ? new RegExp(process.env.FUZZ_IGNORE) : undefined
    return new Harness(new Spec(doc), { maxBigBytes: 1 << 20, rebuildEvery: 60, timeoutMs: 15_000, ...(ignore ? { ignore } : {}), ...opts }, tables)
  }

  /** A fresh world for the next case (a replayed regression, say). */
  async fresh() {
    if (this.world) await closeWorld(this.world)
    this.world = undefined
  }

  private async current(): Promise<World> {
    if (!this.world || this.sinceBuild >= this.opts.rebuildEvery) {
      if (this.world) await closeWorld(this.world)
      this.world = await buildWorld(this.opts.listen)
      this.sinceBuild = 0
    }
    this.sinceBuild++
    return this.world
  }

  async close() {
    await this.fresh()
  }

  private count(key: string, status: number) {
    let m = this.statuses.get(key)
    if (!m) this.statuses.set(key, (m = new Map()))
    m.set(status, (m.get(status) ?? 0) + 1)
  }

  async run(c: AnyCase, transport: Transport = viaInject): Promise<Outcome> {
    const world = await this.current()
    if (!isSeq(c)) return this.runOne(world, c, transport)
    // Each step is held to the contract; the sequence fails with the first step that breaks it.
    const summaries: string[] = []
    for (const [i, step] of c.seq.entries()) {
      const out = await this.runOne(world, step, transport)
      summaries.push(out.summary.split('\n')[0]!.slice(0, 200))
      if (out.violations.length) {
        return { ...out, violations: out.violations.map((v) => `step ${i + 1}: ${v}`), summary: [...summaries.slice(0, -1), out.summary].join('\n    ') }
      }
    }
    return { violations: [], notes: [], summary: summaries.join('\n    '), ms: 0 }
  }

  private async runOne(world: World, c: FuzzCase | RawCase, transport: Transport): Promise<Outcome> {
    this.cases++
    const started = performance.now()
    let wire: WireRequest | undefined
    let op: Operation | undefined
    let answer: Answer | null
    try {
      if (isRaw(c)) {
        if (!world.origin) throw new Error('raw cases need a listening world')
        answer = await rawExchange(world.origin, rawBytes(c, world), this.opts.timeoutMs)
      } else {
        ;({ op, wire } = await materialize(c, this.spec, world))
        answer = await withTimeout(transport(world, wire), this.opts.timeoutMs)
      }
    } catch (err) {
      const summary = isRaw(c) ? 'raw request' : `${c.op}`
      return { violations: [`no answer: ${(err as Error).message}`], notes: [], summary, ms: performance.now() - started }
    }
    const ms = performance.now() - started
    const summary = wire ? `${wire.method} ${wire.url.slice(0, 200)}${wire.url.length > 200 ? '…' : ''}` : 'raw request'
    const key = isRaw(c) ? 'raw' : c.op
    if (!answer) {
      this.count(key, 0)
      // The server may hang up on bytes that are not HTTP; that is an answer too.
      return { violations: [], notes: [], summary: `${summary} → closed`, ms }
    }
    this.count(key, answer.status)
    const routed = wire && !isRaw(c) ? this.spec.route(wire.method, wire.url, transport === viaInject) : op
    this.slowest.push({ ms, summary: summary.slice(0, 160) + ` → ${answer.status}` })
    this.slowest.sort((a, b) => b.ms - a.ms).splice(5)
    const found = checkAnswer(this.spec, routed?.key === op?.key ? op : routed, c, wire, answer, this.sql)
    // Bytes sent after the request (no Content-Length) read as a second request: its answer
    // follows the first even when that one said Connection: close, as Node's own does.
    if (answer.trailing) found.push(`note: a second answer after ${answer.headers.connection === 'close' ? 'Connection: close' : 'the first'}: ${answer.trailing.split('\r\n', 1)[0]}`)
    const notes = found.filter((f) => f.startsWith('note: ')).map((f) => f.slice(6))
    for (const n of notes) this.notes.set(n, (this.notes.get(n) ?? 0) + 1)
    const violations = found.filter((f) => !f.startsWith('note: ') && !this.opts.ignore?.test(f))
    const detail = violations.length ? ` ${answer.body.slice(0, 300)}` : ''
    return { violations, notes, status: answer.status, summary: `${summary} → ${answer.status}${detail}`, ms }
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
      timer.unref()
    }),
  ])
}

// ---------------------------------------------------------------------------------------
// Regressions

export type Regression = {
  id: string
  op: string
  transport: 'inject' | 'socket' | 'raw'
  found: string
  seed: number
  violations: string[]
  case: AnyCase
}

export function loadRegressions(): Regression[] {
  try {
    return (JSON.parse(readFileSync(REGRESSIONS_FILE, 'utf8')) as { cases: Regression[] }).cases
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return []
    throw err
  }
}

/**
 * What a failure is about, without the values that change from run to run or the
 * operation: one bug (a framework answer, say) shows on many operations.
 */
export const signature = (violations: string[]) =>
  violations
    .map((v) => v.replace(/"(?:[^"\\]|\\.)*"/g, '"…"').replace(/\d+/g, 'N').replace(/:.*$/s, ''))
    .sort()
    .join(' | ')

/** Saves a shrunk failing case unless one with the same signature is saved already. */
export function saveRegression(r: Omit<Regression, 'id' | 'found'>): boolean {
  const all = loadRegressions()
  const sig = signature(r.violations)
  if (all.some((x) => signature(x.violations) === sig)) return false
  all.push({ id: `fuzz-${all.length + 1}`, found: new Date().toISOString().slice(0, 10), ...r })
  writeFileSync(
    REGRESSIONS_FILE,
    JSON.stringify(
      {
        description:
          'Shrunk failing fuzz cases (test/lib/fuzz.ts), each a bug found once. test/fuzz.test.ts replays every one first and each must pass: they stay as guards after the fix.',
        cases: all,
      },
      null,
      2,
    ) + '\n',
  )
  return true
}

// ---------------------------------------------------------------------------------------
// Running properties

export type PropertyResult = {
  name: string
  runs: number
  failed: boolean
  seed: number
  /** fast-check's report: seed, path and shrunk counterexample. */
  report?: string
  counterexample?: AnyCase
  violations?: string[]
  summary?: string
}

/**
 * Sends every generated case and fails on the first that breaks the contract; fast-check
 * then shrinks it and reports it with its seed. The shrunk case is sent once more, alone
 * in a fresh world, for the violations it causes by itself.
 */
export async function fuzzProperty(
  harness: Harness,
  name: string,
  arb: fc.Arbitrary<AnyCase>,
  opts: {
    seed: number
    numRuns: number
    transport?: Transport
    timeLimitMs?: number
    /** Signatures of violations found already: counted in `tolerated`, not failed again. */
    known?: Map<string, number>
  },
): Promise<PropertyResult> {
  const property = fc.asyncProperty(arb, async (c) => {
    const out = await harness.run(c, opts.transport)
    const fresh = out.violations.filter((v) => {
      const sig = signature([v])
      const n = opts.known?.get(sig)
      if (n === undefined) return true
      opts.known!.set(sig, n + 1)
      return false
    })
    if (fresh.length) throw new Error(`${out.violations.join('; ')}\n    ${out.summary}`)
  })
  const details = await fc.check(property, {
    seed: opts.seed,
    numRuns: opts.numRuns,
    interruptAfterTimeLimit: opts.timeLimitMs ?? 60_000,
    markInterruptAsFailure: false,
  })
  const result: PropertyResult = { name, runs: details.numRuns, failed: details.failed, seed: opts.seed }
  if (details.failed && details.counterexample) {
    const [c] = details.counterexample
    await harness.fresh()
    const again = await harness.run(c, opts.transport)
    result.counterexample = c
    result.summary = again.summary
    result.violations = again.violations.length ? again.violations : [`only after other cases: ${String((details.errorInstance as Error | undefined)?.message)}`]
    result.report = fc.defaultReportMessage(details) ?? ''
  }
  return result
}

/** Cases of every operation, mixed in one world: a write's effect meets every read. */
export const arbAnyCase = (harness: Harness) => fc.oneof(...harness.spec.ops.map((op) => arbCase(harness.spec, op, harness.opts)))
