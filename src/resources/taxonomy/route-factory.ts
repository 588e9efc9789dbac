import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { IdempotencyHeaders, IfMatchHeaders, list, NoQuery, one, problemResponses } from '../../core/contract.js'
import { nameList, sortParam, splitNames } from '../../core/listing.js'
import { PageQuery } from '../../core/pagination.js'
import { idempotentWrite, inTransaction, withRepresentation } from '../../core/transactions.js'
import type { View } from '../../core/visibility.js'
import { idempotencyOf } from '../../http/idempotency.js'
import { send, sendJson } from '../../http/reply.js'
import type { TaxonomyCommands } from './commands.js'
import { readable, representation, type ListOptions, type TaxonomyRow } from './queries.js'
import { Params } from './schemas.js'

type App = Parameters<FastifyPluginAsyncZod>[0]

// A taxonomy row is a few short fields; a bigger body is a mistake or an attack.
const BODY_LIMIT = 64 * 1024

/** What one taxonomy's routes say and call: the rest is the same for each. */
export type TaxonomyApi<R extends TaxonomyRow, S extends string, F extends z.ZodRawShape> = {
  /** With its article, as summaries say it: `an author`. */
  noun: string
  item: z.ZodObject
  read: (db: Db, view: View, idOrSlug: string) => R | undefined
  commands: TaxonomyCommands<R>
  list: { summary: string; sort: [readonly [S, ...S[]], S]; filters: F; json: (db: Db, view: View, filters: z.output<z.ZodObject<F>>, opts: ListOptions<S>) => string }
  deleteSummary: string
}

type AnyApi = TaxonomyApi<any, string, z.ZodRawShape>
type Names = { one: string; many: string; Name: string; a: string }

/** `an author` as each place says it: `author`, `authors`, `Author` (operation ids). */
function namesOf(a: string): Names {
  const one = a.slice(a.indexOf(' ') + 1)
  return { one, many: `${one}s`, Name: one[0]!.toUpperCase() + one.slice(1), a }
}

function listRoute(app: App, db: Db, c: AnyApi, { many, Name }: Names) {
  app.get(
    `/${many}`,
    {
      schema: {
        tags: [many],
        operationId: `list${Name}s`,
        summary: c.list.summary,
        querystring: z.strictObject({
          ...PageQuery,
          sort: sortParam(...c.list.sort),
          include: nameList('include', []).optional(),
          fields: nameList('field', Object.keys(c.item.shape)).optional(),
          ...c.list.filters,
        }),
        response: { 200: list(c.item, `A page of ${many}`), ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (req, reply) => {
      const { limit, cursor, sort, include, fields, ...filters } = req.query
      return sendJson(reply, c.list.json(db, req.view, filters, { limit, cursor, sort, include, fields: splitNames(fields) } as ListOptions<string>))
    },
  )
}

function getRoute(app: App, db: Db, c: AnyApi, { one: noun, many, Name }: Names) {
  app.get(
    `/${many}/:idOrSlug`,
    {
      schema: {
        tags: [many],
        operationId: `get${Name}`,
        summary: `Get one ${noun}`,
        params: Params,
        querystring: NoQuery,
        response: { 200: one(c.item, `The ${noun}, with its ETag`), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (req, reply) => {
      const row = readable(c.read(db, req.view, req.params.idOrSlug), noun, req.params.idOrSlug)
      return send(reply, withRepresentation(200, representation(row)))
    },
  )
}

function createRoute(app: App, db: Db, c: AnyApi, { one: noun, many, Name, a }: Names) {
  app.post(
    `/${many}`,
    {
      config: { scope: 'write' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: [many],
        operationId: `create${Name}`,
        summary: `Create ${a}; answers 201 with the ${noun}, its ETag and its Location`,
        headers: IdempotencyHeaders,
        querystring: NoQuery,
        body: c.commands.New,
        response: {
          201: one(c.item, `The ${noun} as created`),
          ...problemResponses(400, 401, 403, 409, 413, 415, 422, 429, 503),
        },
      },
    },
    async (req, reply) => {
      const now = new Date(req.view.now)
      const location = (id: string) => `${app.prefix}/${many}/${id}`
      return send(reply, idempotentWrite(db, idempotencyOf(req), now, () => c.commands.create(db, req.body, { now, location })))
    },
  )
}

function updateRoute(app: App, db: Db, c: AnyApi, { one: noun, many, Name, a }: Names) {
  const unprocessable = c.commands.crossFieldRules ? ([422] as const) : []
  app.patch(
    `/${many}/:idOrSlug`,
    {
      config: { scope: 'write' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: [many],
        operationId: `update${Name}`,
        summary: `Change some fields of ${a}; needs If-Match with the ETag last read`,
        params: Params,
        headers: IfMatchHeaders,
        querystring: NoQuery,
        body: c.commands.Patch,
        response: {
          200: one(c.item, `The ${noun} as changed, with its new ETag`),
          ...problemResponses(400, 401, 403, 404, 409, 412, 413, 415, ...unprocessable, 428, 429, 503),
        },
      },
    },
    async (req, reply) => {
      const at = { ifMatch: req.headers['if-match'], now: new Date(req.view.now) }
      return send(reply, inTransaction(db, req.view.now, () => c.commands.update(db, req.params.idOrSlug, req.body, at)))
    },
  )
}

function deleteRoute(app: App, db: Db, c: AnyApi, { many, Name }: Names) {
  app.delete(
    `/${many}/:idOrSlug`,
    {
      config: { scope: 'write' },
      schema: {
        tags: [many],
        operationId: `delete${Name}`,
        summary: c.deleteSummary,
        params: Params,
        headers: IfMatchHeaders,
        querystring: NoQuery,
        response: {
          204: z.null().meta({ description: 'Deleted' }),
          ...problemResponses(400, 401, 403, 404, 409, 412, 428, 429, 503),
        },
      },
    },
    async (req, reply) => {
      const at = { ifMatch: req.headers['if-match'] }
      return send(reply, inTransaction(db, req.view.now, () => c.commands.remove(db, req.params.idOrSlug, at)))
    },
  )
}

/** A taxonomy's routes: list, get one, create (Idempotency-Key), change and delete (If-Match). */
export function taxonomyRoutes<R extends TaxonomyRow, S extends string, F extends z.ZodRawShape>(
  api: TaxonomyApi<R, S, F>,
): FastifyPluginAsyncZod<{ db: Db }> {
  const c = api as unknown as AnyApi
  const names = namesOf(api.noun)
  return async (app, { db }) => {
    for (const route of [listRoute, getRoute, createRoute, updateRoute, deleteRoute]) route(app, db, c, names)
  }
}
