import type { Credit } from '../../authors/schemas.js'
import type { Quote } from '../../quotes/schemas.js'
import type { Source } from '../../sources/schemas.js'
import type { Article } from '../schemas.js'
import { bodyHtml, nonEmpty, webUrl } from '../../../core/html.js'
import { isEmbargoed } from '../../../core/visibility.js'
import type { Links } from './links.js'

/**
 * IPTC ninjs 3.x (https://iptc.org/std/ninjs/). Its schema refuses unknown properties on the
 * root and on every association, so everything Byline knows beyond the standard travels in
 * standard properties; the Byline profile (ninjs-profile.ts) says which and how.
 */
export const NINJS_SCHEMA_ID = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#'

type Named = { name?: string; rel?: string; uri?: string; literal?: string }
type Text = { role?: string; contentType?: string; value: string }

export type NinjsObject = {
  uri: string
  standard?: { name: string; version: string; schema: string }
  profile?: string
  type?: 'text' | 'picture'
  representationType?: 'full' | 'partial'
  version?: string
  firstCreated?: string
  versionCreated?: string
  embargoedUntil?: string
  pubStatus?: 'usable' | 'withheld' | 'canceled'
  language?: string
  slugline?: string
  by?: string
  headlines?: Text[]
  descriptions?: Text[]
  bodies?: (Text & { wordCount?: number })[]
  genres?: Named[]
  people?: Named[]
  organisations?: Named[]
  places?: Named[]
  subjects?: Named[]
  infoSources?: { name: string; role: string }[]
  altIds?: { role: string; value: string }[]
  renditions?: { name: string; href: string }[]
  associations?: NinjsAssociation[]
}
export type NinjsAssociation = NinjsObject & { name: string; rel?: string }

// A draft is not to be used yet; a withdrawn story must be taken down (the route answers
// 410 for it, but a feed of changes would carry it this way).
const PUB_STATUS = { draft: 'withheld', published: 'usable', withdrawn: 'canceled' } as const

// `kind` as the genre of a quote: a paraphrase must not be printed inside quotation marks.
const QUOTE_GENRES = {
  direct: 'Direct quotation',
  partial: 'Partial quotation',
  paraphrase: 'Paraphrase',
} as const

/** "Tucker Reals; Sami Yousafzai, Farhan Bokhari": the byline credits, then the reporters. */
export function bylineOf(credits: Credit[]): string | undefined {
  const names = (role: Credit['role']) => credits.filter((c) => c.role === role).map((c) => c.name)
  const groups = [names('byline'), names('reporter')].filter((g) => g.length > 0).map((g) => g.join(', '))
  return groups.length > 0 ? groups.join('; ') : undefined
}

/** A source as the party that said something: people for persons, organisations otherwise. */
function speaker(source: Source, links: Links): Pick<NinjsObject, 'people' | 'organisations'> {
  // An anonymous source has no name; the story's description is what it is called.
  const party = { name: source.name ?? source.description, rel: 'speaker', uri: links.source(source.id), literal: source.slug }
  return source.kind === 'person' ? { people: [party] } : { organisations: [party] }
}

function quoteAssociation(quote: Quote, n: number, article: Article, links: Links): NinjsAssociation {
  const { location } = quote
  return {
    name: `quote-${n}`,
    rel: 'quote',
    uri: links.quote(quote.id),
    type: 'text',
    version: String(quote.version),
    firstCreated: quote.createdAt,
    versionCreated: quote.updatedAt,
    language: article.language,
    genres: [{ name: QUOTE_GENRES[quote.kind], literal: quote.kind }],
    bodies: [{ role: 'main', contentType: 'text/plain', value: quote.text }],
    ...speaker(quote.source, links),
    // The offsets, in the one standard property an association has for its own identifiers.
    ...(location
      ? { altIds: [{ role: 'location', value: `block=${location.block}&start=${location.start}&end=${location.end}` }] }
      : {}),
  }
}

function photoAssociation(media: Article['media'][number], n: number, articleUri: string): NinjsAssociation {
  const href = webUrl(media.url)
  return {
    name: `photo-${n}`,
    rel: 'photo',
    // The photo has no identity of its own here: it is a part of the story.
    uri: `${articleUri}#photo-${n}`,
    type: 'picture',
    representationType: 'partial',
    // IPTC's own examples carry a picture's credit line ("Karl Melander/TT") in `by`.
    ...(media.credit ? { by: media.credit } : {}),
    ...(media.caption ? { descriptions: [{ role: 'caption', value: media.caption }] } : {}),
    ...(href ? { renditions: [{ name: 'original', href }] } : {}),
  }
}

/**
 * One story as a ninjs 3.x news item. `asOf` is the instant the embargo is judged at: a
 * published story whose time has not come carries `embargoedUntil` (only write keys see it).
 */
export function toNinjs(article: Article, links: Links, asOf: string): NinjsObject {
  const uri = links.article(article.id)
  const embargoed = isEmbargoed(article, asOf)
  const tagged = (type: Article['tags'][number]['type']) =>
    article.tags.filter((t) => t.type === type).map((t) => ({ name: t.name, rel: 'about', uri: links.tag(t.id), literal: t.slug }))
  const credits = article.authors.map((a) => ({ name: a.name, rel: a.role, uri: links.author(a.id), literal: a.slug }))
  const by = bylineOf(article.authors)
  return {
    uri,
    standard: { name: 'ninjs', version: '3.1', schema: NINJS_SCHEMA_ID },
    profile: links.ninjsProfile,
    type: 'text',
    representationType: 'full',
    version: String(article.version),
    firstCreated: article.createdAt,
    versionCreated: article.updatedAt,
    ...(embargoed ? { embargoedUntil: article.publishedAt! } : {}),
    pubStatus: PUB_STATUS[article.status],
    language: article.language,
    slugline: article.slug,
    ...(by ? { by } : {}),
    headlines: [{ role: 'main', value: article.headline }],
    ...nonEmpty('descriptions', [
      ...(article.standfirst ? [{ role: 'summary', value: article.standfirst }] : []),
      // Published corrections, newest first, as printed with the story.
      ...article.corrections.map((c) => ({ role: c.kind, value: c.note })),
    ]),
    bodies: [{ role: 'main', contentType: 'text/html', wordCount: article.wordCount, value: bodyHtml(article.body) }],
    ...nonEmpty('people', [...credits, ...tagged('person')]),
    ...nonEmpty('organisations', tagged('organization')),
    ...nonEmpty('places', tagged('place')),
    ...nonEmpty('subjects', tagged('subject')),
    ...(article.publisher ? { infoSources: [{ name: article.publisher, role: 'publisher' }] } : {}),
    ...nonEmpty('associations', [
      ...article.media.map((m, i) => photoAssociation(m, i + 1, uri)),
      ...article.quotes.map((q, i) => quoteAssociation(q, i + 1, article, links)),
    ]),
  }
}
