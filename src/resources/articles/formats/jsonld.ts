import type { Credit } from '../../authors/schemas.js'
import type { Source } from '../../sources/schemas.js'
import type { Tag } from '../../tags/schemas.js'
import type { Article } from '../schemas.js'
import { nonEmpty, webUrl } from '../../../core/html.js'
import type { Links } from './links.js'

type Node = { '@type': string; '@id'?: string } & Record<string, unknown>

// Roles that are a job; a byline credit says who wrote the story, not what they do.
const JOB_TITLES: Partial<Record<Credit['role'], string>> = {
  reporter: 'reporter',
  producer: 'producer',
  photographer: 'photographer',
  editor: 'editor',
}

function person(credit: Credit, links: Links): Node {
  const jobTitle = credit.title ?? JOB_TITLES[credit.role]
  return {
    '@type': 'Person',
    '@id': links.author(credit.id),
    name: credit.name,
    ...(jobTitle ? { jobTitle } : {}),
    ...(credit.organization ? { worksFor: { '@type': 'Organization', name: credit.organization } } : {}),
  }
}

/**
 * A source as schema.org has them: a Person or, for organizations and groups (schema.org
 * has no group of people), an Organization. An anonymous source has no name, only the
 * story's description of them.
 */
function agent(source: Source, links: Links): Node {
  const isPerson = source.kind === 'person'
  const affiliation = source.affiliation ? { '@type': 'Organization', name: source.affiliation } : undefined
  return {
    '@type': isPerson ? 'Person' : 'Organization',
    '@id': links.source(source.id),
    ...(source.name !== null ? { name: source.name } : {}),
    description: source.description,
    ...(affiliation ? (isPerson ? { affiliation } : { memberOf: affiliation }) : {}),
  }
}

const TAG_TYPES: Record<Tag['type'], string> = { subject: 'Thing', place: 'Place', organization: 'Organization', person: 'Person' }

const credited = (a: Article, roles: Credit['role'][], links: Links) =>
  a.authors.filter((c) => roles.includes(c.role)).map((c) => person(c, links))

/**
 * One story as a schema.org NewsArticle. Its quotes are Quotations among its parts (their
 * words stand in its text; `citation` is for other works), each said by its source.
 */
export function toJsonLd(article: Article, links: Links): Record<string, unknown> {
  const uri = links.article(article.id)
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': uri,
    url: uri,
    identifier: article.id,
    headline: article.headline,
    ...(article.standfirst ? { description: article.standfirst } : {}),
    inLanguage: article.language,
    ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
    dateCreated: article.createdAt,
    dateModified: article.updatedAt,
    version: String(article.version),
    ...nonEmpty('author', credited(article, ['byline', 'reporter'], links)),
    ...nonEmpty('editor', credited(article, ['editor'], links)),
    ...nonEmpty('contributor', credited(article, ['producer', 'photographer'], links)),
    ...(article.publisher ? { publisher: { '@type': 'Organization', name: article.publisher } } : {}),
    articleBody: article.body
      .filter((b) => b.type === 'paragraph')
      .map((b) => b.text)
      .join('\n\n'),
    wordCount: article.wordCount,
    ...nonEmpty(
      'image',
      article.media.map((m) => {
        const url = webUrl(m.url)
        return {
          '@type': 'ImageObject',
          ...(url ? { contentUrl: url } : {}),
          ...(m.caption ? { caption: m.caption } : {}),
          ...(m.credit ? { creditText: m.credit } : {}),
        }
      }),
    ),
    ...nonEmpty('keywords', article.tags.map((t) => t.name)),
    ...nonEmpty(
      'about',
      article.tags.map((t) => ({ '@type': TAG_TYPES[t.type], '@id': links.tag(t.id), name: t.name })),
    ),
    ...nonEmpty(
      'hasPart',
      article.quotes.map((q) => {
        const speaker = agent(q.source, links)
        return { '@type': 'Quotation', '@id': links.quote(q.id), text: q.text, creator: speaker, spokenByCharacter: speaker }
      }),
    ),
    ...nonEmpty(
      'correction',
      article.corrections.map((c) => ({ '@type': 'CorrectionComment', text: c.note, datePublished: c.createdAt })),
    ),
  }
}
