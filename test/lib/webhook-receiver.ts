import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Test } from 'tap'

export type Received = { method: string; path: string; headers: IncomingHttpHeaders; body: string }

/**
 * A partner's endpoint on 127.0.0.1 (a random port): records every request and answers
 * with `respond`, 204 by default. `next()` resolves with the next request to arrive.
 */
export async function receiver(t: Test, respond: (req: Received, res: ServerResponse) => void = (_r, res) => res.writeHead(204).end()) {
  const received: Received[] = []
  const waiting: ((r: Received) => void)[] = []
  const queued: Received[] = []
  const handler = { respond }
  const server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      const r = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body }
      received.push(r)
      const waiter = waiting.shift()
      if (waiter) waiter(r)
      else queued.push(r)
      handler.respond(r, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(
    () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  )
  const { port } = server.address() as AddressInfo
  return {
    port,
    /** Stops listening, so the port refuses connections. */
    close: (done: () => void) => {
      server.closeAllConnections()
      server.close(() => done())
    },
    url: `http://127.0.0.1:${port}`,
    received,
    handler,
    next: () => new Promise<Received>((resolve) => (queued.length > 0 ? resolve(queued.shift()!) : waiting.push(resolve))),
  }
}

/**
 * Verifies a delivery as a Standard Webhooks receiver does, written from the spec rather
 * than from our signing code: key = base64 after `whsec_`; HMAC-SHA256 over
 * `${webhook-id}.${webhook-timestamp}.${body}`; any `v1,` signature in the space-separated
 * header may match; the timestamp must be within `toleranceSeconds` of now.
 */
export function verifyStandardWebhook(secret: string, headers: IncomingHttpHeaders, body: string, nowSeconds: number, toleranceSeconds = 300) {
  const id = headers['webhook-id']
  const timestamp = headers['webhook-timestamp']
  const signatures = headers['webhook-signature']
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string') return 'missing headers'
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return 'timestamp outside tolerance'
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest()
  const ok = signatures.split(' ').some((entry) => {
    const [version, value] = entry.split(',', 2)
    if (version !== 'v1' || !value) return false
    const given = Buffer.from(value, 'base64')
    return given.length === expected.length && timingSafeEqual(given, expected)
  })
  return ok ? 'valid' : 'no matching signature'
}
