import type { FastifyReply } from 'fastify'
import Negotiator from 'negotiator'
import { addVary } from '../../../http/reply.js'
import { Problem } from '../../../core/problem.js'

// The representations of one article, by the name `?format=` uses, in the server's order
// of preference: when a client likes several equally (*/*), the first wins.
export const ARTICLE_FORMATS = {
  json: 'application/json',
  ninjs: 'application/ninjs+json',
  jsonld: 'application/ld+json',
} as const
export type ArticleFormat = keyof typeof ARTICLE_FORMATS
const FORMAT_NAMES = Object.keys(ARTICLE_FORMATS) as ArticleFormat[]

/**
 * The offered media type the Accept header prefers, or null when it accepts none of them,
 * as the `negotiator` package (jshttp, Express's) decides: weights, then specificity, then
 * order. Offered types carry charset=utf-8, the one parameter a client may ask for.
 */
export function preferredType(header: string, offered: readonly string[]): string | null {
  const withCharset = offered.map((t) => `${t};charset=utf-8`)
  const chosen = new Negotiator({ headers: { accept: header } }).mediaType(withCharset)
  return chosen === undefined ? null : offered[withCharset.indexOf(chosen)]!
}

const offeredList = () => FORMAT_NAMES.map((f) => `${ARTICLE_FORMATS[f]} (format=${f})`).join(', ')

/**
 * The representation to send: `?format=` wins over Accept, so a link can name one; no
 * Accept (or an empty one) means any. Otherwise a 406 problem saying what is offered.
 */
export function chooseFormat(format: string | undefined, accept: string | undefined): ArticleFormat {
  if (format !== undefined) {
    if ((FORMAT_NAMES as string[]).includes(format)) return format as ArticleFormat
    throw new Problem(406, `The format "${format}" is not offered. Offered: ${offeredList()}.`, {
      errors: [{ in: 'query', parameter: 'format', detail: `must be one of ${FORMAT_NAMES.join(', ')}` }],
    })
  }
  if (accept === undefined || accept.trim() === '') return 'json'
  const type = preferredType(accept, Object.values(ARTICLE_FORMATS))
  const chosen = FORMAT_NAMES.find((f) => ARTICLE_FORMATS[f] === type)
  if (chosen) return chosen
  throw new Problem(406, `Accept names none of the media types offered: ${offeredList()}.`, {
    errors: [{ in: 'header', parameter: 'accept', detail: `accepts none of ${Object.values(ARTICLE_FORMATS).join(', ')}` }],
  })
}

/** Adds Accept to Vary, keeping what others put there (CORS adds Origin). */
export const varyOnAccept = (reply: FastifyReply) => addVary(reply, 'Accept')
