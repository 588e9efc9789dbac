import { and, count, eq, isNull } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { events, webhookDeliveries, webhooks } from '../../db/schema.js'
import { newId } from '../../core/ids.js'
import { orderBy, pageOf, type PageInfo, type SortOrder } from '../../core/pagination.js'
import { noContent, withRepresentation, type WriteResult } from '../../core/transactions.js'
import { notFound } from '../../core/problem.js'
import type { NewWebhook, Webhook, WebhookDelivery } from './schemas.js'
import { generateSecret } from './signing.js'

type WebhookRow = typeof webhooks.$inferSelect

// The secret never leaves through here: only creation shows it.
const wire = (w: WebhookRow): Webhook => ({ id: w.id, url: w.url, events: w.events, createdAt: w.createdAt })

/** A webhook that exists and was not deleted. */
function findWebhook(db: Db, id: string): WebhookRow | undefined {
  return db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.id, id), isNull(webhooks.disabledAt)))
    .get()
}

export function getWebhook(db: Db, id: string): Webhook {
  const row = findWebhook(db, id)
  if (!row) throw notFound('webhook', id)
  return wire(row)
}

export function createWebhook(db: Db, input: NewWebhook, now: Date, keyId: string | null, location: (id: string) => string): WriteResult {
  const id = newId('whk', now.getTime())
  const secret = input.secret ?? generateSecret()
  const row = {
    id,
    url: new URL(input.url).href,
    events: [...new Set(input.events)],
    secret,
    keyId,
    createdAt: now.toISOString(),
  }
  db.insert(webhooks).values(row).run()
  const webhook = wire({ ...row, disabledAt: null })
  const headers = { location: location(id) }
  // Shown once, ever: what an Idempotency-Key keeps for replays never holds the secret.
  return {
    ...withRepresentation(201, JSON.stringify({ data: { ...webhook, secret } }), headers),
    replay: withRepresentation(201, JSON.stringify({ data: { ...webhook, secret: null } }), headers),
  }
}

/**
 * Deleting stops deliveries at once: the row stays (so its delivery log and ids are never
 * reused) but is disabled, its secret is forgotten, and what was queued is cancelled.
 */
export function deleteWebhook(db: Db, id: string, now: Date): WriteResult {
  if (!findWebhook(db, id)) throw notFound('webhook', id)
  db.update(webhooks).set({ disabledAt: now.toISOString(), secret: '' }).where(eq(webhooks.id, id)).run()
  db.update(webhookDeliveries)
    .set({ status: 'failed', lastError: 'The webhook was deleted.' })
    .where(and(eq(webhookDeliveries.webhookId, id), eq(webhookDeliveries.status, 'pending')))
    .run()
  return noContent
}

const BY_CREATION: SortOrder<WebhookRow> = {
  name: 'created',
  keyset: { columns: [webhooks.createdAt, webhooks.id], direction: 'asc' },
  key: (w) => [w.createdAt, w.id],
}

export function listWebhooks(db: Db, page: { limit: number; cursor?: string | undefined }): { data: Webhook[]; page: PageInfo } {
  const live = isNull(webhooks.disabledAt)
  const { rows, nextCursor } = pageOf(BY_CREATION, page, (after, limit) =>
    db
      .select()
      .from(webhooks)
      .where(and(live, after))
      .orderBy(...orderBy(BY_CREATION.keyset))
      .limit(limit)
      .all(),
  )
  const total = db.select({ n: count() }).from(webhooks).where(live).get()?.n ?? 0
  return { data: rows.map(wire), page: { limit: page.limit, nextCursor, total } }
}

const deliveryColumns = {
  id: webhookDeliveries.id,
  eventSeq: webhookDeliveries.eventSeq,
  resource: events.resource,
  type: events.type,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  lastStatus: webhookDeliveries.lastStatus,
  lastError: webhookDeliveries.lastError,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  createdAt: webhookDeliveries.createdAt,
  deliveredAt: webhookDeliveries.deliveredAt,
}
type DeliveryRow = Omit<WebhookDelivery, 'event' | 'nextAttemptAt'> & { resource: string | null; type: string | null; nextAttemptAt: string }

const NEWEST_FIRST: SortOrder<DeliveryRow> = {
  name: 'newest',
  keyset: { columns: [webhookDeliveries.createdAt, webhookDeliveries.id], direction: 'desc' },
  key: (d) => [d.createdAt, d.id],
}

export function listDeliveries(
  db: Db,
  webhookId: string,
  page: { limit: number; cursor?: string | undefined },
): { data: WebhookDelivery[]; page: PageInfo } {
  if (!findWebhook(db, webhookId)) throw notFound('webhook', webhookId)
  const mine = eq(webhookDeliveries.webhookId, webhookId)
  const { rows, nextCursor } = pageOf(NEWEST_FIRST, page, (after, limit) =>
    db
      .select(deliveryColumns)
      .from(webhookDeliveries)
      .leftJoin(events, eq(events.seq, webhookDeliveries.eventSeq))
      .where(and(mine, after))
      .orderBy(...orderBy(NEWEST_FIRST.keyset))
      .limit(limit)
      .all(),
  )
  const total = db.select({ n: count() }).from(webhookDeliveries).where(mine).get()?.n ?? 0
  const data = rows.map(({ resource, type, ...d }) => ({
    ...d,
    event: resource && type ? `${resource}.${type}` : null,
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
  }))
  return { data, page: { limit: page.limit, nextCursor, total } }
}
