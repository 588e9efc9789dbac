import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { Problem } from '../core/problem.js'

/** The JSON Pointer of the first string (or key) in `value` that is not well-formed UTF-16. */
function loneSurrogateAt(value: unknown, pointer: string): string | undefined {
  if (typeof value === 'string') return isWellFormed(value) ? undefined : pointer
  if (value === null || typeof value !== 'object') return undefined
  for (const [key, item] of Object.entries(value)) {
    const here = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`
    if (!isWellFormed(key)) return here
    const bad = loneSurrogateAt(item, here)
    if (bad !== undefined) return bad
  }
  return undefined
}
const isWellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed()

/**
 * Bodies are JSON (application/json, or application/merge-patch+json, RFC 7396, for partial
 * updates); anything else is a 415, not a string handed to a JSON schema. JSON may escape
 * half a UTF-16 pair ("\ud800"), which no UTF-8 column can store: SQLite would keep U+FFFD
 * instead, silently changing the text. Such a body is refused, naming where it is.
 */
async function bodyParsing(app: FastifyInstance) {
  app.removeContentTypeParser('text/plain')
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser(['application/json', 'application/merge-patch+json'], { parseAs: 'string' }, (req, body, done) => {
    // Client libraries that set Content-Type on every request send it on a DELETE with no
    // body; that DELETE means what it says, so it is not refused as an empty JSON document.
    if (body === '' && req.method === 'DELETE') return done(null, undefined)
    return parseJson(req, body as string, (err, value) => {
      if (err) return done(err)
      const bad = loneSurrogateAt(value, '')
      if (bad === undefined) return done(null, value)
      done(new Problem(400, 'The body holds an unpaired UTF-16 surrogate escape, which is not text.', { errors: [{ in: 'body', pointer: bad || '/', detail: 'is not well-formed text (an unpaired surrogate)' }] }))
    })
  })
}

export const bodyParsingPlugin = fp(bodyParsing, { name: 'byline-body-parsing', fastify: '5.x' })
