import { z } from 'zod'
import { DELIVERY_STATUSES, EVENT_RESOURCES, EVENT_TYPES } from '../../db/schema.js'
import { IsoDateTime } from '../../core/contract.js'
import { secretKey } from './signing.js'

// A story is withdrawn, anything else deleted: only names the changes feed can emit are accepted.
export const EVENT_NAMES = EVENT_RESOURCES.flatMap((r) =>
  EVENT_TYPES.filter((t) => (r === 'article' ? t !== 'deleted' : t !== 'withdrawn')).map((t) => `${r}.${t}` as const),
)

export const EventName = z.enum(['*', ...EVENT_NAMES]).meta({
  description: '`<resource>.<type>` as the changes feed names them, or `*` for every event.',
  examples: ['article.created'],
})

export const MAX_URL_LENGTH = 2048

/** What is wrong with a webhook URL on its face; where it points is judged separately. */
function urlIssue(value: string): string | undefined {
  if (!URL.canParse(value)) return 'must be an absolute URL'
  const url = new URL(value)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http: or https: URL'
  if (url.username !== '' || url.password !== '') return 'must not carry a user name or password; the signature authenticates deliveries'
  if (url.port === '0') return 'must not name port 0, which nothing can listen on'
  return undefined
}

export const WebhookUrl = z
  .string()
  .max(MAX_URL_LENGTH)
  .superRefine((value, ctx) => {
    const issue = urlIssue(value)
    if (issue) ctx.addIssue({ code: 'custom', message: issue })
  })
  .meta({
    format: 'uri',
    description: 'Where deliveries are POSTed: http or https, no credentials, a public address.',
    examples: ['https://partner.example/hooks/byline'],
  })

export const WebhookSecret = z
  .string()
  .max(200)
  .refine((s) => secretKey(s) !== undefined, 'must be whsec_ followed by the base64 of 24 to 64 random bytes')
  .meta({
    description: 'The Standard Webhooks signing secret: `whsec_` and the base64 of 24 to 64 random bytes.',
    examples: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
  })

export const NewWebhook = z
  .strictObject({
    url: WebhookUrl,
    events: z.array(EventName).min(1).max(EVENT_NAMES.length + 1),
    secret: WebhookSecret.optional().meta({ description: 'Omit it and the server generates one (32 random bytes).' }),
  })
  .meta({ id: 'NewWebhook', description: 'An endpoint to deliver events to.' })
export type NewWebhook = z.infer<typeof NewWebhook>

export const Webhook = z
  .object({
    id: z.string().meta({ examples: ['whk_01jd6m7x4q9s2t8v3w5y7z1a2b'] }),
    url: z.string().meta({ description: 'As given, normalized.' }),
    events: z.array(z.string()),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'Webhook', description: 'A registered endpoint; its secret is shown only when it is created.' })
export type Webhook = z.infer<typeof Webhook>

export const CreatedWebhook = Webhook.extend({
  secret: z
    .string()
    .nullable()
    .meta({
      description:
        'Verifies the webhook-signature of every delivery (Standard Webhooks). Shown only in the first answer: keep it, it cannot be read again. A replay of the registration under its Idempotency-Key answers null.',
    }),
}).meta({ id: 'CreatedWebhook', description: 'The endpoint as created, with its signing secret (only in the first answer).' })

export const WebhookDelivery = z
  .object({
    id: z.string().meta({ description: 'The webhook-id header of every attempt.', examples: ['msg_01jd6m7x4q9s2t8v3w5y7z1a2b'] }),
    eventSeq: z.int().meta({ description: 'The event, by its seq in the changes feed.' }),
    event: z.string().nullable().meta({ examples: ['article.created'] }),
    status: z.enum(DELIVERY_STATUSES).meta({
      description: 'pending: an attempt is due at nextAttemptAt; delivered: a 2xx answered; failed: given up (or the webhook was deleted).',
    }),
    attempts: z.int(),
    lastStatus: z.int().nullable().meta({ description: 'The HTTP status of the last attempt; null when none came back.' }),
    lastError: z.string().nullable().meta({ description: 'Why the last attempt failed; null after a success.' }),
    nextAttemptAt: IsoDateTime.nullable().meta({ description: 'When a pending delivery is tried next; null otherwise.' }),
    createdAt: IsoDateTime,
    deliveredAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'WebhookDelivery', description: 'One event sent, or being sent, to one endpoint.' })
export type WebhookDelivery = z.infer<typeof WebhookDelivery>
