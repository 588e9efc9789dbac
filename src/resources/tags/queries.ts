import { and, asc, count, eq, exists, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm'
import { cached, cachedCount } from '../../db/cache.js'
import type { Db } from '../../db/client.js'
import { preparedFor } from '../../db/prepared.js'
import { articles, articleTags, TAG_TYPES, tags } from '../../db/schema.js'
import { nameContains, pickFields } from '../../core/listing.js'
import { orderBy, pageJson, pageOf, type Keyset } from '../../core/pagination.js'
import { resolveView, visibleThroughJoin, type Seen, type View } from '../../core/visibility.js'
import type { Tag } from './schemas.js'

export const TAG_SORTS = ['name', '-name', 'slug', '-slug'] as const
type TagSort = (typeof TAG_SORTS)[number]

const SORTS: Record<TagSort, { keyset: Keyset; key: (t: Tag) => string[] }> = {
  name: { keyset: { columns: [tags.name, tags.id], direction: 'asc' }, key: (t) => [t.name, t.id] },
  '-name': { keyset: { columns: [tags.name, tags.id], direction: 'desc' }, key: (t) => [t.name, t.id] },
  slug: { keyset: { columns: [tags.slug, tags.id], direction: 'asc' }, key: (t) => [t.slug, t.id] },
  '-slug': { keyset: { columns: [tags.slug, tags.id], direction: 'desc' }, key: (t) => [t.slug, t.id] },
}

// A tag is public once a published story carries it.
const onVisibleArticle = (db: Db, seen: Seen) =>
  exists(
    db
      .select({ one: sql`1` })
      .from(articleTags)
      .innerJoin(articles, eq(articles.id, articleTags.articleId))
      .where(and(eq(articleTags.tagId, tags.id), visibleThroughJoin(seen))),
  )

const tagByKey = preparedFor((db) =>
  db
    .select()
    .from(tags)
    .where(or(eq(tags.id, sql.placeholder('key')), eq(tags.slug, sql.placeholder('key'))))
    .prepare(),
)

export function findTag(db: Db, idOrSlug: string): Tag | undefined {
  return tagByKey(db).get({ key: idOrSlug })
}

export const resolveTagId = (db: Db, idOrSlug: string) => findTag(db, idOrSlug)?.id

/** A tag as the public API shows it: only once a published story carries it. */
export function findVisibleTag(db: Db, view: View, idOrSlug: string): Tag | undefined {
  const tag = findTag(db, idOrSlug)
  const seen = resolveView(db, view)
  return tag && db.select({ one: sql`1` }).from(tags).where(and(eq(tags.id, tag.id), onVisibleArticle(db, seen))).get() ? tag : undefined
}

/** The tag as this caller may read it: editors see every stored tag, the public only used ones. */
export const findReadableTag = (db: Db, view: View, idOrSlug: string) =>
  view.preview ? findTag(db, idOrSlug) : findVisibleTag(db, view, idOrSlug)

/**
 * The one representation of a tag, sent by GET and by every write: an If-Match carries
 * the ETag of these exact bytes, so no route may build them another way.
 */
export const tagJson = (tag: Tag) => JSON.stringify({ data: tag })


export type TagFilters = { type?: (typeof TAG_TYPES)[number]; q?: string }

function listTagsPage(db: Db, seen: Seen, f: TagFilters, opts: { limit: number; cursor?: string | undefined; sort: TagSort; fields: string[] }) {
  const where = and(
    onVisibleArticle(db, seen),
    f.type ? eq(tags.type, f.type) : undefined,
    f.q ? nameContains(tags.name, f.q) : undefined,
  )
  const sort = SORTS[opts.sort]
  const { rows, nextCursor } = pageOf<Tag>(
    { ...sort, name: opts.sort },
    opts,
    (after, limit) =>
      db.select().from(tags).where(and(where, after)).orderBy(...orderBy(sort.keyset)).limit(limit).all(),
  )
  const total = cachedCount(db, seen.epoch, db.select({ n: count() }).from(tags).where(where))
  return pageJson(pickFields(rows, opts.fields).map((t) => JSON.stringify(t)), { limit: opts.limit, nextCursor, total })
}

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


/**
 * The page as served, from the cache when nothing was written since it was made: the
 * hottest lists (a front page, a tag page) cost one lookup.
 */
export function listTagsJson(db: Db, view: View, f: TagFilters, opts: Parameters<typeof listTagsPage>[3]): string {
  const seen = resolveView(db, view)
  return cached(db, seen.epoch, `${seen.prefix}tags:${JSON.stringify([f, opts])}`, () => listTagsPage(db, seen, f, opts))
}
