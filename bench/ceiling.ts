// The ceiling: a bare Fastify server answering each URL with bytes captured from Byline,
// from memory, with no database and no serialization work.
import { readFileSync } from 'node:fs'
import Fastify from 'fastify'

const responses = new Map(
  Object.entries(JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Record<string, { body: string; type: string }>).map(
    ([url, { body, type }]) => [url, { bytes: Buffer.from(body), type }],
  ),
)
const app = Fastify({ logger: false })
app.get('/*', async (req, reply) => {
  const hit = responses.get(req.url)
  if (!hit) return reply.code(404).send()
  return reply.type(hit.type).send(hit.bytes)
})
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) })
