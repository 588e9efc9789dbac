import { eventsWritten, toEvent, type EventRow } from '../../core/events.js'
import { PollTimer } from '../../core/poll-timer.js'
import type { Db } from '../../db/client.js'
import { preparedFor } from '../../db/prepared.js'

export type PurgerOptions = {
  db: Db
  /** Base URLs of the cache instances (Varnish), each told every change. */
  urls: string[]
  /** Soft purge (serve stale within grace while refetching) or drop at once. */
  soft: boolean
  log: { info(o: object, m: string): void; warn(o: object, m: string): void }
  /** How often the feed is read for changes other processes committed. */
  pollMs?: number
  fetch?: typeof fetch
}

export type Purger = { stop(): Promise<void> }

// Events read at once; their keys go out in requests of at most KEYS_PER_REQUEST keys.
const BATCH = 500
const KEYS_PER_REQUEST = 100
const MAX_BACKOFF_MS = 30_000

const sql = preparedFor((db) => ({
  last: db.$client.prepare('select coalesce(max(seq), 0) from events').pluck(),
  position: db.$client.prepare('select seq from purge_positions where url = ?').pluck(),
  start: db.$client.prepare('insert into purge_positions (url, seq) values (?, ?) on conflict (url) do nothing'),
  advance: db.$client.prepare('update purge_positions set seq = ? where url = ? and seq < ?'),
  since: db.$client.prepare(`select seq, type, resource, resource_id, version, at from events where seq > ? order by seq limit ${BATCH}`),
}))

/** The distinct surrogate keys of a run of events, in the order first named. */
export const keysOf = (events: EventRow[]) => [...new Set(events.flatMap((e) => toEvent(e).surrogateKeys))]

/**
 * Tells each cache instance which keys changed, after every committed change: the same
 * surrogate keys as /v1/changes, deduplicated and batched, as `PURGE /` with an
 * `xkey-softpurge` (or `xkey-purge`) header. Each instance has its position in the feed in
 * SQLite; a new instance starts from the feed's end (it holds nothing older). An instance that
 * is down is retried with a backoff that doubles to 30 s, and the others go on; nothing here
 * runs inside a write. Run by one process at a time (the `purge` lease).
 */
export function startPurger(opts: PurgerOptions): Purger {
  const { db, urls, soft, log } = opts
  const send = opts.fetch ?? fetch
  const timer = new PollTimer(opts.pollMs ?? 100)
  const backoff = new Map<string, { until: number; ms: number }>()
  const q = sql(db)
  for (const url of urls) q.start.run(url, q.last.get())

  async function purge(url: string) {
    const wait = backoff.get(url)
    if (wait && Date.now() < wait.until) return
    const from = q.position.get(url) as number
    const events = q.since.all(from) as EventRow[]
    if (events.length === 0) return
    const keys = keysOf(events)
    try {
      for (let i = 0; i < keys.length; i += KEYS_PER_REQUEST) {
        const res = await send(new URL('/', url), {
          method: 'PURGE',
          headers: { [soft ? 'xkey-softpurge' : 'xkey-purge']: keys.slice(i, i + KEYS_PER_REQUEST).join(' ') },
          signal: AbortSignal.timeout(5_000),
        })
        await res.arrayBuffer()
        if (!res.ok) throw new Error(`${url} answered ${res.status}`)
      }
      const to = events.at(-1)!.seq
      q.advance.run(to, url, to)
      if (wait) log.info({ url }, 'cache instance purged again')
      backoff.delete(url)
    } catch (err) {
      const ms = Math.min((wait?.ms ?? 250) * 2, MAX_BACKOFF_MS)
      backoff.set(url, { until: Date.now() + ms, ms })
      log.warn({ url, err: (err as Error).message, retryInMs: ms }, 'cache instance could not be purged')
    }
  }

  // Each instance on its own: one that hangs until its timeout holds up none of the others.
  const inFlight = new Map<string, Promise<void>>()
  async function run() {
    while (!timer.stopping) {
      timer.rearm()
      for (const url of urls) {
        if (inFlight.has(url)) continue
        const purging = purge(url)
          .catch((err: unknown) => log.warn({ url, err }, 'purge failed'))
          .finally(() => inFlight.delete(url))
        inFlight.set(url, purging)
      }
      await timer.wait()
    }
    await Promise.all(inFlight.values())
  }
  eventsWritten.on('events', timer.wake)
  const running = run()
  return {
    async stop() {
      eventsWritten.off('events', timer.wake)
      timer.stopping = true
      timer.wake()
      await running
    },
  }
}
