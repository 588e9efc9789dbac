// Sending: in-process through inject, or over a socket through undici or as raw bytes.
import { connect } from 'node:net'
import { request as undiciRequest } from 'undici'
import type { WireRequest } from './request.js'
import type { World } from './world.js'

export type Answer = {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  /** Bytes on the connection after this answer (raw exchanges only): a second response. */
  trailing?: string
}
export type Transport = (world: World, wire: WireRequest) => Promise<Answer>

export const viaInject: Transport = async (world, wire) => {
  const res = await world.app.inject({
    method: wire.method as 'GET',
    url: wire.url,
    headers: wire.headers,
    ...(wire.body === undefined ? {} : { payload: wire.body }),
  })
  return { status: res.statusCode, headers: res.headers as Answer['headers'], body: res.body }
}

/** Writes bytes to a fresh connection and reads the one answer until the server closes. */
export function rawExchange(origin: string, bytes: Buffer, timeoutMs = 10_000): Promise<Answer | null> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`no answer within ${timeoutMs} ms`))
    }, timeoutMs)
    socket.on('data', (d) => chunks.push(d))
    socket.on('error', () => {})
    socket.on('close', () => {
      clearTimeout(timer)
      resolve(parseAnswer(Buffer.concat(chunks)))
    })
    socket.end(bytes)
  })
}

function parseAnswer(data: Buffer): Answer | null {
  // Interim answers (100 Continue) come first; the final one follows.
  while (/^HTTP\/1\.[01] 1\d\d /.test(data.subarray(0, 16).toString('latin1'))) {
    const end = data.indexOf('\r\n\r\n')
    if (end < 0) return null
    data = data.subarray(end + 4)
  }
  const split = data.indexOf('\r\n\r\n')
  if (split < 0) return null
  const [statusLine = '', ...lines] = data.subarray(0, split).toString('latin1').split('\r\n')
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1])
  if (!Number.isInteger(status)) return null
  const headers: Answer['headers'] = {}
  for (const line of lines) {
    const i = line.indexOf(':')
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim()
  }
  let body = data.subarray(split + 4)
  if (/chunked/i.test(String(headers['transfer-encoding'] ?? ''))) {
    const out: Buffer[] = []
    let at = 0
    for (;;) {
      const eol = body.indexOf('\r\n', at)
      if (eol < 0) break
      const size = parseInt(body.subarray(at, eol).toString('latin1'), 16)
      if (!(size > 0)) break
      out.push(body.subarray(eol + 2, eol + 2 + size))
      at = eol + 2 + size + 2
    }
    body = Buffer.concat(out)
  }
  const length = Number(headers['content-length'])
  let trailing: Buffer | undefined
  if (Number.isInteger(length) && length < body.length) {
    trailing = body.subarray(length)
    body = body.subarray(0, length)
  }
  return { status, headers, body: body.toString('utf8'), ...(trailing ? { trailing: trailing.toString('latin1') } : {}) }
}

function wireBytes(origin: string, wire: WireRequest): Buffer {
  const host = new URL(origin).host
  const headers = { host, ...wire.headers, connection: 'close' } as Record<string, string>
  const body = wire.body === undefined ? undefined : Buffer.from(wire.body, 'utf8')
  if (body) headers['content-length'] = String(body.length)
  const head = `${wire.method} ${wire.url} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`
  return body ? Buffer.concat([Buffer.from(head, 'latin1'), body]) : Buffer.from(head, 'latin1')
}

/** How socket requests went out: through undici, or as bytes when undici would not send them. */
export const socketStats = { undici: 0, bytes: 0 }

/** Over a real socket: undici when it will send the request as it is, raw bytes when not. */
export const viaSocket: Transport = async (world, wire) => {
  const origin = world.origin
  if (!origin) throw new Error('the world is not listening')
  const plain = /^[\x21-\x7e]*$/.test(wire.url) && Object.values(wire.headers).every((v) => /^[\t\x20-\x7e]*$/.test(v) && v.trim() === v)
  if (plain && ['GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'HEAD', 'OPTIONS'].includes(wire.method) && !('host' in wire.headers)) {
    try {
      const res = await undiciRequest(origin + wire.url, {
        method: wire.method as 'GET',
        headers: wire.headers,
        ...(wire.body === undefined ? {} : { body: wire.body }),
        headersTimeout: 15_000,
        bodyTimeout: 15_000,
      })
      socketStats.undici++
      return { status: res.statusCode, headers: res.headers, body: await res.body.text() }
    } catch (err) {
      const code = (err as { code?: string }).code ?? ''
      // undici refused the request itself (a header it will not send): fall back to bytes.
      if (code !== 'UND_ERR_INVALID_ARG' && !(err instanceof TypeError)) throw err
    }
  }
  socketStats.bytes++
  const answer = await rawExchange(origin, wireBytes(origin, wire))
  if (!answer) throw new Error('the connection closed without an answer')
  return answer
}
