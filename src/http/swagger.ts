import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import { problemResponses } from '../core/contract.js'

export const API_VERSION = '0.1.0'

type Transform = typeof jsonSchemaTransformObject

/**
 * The type provider emits an input and an output copy of every named schema; a read-only
 * API references only some of them, so the rest would be noise in the contract.
 */
const withReferencedSchemasOnly: Transform = (input) => {
  const document = jsonSchemaTransformObject(input) as ReturnType<Transform> & {
    components?: { schemas?: Record<string, unknown> }
  }
  const schemas = document.components?.schemas
  if (!schemas) return document
  const reached = new Set<string>()
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (node === null || typeof node !== 'object') return
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
        const name = value.slice('#/components/schemas/'.length)
        if (!reached.has(name)) {
          reached.add(name)
          visit(schemas[name])
        }
      } else visit(value)
    }
  }
  visit(document.paths)
  document.components!.schemas = Object.fromEntries(Object.entries(schemas).filter(([name]) => reached.has(name)))
  return document
}

/**
 * What any operation may answer because of the server rather than the route: 400 for a
 * malformed request, 431 for headers over Node's limit, 503 while shedding load or shutting
 * down, 429 from the rate limit (except on public probes, which it never counts), 414 for a
 * path parameter over 200 characters, and, where a body can be sent (DELETE too), 413 and 415.
 */
function withServerProblems(input: Parameters<typeof jsonSchemaTransform>[0]) {
  const schema = input.schema as { response?: Record<string, unknown>; hide?: boolean } | undefined
  if (!schema || schema.hide) return input
  const methods = [input.route.method].flat()
  const limited = (input.route as { config?: { scope?: string } } | undefined)?.config?.scope !== 'public'
  const statuses: (400 | 413 | 414 | 415 | 429 | 431 | 503)[] = limited ? [400, 429, 431, 503] : [400, 431, 503]
  if (input.url.includes(':')) statuses.push(414)
  if (methods.some((m) => m !== 'GET' && m !== 'HEAD')) statuses.push(413, 415)
  const missing = statuses.filter((s) => !(s in (schema.response ?? {})))
  return { ...input, schema: { ...schema, response: { ...schema.response, ...problemResponses(...missing) } } } as typeof input
}

/**
 * Routes that need a key say so in the contract: their security names the scope, so a
 * client (or a test) can tell editorial routes from public ones.
 */
const withScopes: typeof jsonSchemaTransform = (input) => {
  const out = jsonSchemaTransform(withServerProblems(input))
  const scope = (input.route as { config?: { scope?: string } } | undefined)?.config?.scope
  if (scope === 'write' || scope === 'admin') {
    return { ...out, schema: { ...out.schema, security: [{ apiKey: [scope] }] } as typeof out.schema }
  }
  // Probes take no key, and ignore one that is sent.
  if (scope === 'public') return { ...out, schema: { ...out.schema, security: [] } as typeof out.schema }
  return out
}

/** The OpenAPI 3.1 document, built from the route schemas, served as JSON and browsable at /docs. */
export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Byline',
        version: API_VERSION,
        description:
          'A headless news content API where sources and quotes are first-class data. Every error is an RFC 9457 `application/problem+json` document. Lists are cursor-paginated: pass `page.nextCursor` back as `cursor`.',
      },
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description:
              'An API key (`byl_…`) as a bearer token. Reads need none unless the deployment sets READ_REQUIRES_KEY=true; a key that is present must be valid (401 otherwise).',
          },
        },
      },
      security: [{}, { apiKey: [] }],
      tags: [
        { name: 'articles', description: 'Stories with their body, credits and quotes' },
        { name: 'authors', description: 'People who wrote, reported or made media for stories' },
        { name: 'sources', description: 'People, organizations and groups stories attribute information to' },
        { name: 'quotes', description: "Verbatim slices of a story's text, attributed to a source" },
        { name: 'tags', description: 'Subjects, places, organizations and people stories are about' },
        { name: 'search', description: 'Full-text search across articles, quotes and sources' },
        { name: 'corrections', description: 'Published corrections, clarifications, updates and retractions' },
        { name: 'changes', description: 'The delta-sync feed: what changed on the public API, in order' },
        { name: 'feeds', description: 'RSS, Atom and JSON Feed of the newest stories' },
        { name: 'webhooks', description: 'Signed notifications of changes (admin keys)' },
        { name: 'elements', description: 'Custom elements that render a story and its sourcing in any page' },
        { name: 'operations', description: 'Health and readiness' },
      ],
    },
    transform: withScopes,
    transformObject: withReferencedSchemasOnly,
  })
  // staticCSP: the docs pages carry a policy that lets Swagger UI run, in place of the API's.
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true })
  app.get('/openapi.json', { schema: { hide: true }, config: { scope: 'public' } }, async () => app.swagger())
}
