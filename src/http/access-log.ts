import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify'

/**
 * One access-log line per request, written when it completes, instead of Fastify's two: at
 * tens of thousands of requests a second, logging is a measurable share of each one.
 */
export class AccessLog extends LogController {
  override incomingRequest(request: FastifyRequest) {
    request.log.debug({ req: request }, 'incoming request')
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const line = {
      method: request.method,
      url: request.url,
      statusCode: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 100) / 100,
      // The client as the rate limit counts it: behind a trusted proxy, not the proxy.
      ip: request.ip,
    }
    if (error) reply.log.error({ ...line, err: error }, 'request errored')
    else reply.log.info(line, 'request completed')
  }
}

// A client's request id is kept only when it is short and plain, so logs cannot be flooded.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/

/** The request's id: the client's own when it sent a short plain one, else a new UUID. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id']
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID()
}
