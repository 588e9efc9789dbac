import { connect, type Socket } from 'node:net'
import t from 'tap'
import { buildApp } from '../src/app.js'
import { createKey } from '../src/core/keys.js'
import { testDb } from './helper.js'

const timeouts = { requestMs: 2000, headersMs: 1000, keepAliveMs: 1000, connectionMs: 35_000 }

/** How long until the server closes this socket, after `start`. */
const closedAfter = (socket: Socket, start: number) =>
  new Promise<number>((resolve) => {
    socket.on('error', () => {})
    // Read what the server sends, or the socket never sees its end and never closes.
    socket.resume()
    socket.on('close', () => resolve(Date.now() - start))
  })

t.test('slow clients are cut off at their timeout while others are served', async (t) => {
  const db = testDb(t)
  const { secret } = createKey(db, 'writer', ['write'])
  const app = await buildApp({ db, timeouts })
  t.teardown(() => app.close())
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as { port: number }
  const start = Date.now()

  // Headers dripped a byte at a time, never finished.
  const headers = connect(port, '127.0.0.1')
  const headersClosed = closedAfter(headers, start)
  const request = 'GET /v1/articles HTTP/1.1\r\nHost: x\r\nX-Slow: '
  let i = 0
  const drip = setInterval(() => headers.writable && headers.write(request[i++ % request.length]!), 100)

  // A body promised and never sent, on a request the server accepts and waits for.
  const body = connect(port, '127.0.0.1')
  const bodyClosed = closedAfter(body, start)
  body.write(`POST /v1/tags HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${secret}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":`)

  // The same without a key: refused at once, and the connection with it.
  const refused = connect(port, '127.0.0.1')
  const refusedClosed = closedAfter(refused, start)
  refused.write('POST /v1/tags HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":')

  // An idle keep-alive connection.
  const idle = connect(port, '127.0.0.1')
  const idleClosed = closedAfter(idle, start)
  idle.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n')

  // Meanwhile a normal client is served.
  const res = await fetch(`http://127.0.0.1:${port}/v1/articles`)
  t.equal(res.status, 200, 'a normal request is not held up')

  const [h, b, k, r] = await Promise.all([headersClosed, bodyClosed, idleClosed, refusedClosed])
  clearInterval(drip)
  t.ok(h >= 900 && h <= timeouts.headersMs + 2000, `dripped headers: closed after ${h} ms`)
  t.ok(b >= 1900 && b <= timeouts.requestMs + 2000, `unsent body: closed after ${b} ms`)
  t.ok(k <= timeouts.keepAliveMs + 2000, `idle keep-alive: closed after ${k} ms`)
  t.ok(r < 500, `a request refused before its body arrived: closed after ${r} ms, not at its timeout`)
})
