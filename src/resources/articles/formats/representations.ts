import { cachedRepresentation, type Representation } from '../../../db/cache.js'
import type { Db } from '../../../db/client.js'
import { lookupArticle } from '../queries.js'
import { nextLift, resolveView, type View } from '../../../core/visibility.js'
import { toJsonLd } from './jsonld.js'
import { linksFor } from './links.js'
import { toNinjs } from './ninjs.js'

const SCRIPT_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026' }

/**
 * JSON that partners can paste into `<script type="application/ld+json">` as it is: with `<`,
 * `>` and `&` written as escapes, a headline holding `</script>` or `<!--` cannot end or
 * change that element. They occur only inside strings, so the JSON means the same.
 */
const scriptSafeJson = (value: unknown) => JSON.stringify(value).replace(/[<>&]/g, (c) => SCRIPT_ESCAPES[c]!)

/**
 * The story as ninjs or JSON-LD, from the representation cache when nothing was written
 * since it was made: `gone` for a withdrawn story, `null` when this audience has none, as
 * for the JSON. The origin is part of the key, since the documents name absolute URIs.
 */
export function articleFormatted(db: Db, view: View, idOrSlug: string, format: 'ninjs' | 'jsonld', origin: string): Representation {
  const seen = resolveView(db, view)
  // A write key's view is the time of the request: its ninjs says `embargoedUntil` until
  // the embargo lifts, so the entry also goes stale when the next embargo does.
  const at = seen.preview && format === 'ninjs' ? { ...seen, epoch: `${seen.epoch}|${String(nextLift(db, seen.asOf))}` } : seen
  return cachedRepresentation(db, at, `${seen.prefix}article.${format}:${JSON.stringify([origin, idOrSlug])}`, () =>
    lookupArticle(db, seen, idOrSlug, (article) => {
      const links = linksFor(origin)
      return scriptSafeJson(format === 'ninjs' ? toNinjs(article, links, seen.asOf) : toJsonLd(article, links))
    }),
  )
}
