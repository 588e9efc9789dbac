import { escapeMarkup as x } from '../../core/html.js'
import { SITE_NAME, type FeedModel } from './model.js'

/*
 * The three formats are written here rather than with the `feed` package (v6): its XML
 * writer leaves `<` unescaped in attributes, breaks a CDATA section holding `]]>` twice,
 * reads "&amp;" in a title back as "&", marks Atom titles as HTML, puts names where RSS
 * wants e-mail addresses, and writes JSON Feed 1.0. Every value below goes through one
 * escaper, and no CDATA is used, so no story text can end up as markup.
 */

export const FEED_FORMATS = {
  rss: { extension: 'rss', mediaType: 'application/rss+xml', name: 'RSS 2.0' },
  atom: { extension: 'atom', mediaType: 'application/atom+xml', name: 'Atom 1.0' },
  json: { extension: 'json', mediaType: 'application/feed+json', name: 'JSON Feed 1.1' },
} as const
export type FeedFormat = keyof typeof FEED_FORMATS

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'

const element = (name: string, text: string, attributes = '') => `<${name}${attributes}>${x(text)}</${name}>`
const rfc822 = (iso: string) => new Date(iso).toUTCString()

/** RSS 2.0 (https://www.rssboard.org/rss-specification) with content:encoded for the body and dc:creator for authors. */
export function rss(feed: FeedModel): string {
  const lines = [
    XML_DECLARATION,
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    element('title', feed.title),
    element('link', feed.alternate),
    element('description', feed.description),
    `<atom:link rel="self" type="application/rss+xml" href="${x(feed.self)}"/>`,
    element('lastBuildDate', rfc822(feed.updated)),
    element('generator', SITE_NAME),
  ]
  for (const item of feed.items) {
    lines.push(
      '<item>',
      element('title', item.title),
      element('link', item.url),
      element('guid', item.id, ' isPermaLink="false"'),
      element('pubDate', rfc822(item.dated)),
      // RSS's author element wants an e-mail address; Dublin Core's creator takes a name.
      ...item.authors.map((name) => element('dc:creator', name)),
      ...item.categories.map((c) => element('category', c.label, ` domain="${x(feed.tagScheme)}"`)),
      // description is HTML in RSS: the standfirst is escaped once as HTML, once as XML.
      ...(item.summary === null ? [] : [element('description', x(item.summary))]),
      element('content:encoded', item.contentHtml),
      '</item>',
    )
  }
  lines.push('</channel>', '</rss>', '')
  return lines.join('\n')
}

const person = (tag: 'author' | 'contributor', name: string) => `<${tag}>${element('name', name)}</${tag}>`

/** Atom 1.0 (RFC 4287). */
export function atom(feed: FeedModel): string {
  const lines = [
    XML_DECLARATION,
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    element('id', feed.id),
    element('title', feed.title, ' type="text"'),
    element('subtitle', feed.description, ' type="text"'),
    element('updated', feed.updated),
    `<link rel="self" type="application/atom+xml" href="${x(feed.self)}"/>`,
    `<link rel="alternate" type="application/json" href="${x(feed.alternate)}"/>`,
    // Entries without credits take the feed's author, so every entry has one (RFC 4287 §4.1.2).
    person('author', feed.author),
  ]
  for (const item of feed.items) {
    lines.push(
      `<entry xml:lang="${x(item.language)}">`,
      element('id', item.id),
      element('title', item.title, ' type="text"'),
      `<link rel="alternate" type="application/json" href="${x(item.url)}"/>`,
      ...(item.published === null ? [] : [element('published', item.published)]),
      element('updated', item.updated),
      ...item.authors.map((name) => person('author', name)),
      ...item.contributors.map((name) => person('contributor', name)),
      ...item.categories.map((c) => `<category term="${x(c.term)}" scheme="${x(feed.tagScheme)}" label="${x(c.label)}"/>`),
      ...(item.summary === null ? [] : [element('summary', item.summary, ' type="text"')]),
      element('content', item.contentHtml, ' type="html"'),
      '</entry>',
    )
  }
  lines.push('</feed>', '')
  return lines.join('\n')
}

const names = (list: string[]) => list.map((name) => ({ name }))

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function jsonFeed(feed: FeedModel): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.alternate,
    feed_url: feed.self,
    description: feed.description,
    authors: names([feed.author]),
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      ...(item.summary === null ? {} : { summary: item.summary }),
      content_html: item.contentHtml,
      ...(item.published === null ? {} : { date_published: item.published }),
      date_modified: item.updated,
      ...(item.authors.length === 0 ? {} : { authors: names(item.authors) }),
      tags: item.categories.map((c) => c.label),
      language: item.language,
    })),
  })
}

export const writers: Record<FeedFormat, (feed: FeedModel) => string> = { rss, atom, json: jsonFeed }
