// Mutations: hostile values, headers, bodies and methods a valid request is bent with.
import fc from 'fast-check'
import { objOf, SCOPES, type Scope, type Val } from './cases.js'
import type { Operation, Spec } from './spec.js'
import { arbSearch, type GenOptions } from './valid.js'

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
export const weirdString = fc.string({ unit: weirdChar, maxLength: 24 })

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

