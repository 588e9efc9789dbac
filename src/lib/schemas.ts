import { z } from 'zod'

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

export const FieldError = z
  .object({
    in: z.enum(['query', 'path', 'header', 'body']),
    parameter: z.string().optional().meta({ description: 'The parameter, for query, path and header errors.' }),
    pointer: z.string().optional().meta({ description: 'A JSON Pointer into the body, for body errors.' }),
    detail: z.string(),
  })
  .meta({ id: 'FieldError' })

export const Problem = z
  .object({
    type: z.string().meta({ description: 'A URI naming the problem type; `about:blank` when the status says it all.' }),
    title: z.string(),
    status: z.int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().meta({ description: 'The request target that failed.' }),
    errors: z.array(FieldError).optional().meta({ description: 'Each bad parameter or field.' }),
    conflicts: z
      .array(z.object({ resource: z.string(), id: z.string(), detail: z.string() }))
      .optional()
      .meta({ description: 'With 409: each piece of data that stands in the way (a reference, a quote an edit would orphan).' }),
  })
  .meta({
    id: 'Problem',
    description: 'An RFC 9457 problem, served as application/problem+json.',
    examples: [
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'Invalid query parameter: limit: Too big: expected number to be <=100',
        instance: '/v1/articles?limit=1000',
        errors: [{ in: 'query', parameter: 'limit', detail: 'Too big: expected number to be <=100' }],
      },
      {
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: 'No article with id or slug "no-such-story".',
        instance: '/v1/articles/no-such-story',
      },
    ],
  })

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
    statuses.map((s) => [s, { description: STATUS_TEXT[s], content: { 'application/problem+json': { schema: Problem } } }]),
  ) as unknown as Record<S, { description: string; content: { 'application/problem+json': { schema: typeof Problem } } }>
}

export const PageInfo = z
  .object({
    limit: z.int().meta({ examples: [20] }),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: 'Pass as `cursor` for the next page; null on the last page.', examples: [null] }),
    total: z.int().meta({ description: 'How many items the whole list holds.', examples: [1] }),
    totalIsExact: z.boolean().optional().meta({
      description:
        'With a full-text `q` only: false when more items matched than a search considers (the 1,000 most recently indexed); `total` then counts within those.',
    }),
  })
  .meta({ id: 'PageInfo' })

export const one = <T extends z.ZodType>(item: T, description: string) =>
  z.object({ data: item }).meta({ description })
export const list = <T extends z.ZodType>(item: T, description: string) =>
  z.object({ data: z.array(item), page: PageInfo }).meta({ description })
