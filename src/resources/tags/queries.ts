import { and, asc, eq, exists, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { preparedFor } from '../../db/prepared.js'
import { articles, articleTags, TAG_TYPES, tags } from '../../db/schema.js'
import { nameContains } from '../../core/listing.js'
import { resolveView, visibleThroughJoin, type Seen, type View } from '../../core/visibility.js'
import { cachedList, keptIf, keysetSorts, listPage, representation, storedByKey, type ListOptions } from '../taxonomy/queries.js'
import type { Tag } from './schemas.js'

export const TAG_SORTS = ['name', '-name', 'slug', '-slug'] as const
type TagSort = (typeof TAG_SORTS)[number]

const SORTS = keysetSorts<Tag, TagSort>(tags, TAG_SORTS)

// A tag is public once a published story carries it.
const onVisibleArticle = (db: Db, seen: Seen) =>
  exists(
    db
      .select({ one: sql`1` })
      .from(articleTags)
      .innerJoin(articles, eq(articles.id, articleTags.articleId))
      .where(and(eq(articleTags.tagId, tags.id), visibleThroughJoin(seen))),
  )

export const storedTag = storedByKey<Tag>(tags)

export const resolveTagId = (db: Db, idOrSlug: string) => storedTag(db, idOrSlug)?.id

/** A tag as the public API shows it: only once a published story carries it. */
export function publicTag(db: Db, view: View, idOrSlug: string): Tag | undefined {
  const tag = storedTag(db, idOrSlug)
  return keptIf(db, tags, tag, onVisibleArticle(db, resolveView(db, view)))
}

/** The tag as this caller may read it: editors see every stored tag, the public only used ones. */
export const findTag = (db: Db, view: View, idOrSlug: string) =>
  view.preview ? storedTag(db, idOrSlug) : publicTag(db, view, idOrSlug)

export const tagJson: (tag: Tag) => string = representation

export type TagFilters = { type?: (typeof TAG_TYPES)[number] | undefined; q?: string | undefined }

// Editors list every stored tag, as they read any one (a tag made for tomorrow's story included).
const tagsWhere = (db: Db, seen: Seen, f: TagFilters) =>
  and(seen.preview ? undefined : onVisibleArticle(db, seen), f.type ? eq(tags.type, f.type) : undefined, f.q ? nameContains(tags.name, f.q) : undefined)

const tagsQuery = (db: Db, where: SQL) =>
  db
    .select({ articleId: articleTags.articleId, ...getTableColumns(tags) })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(where)
    .orderBy(asc(articleTags.position))

const tagsOfOne = preparedFor((db) => tagsQuery(db, eq(articleTags.articleId, sql.placeholder('id'))).prepare())

/** The tags of several articles in one query, each list in the article's order. */
export function tagsOf(db: Db, articleIds: string[]): Map<string, Tag[]> {
  const byArticle = new Map<string, Tag[]>(articleIds.map((id) => [id, []]))
  if (articleIds.length === 0) return byArticle
  const rows =
    articleIds.length === 1 ? tagsOfOne(db).all({ id: articleIds[0] }) : tagsQuery(db, inArray(articleTags.articleId, articleIds)).all()
  for (const { articleId, ...tag } of rows) byArticle.get(articleId)?.push(tag)
  return byArticle
}

export const listTagsJson = (db: Db, view: View, f: TagFilters, opts: ListOptions<TagSort>): string =>
  cachedList(db, view, 'tags', [f, opts], (seen) => listPage(db, seen, tags, { where: tagsWhere(db, seen, f), sort: SORTS[opts.sort] }, opts))
