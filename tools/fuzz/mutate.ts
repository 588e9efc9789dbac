// Applying mutations to a valid request, and the cases that mix both.
import fc from 'fast-check'
import { isObject, markerOf, objOf, type FuzzCase, type Val } from './cases.js'
import { arbMutation, type Mutation } from './hostile.js'
import type { Operation, Spec } from './spec.js'
import { arbValid, type GenOptions } from './valid.js'

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

