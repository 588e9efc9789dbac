import cors from '@fastify/cors'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/** Browsers on the allowed origins may read and write, and read the headers a client needs. */
async function crossOrigin(app: FastifyInstance, opts: { origins: '*' | string[] }) {
  await app.register(cors, {
    origin: opts.origins === '*' ? '*' : opts.origins,
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'x-request-id', 'if-match', 'idempotency-key'],
    exposedHeaders: [
      'x-request-id',
      'etag',
      'last-modified',
      'link',
      'location',
      'idempotent-replayed',
      'ratelimit-limit',
      'ratelimit-remaining',
      'ratelimit-reset',
      'retry-after',
    ],
    maxAge: 86400,
    // An OPTIONS request that is not a proper preflight gets a plain 204, not a text error.
    strictPreflight: false,
  })
}

export const corsPlugin = fp(crossOrigin, { name: 'byline-cors', fastify: '5.x' })
