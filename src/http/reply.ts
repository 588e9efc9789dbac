import type { FastifyReply } from 'fastify'
import type { WriteResult } from '../core/transactions.js'

/**
 * Sends JSON the queries already serialized: cached representations are sent as they are,
 * not parsed and checked again. The route's response schema still documents the shape, and
 * tests hold every response to it.
 */
export function sendJson(reply: FastifyReply, json: string) {
  return reply.type('application/json; charset=utf-8').send(json)
}

/** Adds fields to Vary, keeping what is there (CORS's Origin, a route's Accept); `*` stays alone. */
export function addVary(reply: FastifyReply, ...fields: string[]) {
  const current = reply.getHeader('vary')
  const have = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
  if (have.includes('*')) return
  const lower = new Set(have.map((f) => f.toLowerCase()))
  const added = fields.filter((f) => !lower.has(f.toLowerCase()))
  if (added.length > 0) reply.header('vary', [...have, ...added].join(', '))
}

/** Sends what a write answered, once it committed: its status, headers and body. */
export function send(reply: FastifyReply, result: WriteResult) {
  reply.code(result.status).headers(result.headers)
  if (result.body === null) return reply.send()
  return reply.type('application/json; charset=utf-8').send(result.body)
}

/** Sends a document serialized already, as sendJson does, under its own media type. */
export const sendAs = (reply: FastifyReply, type: string, body: string) => reply.type(`${type}; charset=utf-8`).send(body)
