// Raw requests for the socket: framing no HTTP client library would produce.
import fc from 'fast-check'
import type { RawCase, Val } from './cases.js'
import { arbBig } from './hostile.js'
import type { GenOptions } from './valid.js'

export const SEED_SLUG = 'islamic-militant-threat-grows-in-pakistani-heartland'

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

