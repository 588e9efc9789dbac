import type { FastifyRequest } from 'fastify'
import { originOf } from '../core/html.js'
import { Problem } from '../core/problem.js'

/**
 * The origin of the absolute URIs a document names (ninjs, JSON-LD, feeds): PUBLIC_URL when
 * the deployment sets it, else the origin the request reached. Host is the client's to set,
 * so one that is not a host name is refused rather than written into the document.
 */
export function requestOrigin(req: FastifyRequest, needs: string): string {
  const origin = req.server.publicOrigin ?? originOf(req.protocol, req.host)
  if (!origin) throw new Problem(400, `The Host header is not a host name; ${needs}.`)
  return origin
}
