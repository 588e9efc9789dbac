import { z } from 'zod'
import { ProblemDocument } from './problem.js'
import { COUNTED_UP_TO } from '../db/cache.js'

/** Shapes every route's contract shares: ids, envelopes, pages, problems, headers. */

export const IsoDateTime = z.iso.datetime({ offset: false }).meta({
  description: 'An instant in UTC, ISO 8601 with milliseconds.',
  examples: ['2026-11-25T14:46:43.000Z'],
})

export const IdOrSlug = z
  .string()
  .min(1)
  .max(200)
  .meta({ description: 'An id (stable, opaque) or a slug (readable, unique).', examples: ['tucker-reals'] })

/** Routes that take no query parameters still refuse unknown ones, as the lists do. */
export const NoQuery = z.strictObject({})

const STATUS_TEXT = {
  400: 'Bad Request',
  401: 'Unauthorized: the API key is missing where needed, or not valid',
  403: 'Forbidden: the API key lacks the scope',
  404: 'Not Found',
  409: 'Conflict: other data stands in the way; `conflicts` names it',
  410: 'Gone: the article was withdrawn after it was public',
  412: 'Precondition Failed: the resource changed since the ETag in If-Match',
  413: 'Content Too Large: the body is over the limit',
  414: 'URI Too Long: a path parameter is over 200 characters',
  415: 'Unsupported Media Type: send application/json',
  422: 'Unprocessable Content: the body is well-formed but names something that does not exist, or text the story lacks',
  428: 'Precondition Required: send If-Match with the ETag you last read',
  429: 'Too Many Requests: retry after Retry-After seconds',
  431: 'Request Header Fields Too Large: the headers are over 16 KiB',
  503: 'Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After',
} as const

/** The problem responses a route can answer with, documented as application/problem+json. */
export function problemResponses<S extends keyof typeof STATUS_TEXT>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: STATUS_TEXT[s], content: { 'application/problem+json': { schema: ProblemDocument } } }]),
  ) as unknown as Record<S, { description: string; content: { 'application/problem+json': { schema: typeof ProblemDocument } } }>
}

export const PageInfo = z
  .object({
    limit: z.int().meta({ examples: [20] }),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: 'Pass as `cursor` for the next page; null on the last page.', examples: [null] }),
    total: z.int().meta({
      description: `How many items the whole list holds, counted up to ${COUNTED_UP_TO.toLocaleString('en')}: a longer list says ${COUNTED_UP_TO.toLocaleString('en')} and \`totalIsExact: false\`.`,
      examples: [1],
    }),
    totalIsExact: z.boolean().optional().meta({
      description: `Present with a full-text \`q\`, or when the list holds more than ${COUNTED_UP_TO.toLocaleString('en')} items. False when \`total\` counts no further than ${COUNTED_UP_TO.toLocaleString('en')}, or when more items matched \`q\` than a search considers (the 1,000 most recently indexed; \`total\` then counts within those).`,
    }),
  })
  .meta({ id: 'PageInfo' })

export const one = <T extends z.ZodType>(item: T, description: string) =>
  z.object({ data: item }).meta({ description })
export const list = <T extends z.ZodType>(item: T, description: string) =>
  z.object({ data: z.array(item), page: PageInfo }).meta({ description })

export const IfMatchHeaders = z.object({
  'if-match': z
    .string()
    .max(1024)
    .optional()
    .meta({ description: 'Required: the ETag of the representation this change was made against, as read (that of any content coding), or `*`. A weak ETag never matches.' }),
})

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(IDEMPOTENCY_KEY, 'must be 1 to 255 visible ASCII characters')
    .optional()
    .meta({
      description:
        'Makes a retried POST safe: for a day, the same key (from the same API key) with the same body gets the first answer again and writes nothing.',
      examples: ['5f2c8a9e-0d3b-4c52-9a3e-8c1f0a6b7d21'],
    }),
})
