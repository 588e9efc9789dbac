import { and, count, eq, exists, or, sql, type SQL } from 'drizzle-orm'
import { cached, cachedCount } from '../../db/cache.js'
import type { Db } from '../../db/client.js'
import { preparedFor } from '../../db/prepared.js'
import { articles, quotes, SOURCE_KINDS, sources } from '../../db/schema.js'
import { pickFields } from '../../core/listing.js'
import { orderBy, pageJson, pageOf, type Keyset } from '../../core/pagination.js'
import { exactness, matching } from '../../core/search.js'
import { resolveView, viewParams, visibleThroughJoin, visibleArticlesPrepared, type Seen, type View } from '../../core/visibility.js'
import type { Source } from './schemas.js'

export const SOURCE_SORTS = ['slug', '-slug', 'updatedAt', '-updatedAt'] as const
type SourceSort = (typeof SOURCE_SORTS)[number]

const SORTS: Record<SourceSort, { keyset: Keyset; key: (s: Source) => string[] }> = {
  slug: { keyset: { columns: [sources.slug, sources.id], direction: 'asc' }, key: (s) => [s.slug, s.id] },
  '-slug': { keyset: { columns: [sources.slug, sources.id], direction: 'desc' }, key: (s) => [s.slug, s.id] },
  updatedAt: { keyset: { columns: [sources.updatedAt, sources.id], direction: 'asc' }, key: (s) => [s.updatedAt, s.id] },
  '-updatedAt': { keyset: { columns: [sources.updatedAt, sources.id], direction: 'desc' }, key: (s) => [s.updatedAt, s.id] },
}

// A source is public once a published story attributes something to it; until then even
// its description could reveal unpublished reporting.
const hasVisibleQuote = (db: Db, visible: SQL, articleId?: string) =>
  exists(
    db
      .select({ one: sql`1` })
      .from(quotes)
      .innerJoin(articles, eq(articles.id, quotes.articleId))
      .where(and(eq(quotes.sourceId, sources.id), visible, articleId ? eq(quotes.articleId, articleId) : undefined)),
  )

const sourceByKey = preparedFor((db) =>
  db
    .select()
    .from(sources)
    .where(
      and(
        or(eq(sources.id, sql.placeholder('key')), eq(sources.slug, sql.placeholder('key'))),
        hasVisibleQuote(db, visibleArticlesPrepared),
      ),
    )
    .prepare(),
)

export function findSource(db: Db, view: View, idOrSlug: string): Source | undefined {
  return sourceByKey(db).get({ key: idOrSlug, ...viewParams(resolveView(db, view)) })
}

const anySourceByKey = preparedFor((db) =>
  db
    .select()
    .from(sources)
    .where(or(eq(sources.id, sql.placeholder('key')), eq(sources.slug, sql.placeholder('key'))))
    .prepare(),
)

/** Any stored source, quoted or not: for writes, and for callers who preview unpublished work. */
export function findStoredSource(db: Db, idOrSlug: string): Source | undefined {
  return anySourceByKey(db).get({ key: idOrSlug })
}

export const resolveSourceId = (db: Db, idOrSlug: string) => findStoredSource(db, idOrSlug)?.id

/** The source as this caller may read it: editors see every stored source, the public only quoted ones. */
export const findReadableSource = (db: Db, view: View, idOrSlug: string) =>
  view.preview ? findStoredSource(db, idOrSlug) : findSource(db, view, idOrSlug)

/**
 * The one representation of a source, sent by GET and by every write: an If-Match carries
 * the ETag of these exact bytes, so no route may build them another way.
 */
export const sourceJson = (source: Source) => JSON.stringify({ data: source })

export type SourceFilters = {
  kind?: (typeof SOURCE_KINDS)[number]
  anonymous?: boolean
  affiliation?: string
  q?: string
  articleId?: string
}

function listSourcesPage(
  db: Db,
  seen: Seen,
  f: SourceFilters,
  opts: { limit: number; cursor?: string | undefined; sort: SourceSort; fields: string[] },
) {
  const where = and(
    hasVisibleQuote(db, visibleThroughJoin(seen), f.articleId),
    f.kind ? eq(sources.kind, f.kind) : undefined,
    f.anonymous !== undefined ? eq(sources.anonymous, f.anonymous) : undefined,
    f.affiliation ? eq(sources.affiliation, f.affiliation) : undefined,
    f.q !== undefined ? matching(sources.id, 'source', f.q, seen.preview) : undefined,
  )
  const sort = SORTS[opts.sort]
  const { rows, nextCursor } = pageOf<Source>(
    { ...sort, name: opts.sort },
    opts,
    (after, limit) =>
      db.select().from(sources).where(and(where, after)).orderBy(...orderBy(sort.keyset)).limit(limit).all(),
  )
  const total = cachedCount(db, seen.epoch, db.select({ n: count() }).from(sources).where(where))
  return pageJson(pickFields(rows, opts.fields).map((s) => JSON.stringify(s)), { limit: opts.limit, nextCursor, total, ...exactness(db, 'source', f.q, seen.preview) })
}

/**
 * The page as served, from the cache when nothing was written since it was made: the
 * hottest lists (a front page, a tag page) cost one lookup.
 */
export function listSourcesJson(db: Db, view: View, f: SourceFilters, opts: Parameters<typeof listSourcesPage>[3]): string {
  const seen = resolveView(db, view)
  return cached(db, seen.epoch, `${seen.prefix}sources:${JSON.stringify([f, opts])}`, () => listSourcesPage(db, seen, f, opts))
}
