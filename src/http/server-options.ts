import type { Server } from 'node:http'
import type { FastifyHttpOptions, FastifyServerOptions } from 'fastify'
import type { Timeouts } from '../config.js'
import { AccessLog, requestId } from './access-log.js'
import { clientErrorHandler, problemHandler } from './problems.js'

/** Fastify's own settings: logging, the proxies trusted, timeouts, and errors before routing. */
export function serverOptions(opts: { logger: FastifyServerOptions['logger']; trustProxy: string[] | null; timeouts: Timeouts }): FastifyHttpOptions<Server> {
  const { timeouts } = opts
  return {
    logger: opts.logger,
    genReqId: requestId,
    // A list, never `true`: only the named proxies' X-Forwarded-* headers are believed.
    trustProxy: opts.trustProxy && opts.trustProxy.length > 0 ? opts.trustProxy : false,
    routerOptions: { maxParamLength: 200 },
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    connectionTimeout: timeouts.connectionMs,
    // Node checks the header and request deadlines every connectionsCheckingInterval (30 s
    // by default) and closes every expired socket in that one turn of the event loop: 500
    // at once stall other requests for ~50 ms. Four checks a second split such a wave and
    // keep a dripping client within its timeout plus a quarter second.
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: 250 },
    logController: new AccessLog(),
    // Malformed URLs fail before routing; they get the same problem documents as the rest.
    frameworkErrors: problemHandler,
    clientErrorHandler,
    // Fastify's own closing answer is plain JSON; the connections plugin's is a problem with Retry-After.
    return503OnClosing: false,
  }
}
