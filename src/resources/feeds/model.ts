import { bodyHtml, escapeMarkup } from '../../core/html.js'
import type { Credit } from '../authors/schemas.js'
import type { FeedStory } from './queries.js'

/** One story as every feed format carries it; all URLs absolute, all times ISO 8601 UTC. */
export type FeedItem = {
  /** The story's API URL, by id: it never changes when the slug does, so readers never see a story twice. */
  id: string
  url: string
  title: string
  summary: string | null
  /** The body as HTML; every piece of story text in it is escaped. */
  contentHtml: string
  language: string
  authors: string[]
  contributors: string[]
  categories: { term: string; label: string }[]
  /** Null when the publication time is not known. */
  published: string | null
  /** When the story was published, or failing that stored: for formats that need a date to order by. */
  dated: string
  updated: string
}

export type FeedModel = {
  id: string
  title: string
  description: string
  /** The exact URL this feed was fetched from. */
  self: string
  /** The same stories as an API list. */
  alternate: string
  /** Who the feed as a whole is by; entries without credits inherit it in Atom. */
  author: string
  /** Where a tag's API URL starts: categories name their scheme with it. */
  tagScheme: string
  updated: string
  items: FeedItem[]
}

export const SITE_NAME = 'Byline'

// Atom needs an updated time even for a feed with no entries; this one says "never".
const EPOCH = '1970-01-01T00:00:00.000Z'

const WRITERS = new Set<Credit['role']>(['byline', 'reporter'])

/**
 * Who wrote the story, from its credits in credit order: the byline and reporters are its
 * authors; producers, photographers and editors contribute. A story credited only to
 * contributors lists them as its authors rather than none. One person credited twice
 * (byline and photographer, say) is named once.
 */
export function peopleOf(credits: Credit[]): { authors: string[]; contributors: string[] } {
  const writers = credits.filter((c) => WRITERS.has(c.role))
  const rest = credits.filter((c) => !WRITERS.has(c.role))
  const names = (list: Credit[], skip: Set<string> = new Set()) => {
    const seen = new Set(skip)
    const out: string[] = []
    for (const c of list) {
      if (seen.has(c.id)) continue
      seen.add(c.id)
      out.push(c.name)
    }
    return out
  }
  if (writers.length === 0) return { authors: names(rest), contributors: [] }
  return { authors: names(writers), contributors: names(rest, new Set(writers.map((c) => c.id))) }
}

const later = (a: string, b: string) => (a > b ? a : b)

export function feedItem(story: FeedStory, origin: string): FeedItem {
  const url = `${origin}/v1/articles/${encodeURIComponent(story.id)}`
  return {
    id: url,
    url,
    title: story.headline,
    summary: story.standfirst,
    contentHtml: bodyHtml(story.body, escapeMarkup),
    language: story.language,
    ...peopleOf(story.credits),
    categories: story.tags.map((t) => ({ term: t.slug, label: t.name })),
    published: story.publishedAt,
    // The seeded story, like many archived ones, has no known publication time. It is
    // public all the same; where a format wants a date to order by, the time it was
    // stored stands in, and Atom and JSON Feed, which only ask for one optionally, say nothing.
    dated: story.publishedAt ?? story.createdAt,
    // A story stored under embargo becomes visible when it is published, after it was last
    // edited: to a reader it changed then, and Atom readers frown on updated < published.
    updated: later(story.updatedAt, story.publishedAt ?? ''),
  }
}

export function feedModel(
  stories: FeedStory[],
  feed: Omit<FeedModel, 'items' | 'updated' | 'tagScheme'>,
  origin: string,
): FeedModel {
  const items = stories.map((s) => feedItem(s, origin))
  return {
    ...feed,
    tagScheme: `${origin}/v1/tags/`,
    updated: items.reduce((newest, item) => later(newest, item.updated), EPOCH),
    items,
  }
}
