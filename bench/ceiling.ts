// The ceiling: a bare Fastify server answering each path with bytes captured from Byline,
// from memory, with no database and no serialization work.
import { readFileSync } from 'node:fs'
import Fastify from 'fastify'

const responses = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Record<string, { body: string; type: string }>
const app = Fastify({ logger: false })
for (const [path, { body, type }] of Object.entries(responses)) {
  const bytes = Buffer.from(body)
  app.get(path.split('?')[0]!, async (_req, reply) => reply.type(type).send(bytes))
}
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) })
