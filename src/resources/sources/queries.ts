import { and, eq, exists, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { preparedFor } from '../../db/prepared.js'
import { articles, quotes, SOURCE_KINDS, sources } from '../../db/schema.js'
import { exactness, matching } from '../../core/search.js'
import { resolveView, viewParams, visibleThroughJoin, visibleArticlesPrepared, type Seen, type View } from '../../core/visibility.js'
import { cachedList, keysetSorts, listPage, representation, storedByKey, type ListOptions } from '../taxonomy/queries.js'
import type { Source } from './schemas.js'

export const SOURCE_SORTS = ['slug', '-slug', 'updatedAt', '-updatedAt'] as const
type SourceSort = (typeof SOURCE_SORTS)[number]

const SORTS = keysetSorts<Source, SourceSort>(sources, SOURCE_SORTS)

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

export function publicSource(db: Db, view: View, idOrSlug: string): Source | undefined {
  return sourceByKey(db).get({ key: idOrSlug, ...viewParams(resolveView(db, view)) })
}

/** Any stored source, quoted or not: for writes, and for callers who preview unpublished work. */
export const storedSource = storedByKey<Source>(sources)

export const resolveSourceId = (db: Db, idOrSlug: string) => storedSource(db, idOrSlug)?.id

/** The source as this caller may read it: editors see every stored source, the public only quoted ones. */
export const findSource = (db: Db, view: View, idOrSlug: string) =>
  view.preview ? storedSource(db, idOrSlug) : publicSource(db, view, idOrSlug)

export const sourceJson: (source: Source) => string = representation

export type SourceFilters = {
  kind?: (typeof SOURCE_KINDS)[number] | undefined
  anonymous?: boolean | undefined
  affiliation?: string | undefined
  q?: string | undefined
  articleId?: string
}

const sourcesWhere = (db: Db, seen: Seen, f: SourceFilters) =>
  and(
    // Editors list every stored source, as they read any one; a story's sources are those it quotes.
    seen.preview && !f.articleId ? undefined : hasVisibleQuote(db, visibleThroughJoin(seen), f.articleId),
    f.kind ? eq(sources.kind, f.kind) : undefined,
    f.anonymous !== undefined ? eq(sources.anonymous, f.anonymous) : undefined,
    f.affiliation ? eq(sources.affiliation, f.affiliation) : undefined,
    f.q !== undefined ? matching(sources.id, 'source', f.q, seen.preview) : undefined,
  )

export const listSourcesJson = (db: Db, view: View, f: SourceFilters, opts: ListOptions<SourceSort>): string =>
  cachedList(db, view, 'sources', [f, opts], (seen) =>
    listPage(db, seen, sources, { where: sourcesWhere(db, seen, f), sort: SORTS[opts.sort], searched: exactness(db, 'source', f.q, seen.preview) }, opts),
  )
