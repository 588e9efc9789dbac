// Checking answers: every way an answer can break the contract.
import { XMLValidator } from 'fast-xml-parser'
import { isRaw, type FuzzCase, type RawCase } from './cases.js'
import type { Operation, Spec } from './spec.js'
import type { Answer } from './transport.js'
import type { WireRequest } from './request.js'

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

