// The contract: the served OpenAPI document, its operations and a validator per response.
import { readFileSync } from 'node:fs'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import formatsPlugin from 'ajv-formats'
import { isObject } from './cases.js'

// A CommonJS module: under NodeNext its default import is the module, the plugin is on it.
const addFormats = formatsPlugin.default

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
    const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8'))
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

