import { fetch as undiciFetch, type Agent } from 'undici'
import { eventsWritten, toEvent, type EventRow } from '../../core/events.js'
import type { Db } from '../../db/client.js'
import { preparedFor } from '../../db/prepared.js'
import { signedHeaders } from './signing.js'
import { deliveryAgent, ForbiddenAddressError } from './ssrf.js'
import { PollTimer } from '../../core/poll-timer.js'

/** Delays after the 1st, 2nd… failed attempt; each is jittered ±20% so retries spread out. */
export const BACKOFF_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000]
/** Attempts before a delivery is given up as failed: about 16 hours of retrying. */
export const MAX_ATTEMPTS = 10

type Log = { [level in 'debug' | 'info' | 'warn' | 'error']: (obj: object, msg: string) => void }
const silent: Log = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }

export type AttemptOutcome = {
  deliveryId: string
  webhookId: string
  /** Which attempt this was, from 1. */
  attempt: number
  /** The delivery's status after it: pending means another attempt is scheduled. */
  status: 'delivered' | 'pending' | 'failed'
  httpStatus: number | null
  error: string | null
  nextAttemptAt: string | null
}

export type WebhookWorkerOptions = {
  db: Db
  /** Let deliveries reach loopback and private addresses (ALLOW_PRIVATE_WEBHOOKS). */
  allowPrivate: boolean
  /** The time deliveries are judged due by and stamped with; tests move it. */
  clock?: () => Date
  fetchImpl?: typeof undiciFetch
  log?: Log
  /** How often the queue is looked at when nothing wakes the worker. */
  pollIntervalMs?: number
  /** Per attempt, connecting through the response headers. */
  timeoutMs?: number
  /** Attempts in flight at once; one endpoint never has more than one of them. */
  concurrency?: number
  maxAttempts?: number
  /** For the backoff's jitter; tests fix it. */
  random?: () => number
  /** Told after each attempt is recorded. */
  onAttempt?: (outcome: AttemptOutcome) => void
}

export type WebhookWorker = {
  /** Looks at the queue now rather than at the next poll. */
  wake(): void
  /** Claims nothing more, lets the attempts in flight finish and be recorded, then resolves. */
  stop(): Promise<void>
}

type Claimed = Omit<EventRow, 'seq'> & {
  id: string
  webhook_id: string
  attempts: number
  url: string
  secret: string
  /** null when the event row is gone (the join found nothing). */
  seq: number | null
}

const statements = preparedFor((db) => ({
  // The oldest due delivery of an endpoint with nothing in flight here: one at a time per
  // endpoint, so a slow or dead one cannot take every slot.
  due: db.$client.prepare(`
    select d.id, d.webhook_id, d.attempts, w.url, w.secret,
           e.seq, e.type, e.resource, e.resource_id, e.version, e.at
    from webhook_deliveries d
    join webhooks w on w.id = d.webhook_id
    left join events e on e.seq = d.event_seq
    where d.status = 'pending' and d.next_attempt_at <= ? and w.disabled_at is null
      and d.webhook_id not in (select value from json_each(?))
    order by d.next_attempt_at, d.id
    limit 1`),
  lease: db.$client.prepare(`update webhook_deliveries set next_attempt_at = ? where id = ?`),
  // Guarded by status, so a delivery cancelled (its webhook deleted) mid-attempt stays so.
  delivered: db.$client.prepare(`
    update webhook_deliveries
    set status = 'delivered', attempts = ?, last_status = ?, last_error = null, delivered_at = ?, next_attempt_at = ?
    where id = ? and status = 'pending'`),
  failed: db.$client.prepare(`
    update webhook_deliveries
    set status = ?, attempts = ?, last_status = ?, last_error = ?, next_attempt_at = ?
    where id = ? and status = 'pending'`),
}))

/** The body of a delivery: the same bytes on every attempt, so only the timestamp header differs. */
export function payloadOf(event: EventRow): string {
  return JSON.stringify({ type: `${event.resource}.${event.type}`, timestamp: event.at, data: toEvent(event) })
}

/** The options with their defaults, and what the worker builds from them once. */
type Settings = Required<Omit<WebhookWorkerOptions, 'onAttempt'>> & {
  onAttempt: WebhookWorkerOptions['onAttempt']
  agent: Agent
  /** How long a claim holds a delivery: past any attempt, so only a dead process lets it lapse. */
  leaseMs: number
}

function settingsOf(options: WebhookWorkerOptions): Settings {
  const timeoutMs = options.timeoutMs ?? 10_000
  const allowPrivate = options.allowPrivate
  return {
    db: options.db,
    allowPrivate,
    clock: options.clock ?? (() => new Date()),
    log: options.log ?? silent,
    pollIntervalMs: options.pollIntervalMs ?? 1_000,
    timeoutMs,
    concurrency: options.concurrency ?? 8,
    maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS,
    random: options.random ?? Math.random,
    onAttempt: options.onAttempt,
    agent: deliveryAgent({ allowPrivate, timeoutMs }),
    fetchImpl: options.fetchImpl ?? undiciFetch,
    leaseMs: timeoutMs + 60_000,
  }
}

/** Leases the oldest due deliveries, one per endpoint not busy here, up to the free slots. */
function claim(s: Settings, inFlight: Map<string, Promise<void>>): Claimed[] {
  const free = s.concurrency - inFlight.size
  if (free <= 0) return []
  const sql = statements(s.db)
  return s.db.$client
    .transaction(() => {
      const now = s.clock()
      const busy = [...inFlight.keys()]
      const claimed: Claimed[] = []
      while (claimed.length < free) {
        const row = sql.due.get(now.toISOString(), JSON.stringify(busy)) as Claimed | undefined
        if (!row) break
        sql.lease.run(new Date(now.getTime() + s.leaseMs).toISOString(), row.id)
        busy.push(row.webhook_id)
        claimed.push(row)
      }
      return claimed
    })
    .immediate()
}

type Sent = { httpStatus: number | null; error: string | null }

/** One signed POST of a delivery; any answer but a 2xx, and any failure to get one, is an error. */
async function send(s: Settings, d: Claimed): Promise<Sent> {
  if (d.seq === null) return { httpStatus: null, error: 'The event no longer exists.' }
  const body = payloadOf({ ...d, seq: d.seq })
  const timestamp = Math.floor(s.clock().getTime() / 1000)
  try {
    const res = await s.fetchImpl(d.url, {
      method: 'POST',
      headers: { ...signedHeaders(d.secret, d.id, timestamp, body), 'user-agent': 'Byline-Webhooks/1' },
      body,
      // A redirect could lead anywhere, past every check made on the URL; it is a failure.
      redirect: 'manual',
      dispatcher: s.agent,
      signal: AbortSignal.timeout(s.timeoutMs),
    })
    // Nothing the receiver says is kept; the connection is freed at once.
    await res.body?.cancel().catch(() => {})
    if (res.status >= 200 && res.status < 300) return { httpStatus: res.status, error: null }
    const redirect = res.status >= 300 && res.status < 400 ? ': redirects are not followed' : ''
    return { httpStatus: res.status, error: `HTTP ${res.status}${redirect}` }
  } catch (err) {
    return { httpStatus: null, error: describe(err, s.timeoutMs) }
  }
}

/** After a failed attempt: retry after a jittered backoff, or give up (too many, or no event). */
function retryOrGiveUp(s: Settings, attempts: number, eventGone: boolean, now: Date) {
  const giveUp = attempts >= s.maxAttempts || eventGone
  const delay = BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length) - 1]! * (0.8 + 0.4 * s.random())
  const next = giveUp ? now : new Date(now.getTime() + Math.round(delay))
  return { status: giveUp ? ('failed' as const) : ('pending' as const), next }
}

/** Writes what an attempt came to onto its delivery. */
function record(s: Settings, d: Claimed, { httpStatus, error }: Sent): AttemptOutcome {
  const now = s.clock()
  const attempts = d.attempts + 1
  const sql = statements(s.db)
  const ids = { deliveryId: d.id, webhookId: d.webhook_id, attempt: attempts }
  if (error === null) {
    sql.delivered.run(attempts, httpStatus, now.toISOString(), now.toISOString(), d.id)
    return { ...ids, status: 'delivered', httpStatus, error, nextAttemptAt: null }
  }
  const { status, next } = retryOrGiveUp(s, attempts, d.seq === null, now)
  sql.failed.run(status, attempts, httpStatus, error, next.toISOString(), d.id)
  return { ...ids, status, httpStatus, error, nextAttemptAt: status === 'failed' ? null : next.toISOString() }
}

async function attempt(s: Settings, d: Claimed) {
  const outcome = record(s, d, await send(s, d))
  const { httpStatus, error } = outcome
  const line = { delivery: d.id, webhook: d.webhook_id, attempt: outcome.attempt, httpStatus, error }
  if (outcome.status === 'failed') s.log.warn(line, 'webhook delivery failed for good')
  else s.log.debug(line, 'webhook delivery attempted')
  s.onAttempt?.(outcome)
}

/**
 * Sends queued deliveries. The queue is `webhook_deliveries` in SQLite, filled in the
 * transaction of each change, so a crash or restart loses nothing; a delivery is claimed
 * by pushing its next_attempt_at past the attempt (a lease) in an IMMEDIATE transaction,
 * so several processes on one database never send the same attempt twice, and one that
 * dies mid-attempt is retried when the lease runs out (at-least-once, as the spec says).
 */
export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const s = settingsOf(options)
  const timer = new PollTimer(s.pollIntervalMs)
  const inFlight = new Map<string, Promise<void>>() // by webhook id

  function start(d: Claimed) {
    const running = attempt(s, d)
      .catch((err: unknown) => s.log.error({ err, delivery: d.id }, 'webhook attempt could not be recorded'))
      .finally(() => {
        inFlight.delete(d.webhook_id)
        timer.wake()
      })
    inFlight.set(d.webhook_id, running)
  }

  async function run() {
    while (!timer.stopping) {
      timer.rearm()
      try {
        for (const d of claim(s, inFlight)) start(d)
      } catch (err) {
        // A busy or failing database must not end the worker; the next poll tries again.
        s.log.error({ err }, 'webhook queue could not be read')
      }
      await timer.wait()
    }
    await Promise.allSettled(inFlight.values())
  }

  eventsWritten.on('events', timer.wake)
  const running = run()
  let stopped: Promise<void> | undefined
  return {
    wake: timer.wake,
    stop() {
      stopped ??= (async () => {
        timer.stopping = true
        eventsWritten.off('events', timer.wake)
        timer.wake()
        await running
        await s.agent.close()
      })()
      return stopped
    },
  }
}

/** What went wrong, for last_error: fetch wraps the real cause (refused, reset, timed out). */
function describe(err: unknown, timeoutMs: number): string {
  let e = err as Error & { code?: string }
  while (e?.cause instanceof Error) e = e.cause as Error & { code?: string }
  if (e instanceof ForbiddenAddressError) return e.message
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError' || e?.code === 'UND_ERR_CONNECT_TIMEOUT' || e?.code === 'UND_ERR_HEADERS_TIMEOUT') {
    return `No response within ${timeoutMs / 1000} s.`
  }
  const text = e instanceof Error ? `${e.code ? `${e.code}: ` : ''}${e.message}` : String(err)
  return text.slice(0, 500)
}
