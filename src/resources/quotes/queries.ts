import { and, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm'
import { cached, cachedMany, cachedTotal } from '../../db/cache.js'
import type { Db } from '../../db/client.js'
import { preparedFor } from '../../db/prepared.js'
import { articles, authors, QUOTE_KINDS, quotes, sources } from '../../db/schema.js'
import { pickFields } from '../../core/listing.js'
import { orderBy, pageJson, pageOf, type Keyset } from '../../core/pagination.js'
import { exactness, matching } from '../../core/search.js'
import { resolveView, viewParams, visibleArticlesPrepared, visibleThroughJoin, type Seen, type View } from '../../core/visibility.js'
import type { Quote } from './schemas.js'

export const QUOTE_SORTS = ['-createdAt', 'createdAt', 'position'] as const
export type QuoteSort = (typeof QUOTE_SORTS)[number]
export const QUOTE_INCLUDES = ['article', 'source', 'saidTo'] as const

const selection = {
  ...getTableColumns(quotes),
  source: getTableColumns(sources),
  saidTo: { id: authors.id, slug: authors.slug, name: authors.name },
}

/** Quotes with their source and journalist; `visible` limits them to stories an audience sees. */
function selectQuotes(db: Db, visible: SQL | undefined, where: SQL | undefined) {
  return db
    .select(selection)
    .from(quotes)
    .innerJoin(articles, eq(articles.id, quotes.articleId))
    .innerJoin(sources, eq(sources.id, quotes.sourceId))
    .leftJoin(authors, eq(authors.id, quotes.saidToId))
    .where(and(visible, where))
}

type Row = Awaited<ReturnType<ReturnType<typeof selectQuotes>['all']>>[number]

function toQuote(r: Row): Quote {
  return {
    id: r.id,
    articleId: r.articleId,
    text: r.text,
    kind: r.kind,
    location: r.anchor === 'orphaned' ? null : { block: r.block, start: r.start, end: r.end },
    anchor: r.anchor,
    source: r.source,
    saidTo: r.saidTo,
    channel: r.channel,
    cue: r.cue,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  }
}

type KeyRow = { id: string; createdAt: string; articleId: string; block: number; start: number }
const keyColumns = { id: quotes.id, createdAt: quotes.createdAt, articleId: quotes.articleId, block: quotes.block, start: quotes.start }

const SORTS: Record<QuoteSort, { keyset: Keyset; key: (r: KeyRow) => (string | number)[] }> = {
  '-createdAt': { keyset: { columns: [quotes.createdAt, quotes.id], direction: 'desc' }, key: (r) => [r.createdAt, r.id] },
  createdAt: { keyset: { columns: [quotes.createdAt, quotes.id], direction: 'asc' }, key: (r) => [r.createdAt, r.id] },
  // Story by story, each in reading order.
  position: {
    keyset: { columns: [quotes.articleId, quotes.block, quotes.start, quotes.id], direction: 'asc' },
    key: (r) => [r.articleId, r.block, r.start, r.id],
  },
}

const quoteById = preparedFor((db) => selectQuotes(db, visibleArticlesPrepared, eq(quotes.id, sql.placeholder('id'))).prepare())
const quotesInReadingOrder = preparedFor((db) =>
  selectQuotes(db, undefined, eq(quotes.articleId, sql.placeholder('articleId')))
    .orderBy(...orderBy(SORTS.position.keyset))
    .prepare(),
)

export function findQuote(db: Db, view: View, id: string): Quote | undefined {
  const row = quoteById(db).get({ id, ...viewParams(resolveView(db, view)) })
  return row && toQuote(row)
}

/** Every quote of one article in reading order, for the article's own representation (whoever may see it). */
export function quotesOfArticle(db: Db, articleId: string): Quote[] {
  return quotesInReadingOrder(db).all({ articleId }).map(toQuote)
}

/** The quotes of several articles (already known to be visible) in one query, each list in reading order. */
export function quotesOfArticles(db: Db, articleIds: string[]): Map<string, Quote[]> {
  const byArticle = new Map<string, Quote[]>(articleIds.map((id) => [id, []]))
  if (articleIds.length === 0) return byArticle
  const rows = selectQuotes(db, undefined, inArray(quotes.articleId, articleIds))
    .orderBy(...orderBy(SORTS.position.keyset))
    .all()
  for (const r of rows) byArticle.get(r.articleId)?.push(toQuote(r))
  return byArticle
}

export type QuoteFilters = {
  articleId?: string
  sourceId?: string
  saidToId?: string
  kind?: (typeof QUOTE_KINDS)[number]
  anonymous?: boolean
  q?: string
}

export type QuoteListOptions = { limit: number; cursor?: string | undefined; sort: QuoteSort; include: string[]; fields: string[] }

/** A page of quotes as JSON; each quote comes from the representation cache. */
function listQuotesPage(db: Db, seen: Seen, f: QuoteFilters, opts: QuoteListOptions): string {
  const where = and(
    visibleThroughJoin(seen),
    f.articleId ? eq(quotes.articleId, f.articleId) : undefined,
    f.sourceId ? eq(quotes.sourceId, f.sourceId) : undefined,
    f.saidToId ? eq(quotes.saidToId, f.saidToId) : undefined,
    f.kind ? eq(quotes.kind, f.kind) : undefined,
    f.anonymous !== undefined
      ? // `+`: walk quotes in the list's order and test each, rather than gather every quote of
        // every anonymous source and sort them all for one page.
        sql`+${quotes.sourceId} in (select ${sources.id} from ${sources} where ${sources.anonymous} = ${f.anonymous ? 1 : 0})`
      : undefined,
    f.q !== undefined ? matching(quotes.id, 'quote', f.q, seen.preview) : undefined,
  )
  const sort = SORTS[opts.sort]
  const { rows, nextCursor } = pageOf<KeyRow>(
    { ...sort, name: opts.sort },
    opts,
    (after, limit) =>
      db
        .select(keyColumns)
        .from(quotes)
        .innerJoin(articles, eq(articles.id, quotes.articleId))
        .where(and(where, after))
        .orderBy(...orderBy(sort.keyset))
        .limit(limit)
        .all(),
  )
  const rowsOf = db.select({ one: sql`1` }).from(quotes).innerJoin(articles, eq(articles.id, quotes.articleId)).where(where)
  const page = { limit: opts.limit, nextCursor, ...cachedTotal(db, seen, rowsOf, exactness(db, 'quote', f.q, seen.preview)) }
  const built = (ids: string[]) => selectQuotes(db, undefined, inArray(quotes.id, ids)).all().map(toQuote)

  if (!opts.include.includes('article') && opts.fields.length === 0) {
    const items = cachedMany(
      db,
      seen,
      rows.map((r) => `quote:${r.id}`),
      (missing) => new Map(built(missing.map((k) => k.slice('quote:'.length))).map((q) => [`quote:${q.id}`, JSON.stringify(q)])),
    )
    return pageJson(items, page)
  }
  const byId = new Map(built(rows.map((r) => r.id)).map((q) => [q.id, q as Quote & Record<string, unknown>]))
  let items: Record<string, unknown>[] = rows.map((r) => byId.get(r.id)!)
  if (opts.include.includes('article')) {
    const refs = new Map(
      db
        .select({ id: articles.id, slug: articles.slug, headline: articles.headline, publishedAt: articles.publishedAt })
        .from(articles)
        .where(inArray(articles.id, [...new Set(rows.map((r) => r.articleId))]))
        .all()
        .map((a) => [a.id, a]),
    )
    items = items.map((q) => ({ ...q, article: refs.get(q.articleId as string) }))
  }
  return pageJson(pickFields(items, opts.fields).map((q) => JSON.stringify(q)), page)
}

/**
 * The page as served, from the cache when nothing was written since it was made: the
 * hottest lists (a front page, a tag page) cost one lookup.
 */
export function listQuotesJson(db: Db, view: View, f: QuoteFilters, opts: QuoteListOptions): string {
  const seen = resolveView(db, view)
  return cached(db, seen, `${seen.prefix}quotes:${JSON.stringify([f, opts])}`, () => listQuotesPage(db, seen, f, opts))
}
