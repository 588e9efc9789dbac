import { and, desc, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { articles } from '../../db/schema.js'
import { visibleArticles, type Seen } from '../../core/visibility.js'
import { linkedTo } from '../articles/queries.js'
import { creditsOf } from '../authors/queries.js'
import type { Credit } from '../authors/schemas.js'
import { tagsOf } from '../tags/queries.js'
import type { Tag } from '../tags/schemas.js'

/** How many stories a feed carries: readers poll, so a feed is a window, not an archive. */
export const FEED_SIZE = 50

/** Which stories a feed is about, by the id of the author or tag it is scoped to. */
export type FeedScope = { authorId?: string; tagId?: string }

const storyColumns = {
  id: articles.id,
  headline: articles.headline,
  standfirst: articles.standfirst,
  body: articles.body,
  language: articles.language,
  publishedAt: articles.publishedAt,
  createdAt: articles.createdAt,
  updatedAt: articles.updatedAt,
}

export type FeedStory = {
  id: string
  headline: string
  standfirst: string | null
  body: (typeof articles.$inferSelect)['body']
  language: string
  publishedAt: string | null
  createdAt: string
  updatedAt: string
  credits: Credit[]
  tags: Tag[]
}

/**
 * The newest stories this audience sees, with their credits and tags in two grouped
 * queries. Newest first by publication time; a story whose publication time is unknown
 * sorts last (its sort key is ''), as in the article lists.
 */
export function feedStories(db: Db, seen: Seen, scope: FeedScope): FeedStory[] {
  const conditions: SQL[] = [visibleArticles(seen)]
  if (scope.authorId) conditions.push(linkedTo(db, 'author', scope.authorId))
  if (scope.tagId) conditions.push(linkedTo(db, 'tag', scope.tagId))
  const rows = db
    .select(storyColumns)
    .from(articles)
    .where(and(...conditions))
    .orderBy(desc(articles.publishedSort), desc(articles.id))
    .limit(FEED_SIZE)
    .all()
  const ids = rows.map((r) => r.id)
  const credits = creditsOf(db, ids)
  const tagged = tagsOf(db, ids)
  return rows.map((r) => ({ ...r, credits: credits.get(r.id) ?? [], tags: tagged.get(r.id) ?? [] }))
}
