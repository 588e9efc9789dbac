// The ceiling: a bare Fastify server answering each URL with bytes captured from Byline,
// from memory, with no database and no serialization work.
import { readFileSync } from 'node:fs'
import Fastify from 'fastify'

const responses = new Map(
  Object.entries(
    JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Record<string, { body: string; type: string; status?: number }>,
  ).map(([url, { body, type, status }]) => [url, { bytes: Buffer.from(body), type, status: status ?? 200 }]),
)
const app = Fastify({ logger: false, bodyLimit: 4 * 1024 * 1024 })
app.get('/*', async (req, reply) => {
  const hit = responses.get(req.url)
  if (!hit) return reply.code(404).send()
  return reply.type(hit.type).send(hit.bytes)
})
// Writes: the JSON body is parsed, as Fastify does for any route, and the saved answer sent.
app.post('/*', async (req, reply) => {
  const hit = responses.get(`POST ${req.url}`)
  if (!hit || typeof req.body !== 'object') return reply.code(404).send()
  return reply.code(hit.status).type(hit.type).send(hit.bytes)
})
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) })
