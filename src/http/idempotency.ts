import type { FastifyRequest } from 'fastify'
import type { Idempotency } from '../core/transactions.js'

/**
 * A POST's Idempotency-Key as the write layer takes it: the key, the API key that sent it
 * (keys are per partner), and the request it stands for. Without both, no replay is kept.
 */
export function idempotencyOf(req: FastifyRequest): Idempotency | undefined {
  const key = req.headers['idempotency-key']
  const owner = req.apiKey?.id
  if (typeof key !== 'string' || owner === undefined) return undefined
  return { key, owner, request: `${req.method} ${req.url}\n${JSON.stringify(req.body)}` }
}
