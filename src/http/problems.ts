import { STATUS_CODES } from 'node:http'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify'
import FindMyWay, { type HTTPMethod } from 'find-my-way'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { Problem, type FieldError } from '../core/problem.js'

const VALIDATION_CONTEXT: Record<string, FieldError['in']> = {
  querystring: 'query',
  params: 'path',
  headers: 'header',
  body: 'body',
}

// Fastify's own texts for these echo the whole URL back; say what is wrong instead.
const FRAMEWORK_DETAIL: Record<string, string> = {
  FST_ERR_BAD_URL: 'The request path is not valid percent-encoded UTF-8.',
  FST_ERR_MAX_PARAM_LENGTH: 'A path segment is longer than 200 characters.',
}

function sendProblem(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  body: { title?: string; type?: string; detail?: string; errors?: FieldError[]; conflicts?: unknown[] },
) {
  const problem = {
    type: body.type ?? 'about:blank',
    title: body.title ?? STATUS_CODES[status] ?? 'Error',
    status,
    ...(body.detail === undefined ? {} : { detail: body.detail }),
    instance: req.url,
    ...(body.errors ? { errors: body.errors } : {}),
    ...(body.conflicts ? { conflicts: body.conflicts } : {}),
  }
  // A string bypasses the route's response serializer: problems have their own shape.
  return reply.code(status).type('application/problem+json; charset=utf-8').send(JSON.stringify(problem))
}

export function problemHandler(err: FastifyError | Problem, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof Problem) {
    if (err.extra.headers) reply.headers(err.extra.headers)
    return sendProblem(req, reply, err.status, { ...err.extra, detail: err.detail })
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = VALIDATION_CONTEXT[err.validationContext ?? 'body'] ?? 'body'
    const errors: FieldError[] = err.validation.map((raw) => {
      // zod says "expected string, received undefined" for a missing field: say what it means.
      const v = { ...raw, message: raw.message?.replace(/^Invalid input: expected (.+), received undefined$/, 'Required ($1)') }
      const path = v.instancePath.split('/').slice(1)
      if (where === 'body') return { in: where, pointer: v.instancePath || '/', detail: v.message ?? 'is invalid' }
      // Unknown query keys are reported by zod on the object itself, naming the keys.
      const keys = (v.params as { keys?: string[] }).keys
      const parameter = path[0] || keys?.join(', ') || ''
      return { in: where, parameter, detail: v.message ?? 'is invalid' }
    })
    const named = errors.map((e) => (e.parameter !== undefined ? `${e.parameter}: ${e.detail}` : `${e.pointer}: ${e.detail}`))
    return sendProblem(req, reply, 400, {
      detail: `Invalid ${where === 'path' ? 'path parameter' : where === 'query' ? 'query parameter' : where}: ${named.join('; ')}`,
      errors,
    })
  }
  const unavailable = storageUnavailable(err)
  if (unavailable) {
    req.log.warn({ err }, 'storage unavailable')
    reply.header('retry-after', String(unavailable.retryAfter))
    return sendProblem(req, reply, 503, { detail: unavailable.detail })
  }
  const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500
  if (status < 500) return sendProblem(req, reply, status, { detail: FRAMEWORK_DETAIL[err.code] ?? err.message })
  // Our bug (a response that fails its own schema included): log it, show nothing of it.
  req.log.error({ err }, 'request failed')
  return sendProblem(req, reply, status, { title: STATUS_CODES[status] ?? 'Internal Server Error' })
}

/**
 * Errors on the connection itself (a request that is not HTTP, headers over the limit, a
 * timeout): answered like every other error, as a problem document, before closing.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: import('node:stream').Duplex) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400
  const detail =
    status === 408
      ? 'The request was not received in time.'
      : status === 431
        ? 'The request headers are larger than the server accepts.'
        : 'The request is not well-formed HTTP.'
  const body = JSON.stringify({ type: 'about:blank', title: STATUS_CODES[status], status, detail, instance: '/' })
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/problem+json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    )
  }
  socket.destroy(err)
}

/**
 * SQLite errors that say the database cannot take a write now (another writer held the
 * lock past busy_timeout, the disk is full or read-only): the client may retry; nothing
 * was written, since the transaction rolled back.
 */
function storageUnavailable(err: { code?: unknown }): { retryAfter: number; detail: string } | undefined {
  const code = typeof err.code === 'string' ? err.code : ''
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code.startsWith('SQLITE_LOCKED')) {
    return { retryAfter: 1, detail: 'The database is busy with another write; nothing was written. Retry shortly.' }
  }
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR')) {
    return { retryAfter: 30, detail: 'The database cannot take writes at the moment; nothing was written. Retry later.' }
  }
  return undefined
}

/**
 * Answers 404 for unknown paths and 405 (with Allow) for known paths asked with the wrong
 * method. Fastify's own router answers 404 for both, so a second router learns every route.
 * `guard` runs first (the rate limit), so unknown paths cannot be flooded for free.
 */
export function installNotFound(app: FastifyInstance) {
  const known = FindMyWay({ ignoreTrailingSlash: false })
  const methods = new Set<string>()
  app.addHook('onRoute', (route) => {
    if (route.url.includes('*')) return
    for (const method of [route.method].flat()) {
      methods.add(method)
      known.on(method as HTTPMethod, route.url, () => {})
    }
  })
  return (guard?: preHandlerHookHandler) =>
    app.setNotFoundHandler(guard ? { preHandler: guard } : {}, (req, reply) => {
      const path = req.url.split('?', 1)[0] ?? '/'
      const allowed = [...methods].filter((m) => known.find(m as HTTPMethod, path) !== null).sort()
      if (allowed.length > 0) {
        reply.header('allow', allowed.join(', '))
        return sendProblem(req, reply, 405, { detail: `${req.method} is not allowed on ${path}. Allowed: ${allowed.join(', ')}.` })
      }
      return sendProblem(req, reply, 404, { detail: `No route for ${req.method} ${path}.` })
    })
}
