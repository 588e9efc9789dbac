import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../db/client.js'
import { preparedFor } from '../db/prepared.js'
import { decodeCursor, encodeCursor } from '../lib/pagination.js'
import { problemResponses } from '../lib/schemas.js'
import { inTransaction } from '../lib/writes.js'
import { ChangeEvent, eventsWritten, toEvent, type EventRow } from './events.js'
import { needsReconcile } from './reconcile.js'

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

// While waiting, look again this often even without a signal: another process may write.
const POLL_MS = 500

export const changeRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const waiting = new Set<AbortController>()
  app.addHook('preClose', async () => {
    for (const w of waiting) w.abort()
  })

  /** Writes the events that writes or lifted embargoes left pending, if any. */
  const catchUp = (now: string) => {
    if (!needsReconcile(db, now)) return
    try {
      inTransaction(db, now, () => undefined)
    } catch (err) {
      // A database that cannot take writes still serves the events it has.
      const code = (err as { code?: string }).code ?? ''
      if (!/^SQLITE_(BUSY|READONLY|FULL|IOERR)/.test(code)) throw err
    }
  }

  app.get(
    '/changes',
    {
      schema: {
        tags: ['changes'],
        operationId: 'listChanges',
        summary: 'What changed on the public API since a token: the delta-sync feed',
        description:
          'Every creation, change, withdrawal and deletion of a public article, author, source, quote or tag, in order. Start without `since` for the whole history, then pass `nextToken` back. With `wait`, an empty answer is held until an event arrives or the time is up.',
        querystring: ChangesQuery,
        response: { 200: Changes, ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (req, reply) => {
      const { limit, wait } = req.query
      const since = req.query.since === undefined ? 0 : Number(decodeCursor(req.query.since, 'changes', 1)[0])
      // The request's clock, moved on by the real time spent waiting.
      const started = Date.now()
      const nowOf = () => new Date(new Date(req.view.now).getTime() + (Date.now() - started)).toISOString()
      const read = () => {
        catchUp(nowOf())
        return after(db).all(since, limit + 1) as EventRow[]
      }

      let rows = read()
      if (rows.length === 0 && wait > 0) {
        const abort = new AbortController()
        waiting.add(abort)
        req.raw.once('close', () => abort.abort())
        const deadline = started + wait * 1000
        try {
          while (rows.length === 0 && !abort.signal.aborted && Date.now() < deadline) {
            await new Promise<void>((resolve) => {
              const done = () => {
                clearTimeout(timer)
                eventsWritten.off('events', done)
                abort.signal.removeEventListener('abort', done)
                resolve()
              }
              const timer = setTimeout(done, Math.min(POLL_MS, deadline - Date.now()))
              eventsWritten.once('events', done)
              abort.signal.addEventListener('abort', done, { once: true })
            })
            rows = read()
          }
        } finally {
          waiting.delete(abort)
        }
      }
      const hasMore = rows.length > limit
      const page = rows.slice(0, limit)
      const last = page.at(-1)?.seq ?? since
      reply.header('cache-control', 'no-store')
      return { data: page.map(toEvent), nextToken: encodeCursor('changes', [last]), hasMore }
    },
  )
}
