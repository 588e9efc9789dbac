// Building requests: markers expanded against a world, then the bytes of the request.
import { isObject, markerOf, objOf, type FuzzCase, type MARKERS, type RawCase, type Val } from './cases.js'
import type { Operation, Spec } from './spec.js'
import type { World } from './world.js'

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



export function rawBytes(c: RawCase, world: World): Buffer {
  const r: Resolved = { world }
  const eol = c.eol ?? '\r\n'
  const head = c.lines.map((l) => wireHeader(toText(expand(l, r, 'text')))).join(eol) + eol + eol
  const body = c.body === undefined ? '' : toText(expand(c.body, r, 'text'))
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body, 'utf8')])
}

