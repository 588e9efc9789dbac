import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { preparedFor } from '../../db/prepared.js'
import { decodeCursor } from '../../core/pagination.js'
import { problemResponses } from '../../core/contract.js'
import { Problem } from '../../core/problem.js'
import { ChangeEvent, changesToken, toEvent, type EventRow } from '../../core/events.js'
import { catchUp } from '../../core/transactions.js'
import type { ChangeWatcher } from './watcher.js'

const ChangesQuery = z.strictObject({
  since: z.string().max(200).optional().meta({ description: 'The `nextToken` of the previous answer; omit it to start from the beginning.' }),
  limit: z.coerce.number().int().min(1).max(1000).default(100).meta({ description: 'Events per answer, 1 to 1000.' }),
  wait: z.coerce
    .number()
    .int()
    .min(0)
    .max(30)
    .default(0)
    .meta({ description: 'Seconds to hold the request open when there is nothing new (long polling), 0 to 30.' }),
})

const Changes = z
  .object({
    data: z.array(ChangeEvent),
    nextToken: z.string().meta({ description: 'Pass as `since` next time, whether or not this answer held events.' }),
    hasMore: z.boolean().meta({ description: 'More events are waiting: ask again at once.' }),
  })
  .meta({ id: 'Changes', description: 'Events after `since`, oldest first.' })

const after = preparedFor((db) => db.$client.prepare('select seq, type, resource, resource_id, version, at from events where seq > ? order by seq limit ?'))

// A client told to come back: long enough for waits to end or events to release them.
const RETRY_AFTER_SECONDS = 5

export type ChangeRouteOptions = { db: Db; watcher: ChangeWatcher }

export const changeRoutes: FastifyPluginAsyncZod<ChangeRouteOptions> = async (app, { db, watcher }) => {
  app.addHook('preClose', async () => watcher.close())

  app.get(
    '/changes',
    {
      schema: {
        tags: ['changes'],
        operationId: 'listChanges',
        summary: 'What changed on the public API since a token: the delta-sync feed',
        description:
          'Every creation, change, withdrawal and deletion of a public article, author, source, quote or tag, in order. Start without `since` for the whole history, then pass `nextToken` back. With `wait`, an empty answer is held until an event arrives or the time is up; when the server already holds as many waiting requests as it allows (MAX_LONG_POLLS), a request that would wait is answered 503 with Retry-After instead.',
        querystring: ChangesQuery,
        response: {
          200: Changes,
          ...problemResponses(400, 401, 403, 429),
          503: {
            ...problemResponses(503)[503],
            description: 'Service Unavailable: too many requests are already waiting (or shedding load, shutting down); retry after Retry-After',
          },
        },
      },
    },
    async (req, reply) => {
      const { limit, wait } = req.query
      const since = req.query.since === undefined ? 0 : Number(decodeCursor(req.query.since, 'changes', 1)[0])
      catchUp(db, req.view.now)
      let rows = after(db).all(since, limit + 1) as EventRow[]
      if (rows.length === 0 && wait > 0) {
        if (watcher.full) {
          throw new Problem(
            503,
            `${watcher.maxWaiters} requests already wait for changes, as many as this server holds; retry after Retry-After seconds, or ask without wait.`,
            { headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } },
          )
        }
        const abort = new AbortController()
        req.raw.once('close', () => abort.abort())
        const deadline = Date.now() + wait * 1000
        while (rows.length === 0 && !abort.signal.aborted && !watcher.closed && Date.now() < deadline) {
          await watcher.wait(since, deadline, abort.signal)
          rows = after(db).all(since, limit + 1) as EventRow[]
        }
      }
      const hasMore = rows.length > limit
      const page = rows.slice(0, limit)
      const last = page.at(-1)?.seq ?? since
      reply.header('cache-control', 'no-store')
      return { data: page.map(toEvent), nextToken: changesToken(last), hasMore }
    },
  )
}
