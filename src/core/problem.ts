import { z } from 'zod'

/**
 * Problems (RFC 9457): what a request got wrong, as handlers throw them and as the API
 * documents them. The HTTP layer writes them as application/problem+json (src/http/problems.ts).
 */

/** One wrong field or parameter, as RFC 9457's example extension `errors` names it. */
export const FieldError = z
  .object({
    in: z.enum(['query', 'path', 'header', 'body']),
    parameter: z.string().optional().meta({ description: 'The parameter, for query, path and header errors.' }),
    pointer: z.string().optional().meta({ description: 'A JSON Pointer into the body, for body errors.' }),
    detail: z.string(),
  })
  .meta({ id: 'FieldError' })
export type FieldError = z.infer<typeof FieldError>

export const ProblemDocument = z
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

/** An RFC 9457 problem a handler throws; the error handler writes it as problem+json. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly extra: {
      type?: string
      title?: string
      errors?: FieldError[]
      conflicts?: { resource: string; id: string; detail: string }[]
      headers?: Record<string, string>
    } = {},
  ) {
    super(detail)
  }
}

export const notFound = (what: string, key: string) => new Problem(404, `No ${what} with id or slug "${key}".`)

/** A parameter that passed its schema but is still wrong (a cursor we never issued, say). */
export const badParameter = (where: FieldError['in'], parameter: string, detail: string) =>
  new Problem(400, `${where === 'path' ? 'Path' : 'Query'} parameter "${parameter}" ${detail}`, {
    errors: [{ in: where, parameter, detail }],
  })

/** The change is refused because of other data; `conflicts` names each piece. */
export type Conflict = { resource: string; id: string; detail: string }

export const conflict = (detail: string, conflicts: Conflict[] = []) =>
  new Problem(409, detail, conflicts.length > 0 ? { conflicts } : {})

/** A body field that names something that does not exist, or text a story does not hold. */
export const unprocessable = (pointer: string, detail: string) =>
  new Problem(422, `${pointer}: ${detail}`, { errors: [{ in: 'body', pointer, detail }] })

/** SQLite's unique-constraint errors name table.column; turn the slug ones into a 409. */
export function uniqueViolation(err: unknown, what: string, slug: string): Problem | undefined {
  const e = err as { code?: string; message?: string }
  if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return conflict(`The slug "${slug}" already belongs to another ${what}.`)
  }
  return undefined
}
