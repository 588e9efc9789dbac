import type { Server } from 'node:http'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { Problem } from '../core/problem.js'

/**
 * Node's `server.close()` destroys idle keep-alive connections at once. A request a client
 * sent on one an instant before (still unread in the socket buffer) is then reset, and the
 * client cannot tell whether it ran. Instead, while closing, an idle connection ends at its
 * keep-alive timeout, which every response announced (`Keep-Alive: timeout=N`), so clients
 * stop using it first; a busy one ends after its answer, sent with `Connection: close`.
 * Connections still idle a second after that timeout never sent a request: they go then.
 */
function drainGracefully(server: Server, keepAliveMs: number) {
  const closeIdle = server.closeIdleConnections.bind(server)
  let closing = false
  server.closeIdleConnections = () => {
    if (closing) return
    closing = true
    setTimeout(closeIdle, keepAliveMs + 1000).unref()
  }
}

/**
 * How connections end. While shutting down, requests already running finish and new ones are
 * told to come back; every answer names its request id; a refusal sent before the body
 * arrived closes its connection.
 */
async function connections(app: FastifyInstance, opts: { keepAliveMs: number }) {
  let closing = false
  drainGracefully(app.server, opts.keepAliveMs)
  app.addHook('preClose', async () => {
    closing = true
    // Connections the kernel has completed but Node not yet accepted would be reset when
    // the listener closes, requests and all. A moment's grace lets them in, to a 503.
    if (app.server.listening) await new Promise((resolve) => setTimeout(resolve, 100))
  })
  // A callback hook, not an async one: it runs on every request and must cost nothing.
  app.addHook('onRequest', (_req, reply, done) => {
    if (!closing) return done()
    reply.header('connection', 'close')
    done(new Problem(503, 'The server is shutting down; retry shortly.', { headers: { 'retry-after': '1' } }))
  })
  app.addHook('onSend', (req, reply, _payload, done) => {
    reply.header('x-request-id', req.id)
    // The last answer on its connection: the client opens a new one (elsewhere) for the next.
    // So is a refusal sent before the body arrived (401, 413…): the socket is freed now,
    // not when the rest of the body has been read and thrown away.
    if (closing || (reply.statusCode >= 400 && !req.raw.complete)) reply.header('connection', 'close')
    done()
  })
}

export const connectionsPlugin = fp(connections, { name: 'byline-connections', fastify: '5.x' })
