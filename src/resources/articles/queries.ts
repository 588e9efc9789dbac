import { and, count, eq, exists, getTableColumns, getTableName, gte, inArray, or, sql, type SQL } from 'drizzle-orm'
import { cached, cachedMany, cachedRepresentation, cachedTotal, type Representation } from '../../db/cache.js'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Db } from '../../db/client.js'
import { preparedFor } from '../../db/prepared.js'
import { articleAuthors, articles, articleTags, quotes, sources, type Block, type Media } from '../../db/schema.js'
import { pickFields } from '../../core/listing.js'
import { orderBy, pageJson, pageOf, type Keyset } from '../../core/pagination.js'
import { exactness, matching } from '../../core/search.js'
import { creditsOf, resolveAuthorId } from '../authors/queries.js'
import { correctionsOfArticle } from '../corrections/queries.js'
import { quotesOfArticle, quotesOfArticles } from '../quotes/queries.js'
import { resolveSourceId } from '../sources/queries.js'
import { resolveTagId, tagsOf } from '../tags/queries.js'
import { webUrl } from '../../core/html.js'
import type { Article, ArticleSummary, Sourcing } from './schemas.js'
import { canSee, resolveView, visibleArticles, visibleInOtherOrder, visibleThroughJoin, type Seen, type View } from '../../core/visibility.js'

type ArticleRow = typeof articles.$inferSelect

// A URL stored before writes were held to http(s) stays on record (revisions, export, where
// re-importing names it) but is never served: a partner would put it in a link or an img.
const unsafe = (url: string | null) => url !== null && webUrl(url) === undefined
const servedMedia = (media: Media[]) => media.map((m) => (unsafe(m.url) ? { ...m, url: null } : m))
const servedBody = (body: Block[]) => body.map((b) => (b.type === 'related-link' && unsafe(b.url) ? { ...b, url: null } : b))

// Lists show the body only when asked to, so they do not read or parse it otherwise.
const { body: _body, notes: _notes, anonymousSourced: _anonymousSourced, ...summaryColumns } = getTableColumns(articles)
type SummaryRow = Omit<ArticleRow, 'body' | 'notes' | 'anonymousSourced'>

export const ARTICLE_SORTS = ['-publishedAt', 'publishedAt', '-updatedAt', 'updatedAt', '-createdAt', 'createdAt'] as const
export type ArticleSort = (typeof ARTICLE_SORTS)[number]
export const ARTICLE_INCLUDES = ['authors', 'tags', 'body', 'quotes', 'quotes.source', 'quotes.saidTo'] as const

const SORTS: Record<ArticleSort, { keyset: Keyset; key: (r: SummaryRow) => [string, string] }> = {
  '-publishedAt': { keyset: { columns: [articles.publishedSort, articles.id], direction: 'desc' }, key: (r) => [r.publishedSort, r.id] },
  publishedAt: { keyset: { columns: [articles.publishedSort, articles.id], direction: 'asc' }, key: (r) => [r.publishedSort, r.id] },
  '-updatedAt': { keyset: { columns: [articles.updatedAt, articles.id], direction: 'desc' }, key: (r) => [r.updatedAt, r.id] },
  updatedAt: { keyset: { columns: [articles.updatedAt, articles.id], direction: 'asc' }, key: (r) => [r.updatedAt, r.id] },
  '-createdAt': { keyset: { columns: [articles.createdAt, articles.id], direction: 'desc' }, key: (r) => [r.createdAt, r.id] },
  createdAt: { keyset: { columns: [articles.createdAt, articles.id], direction: 'asc' }, key: (r) => [r.createdAt, r.id] },
}

const emptySourcing = (): Sourcing => ({
  sources: { total: 0, named: 0, anonymous: 0 },
  quotes: { total: 0, direct: 0, partial: 0, paraphrase: 0, fromAnonymousSources: 0 },
})

const sourcingQuery = (db: Db, where: SQL) =>
  db
    .select({
      articleId: quotes.articleId,
      sources: sql<number>`count(distinct ${quotes.sourceId})`,
      anonymousSources: sql<number>`count(distinct case when ${sources.anonymous} then ${quotes.sourceId} end)`,
      quotes: count(),
      direct: sql<number>`sum(${quotes.kind} = 'direct')`,
      partial: sql<number>`sum(${quotes.kind} = 'partial')`,
      paraphrase: sql<number>`sum(${quotes.kind} = 'paraphrase')`,
      fromAnonymous: sql<number>`sum(${sources.anonymous})`,
    })
    .from(quotes)
    .innerJoin(sources, eq(sources.id, quotes.sourceId))
    .where(where)
    .groupBy(quotes.articleId)

const sourcingOfOne = preparedFor((db) => sourcingQuery(db, eq(quotes.articleId, sql.placeholder('id'))).prepare())

/** The sourcing summary of several articles in one grouped query. */
function sourcingOf(db: Db, articleIds: string[]): Map<string, Sourcing> {
  const result = new Map(articleIds.map((id) => [id, emptySourcing()]))
  if (articleIds.length === 0) return result
  const rows =
    articleIds.length === 1
      ? sourcingOfOne(db).all({ id: articleIds[0] })
      : sourcingQuery(db, inArray(quotes.articleId, articleIds)).all()
  for (const r of rows) {
    result.set(r.articleId, {
      sources: { total: r.sources, named: r.sources - r.anonymousSources, anonymous: r.anonymousSources },
      quotes: {
        total: r.quotes,
        direct: r.direct,
        partial: r.partial,
        paraphrase: r.paraphrase,
        fromAnonymousSources: r.fromAnonymous,
      },
    })
  }
  return result
}

function summarize(db: Db, rows: SummaryRow[]): ArticleSummary[] {
  const ids = rows.map((r) => r.id)
  const credits = creditsOf(db, ids)
  const tagged = tagsOf(db, ids)
  const sourcing = sourcingOf(db, ids)
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    headline: r.headline,
    standfirst: r.standfirst,
    language: r.language,
    status: r.status,
    publishedAt: r.publishedAt,
    publisher: r.publisher,
    wordCount: r.wordCount,
    media: servedMedia(r.media),
    authors: credits.get(r.id) ?? [],
    tags: tagged.get(r.id) ?? [],
    sourcing: sourcing.get(r.id) ?? emptySourcing(),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  }))
}

const articleByKey = preparedFor((db) =>
  db
    .select()
    .from(articles)
    .where(or(eq(articles.id, sql.placeholder('key')), eq(articles.slug, sql.placeholder('key'))))
    .prepare(),
)

/** The stored article with this id or slug, whatever its status. */
export function storedArticleRow(db: Db, idOrSlug: string): ArticleRow | undefined {
  return articleByKey(db).get({ key: idOrSlug })
}

export function articleOfRow(db: Db, row: ArticleRow): Article {
  const [summary] = summarize(db, [row])
  return {
    ...summary!,
    body: servedBody(row.body),
    quotes: quotesOfArticle(db, row.id),
    notes: row.notes,
    corrections: correctionsOfArticle(db, row.id),
  }
}

const announced = preparedFor((db) =>
  db.$client.prepare(`select exists (select 1 from events where resource_id = ? and resource = 'article' and type = 'created')`).pluck(),
)

/**
 * The story as this audience has it, reading its row once: the article, `gone` when it was
 * withdrawn after it was public (partners that mirrored it must learn it is gone), or null.
 * A draft or embargo that was spiked never existed for the public, so it is not found.
 */
export function lookupArticleRow(db: Db, seen: Seen, idOrSlug: string): ArticleRow | 'gone' | null {
  const row = storedArticleRow(db, idOrSlug)
  if (row && canSee(seen, row)) return row
  return row?.status === 'withdrawn' && announced(db).get(row.id) === 1 ? 'gone' : null
}

/** `make` of the story this audience has, or the reason there is none. */
export function lookupArticle<T>(db: Db, seen: Seen, idOrSlug: string, make: (article: Article) => T): T | 'gone' | null {
  const row = lookupArticleRow(db, seen, idOrSlug)
  return row === null || row === 'gone' ? row : make(articleOfRow(db, row))
}

/**
 * The article's JSON as served, from the representation cache when nothing was written
 * since it was made; `gone` for a withdrawn story, `null` when this audience has none.
 */
export function articleJson(db: Db, view: View, idOrSlug: string): Representation {
  const seen = resolveView(db, view)
  return cachedRepresentation(db, seen, `${seen.prefix}article:${idOrSlug}`, () =>
    lookupArticle(db, seen, idOrSlug, (article) => JSON.stringify({ data: article })),
  )
}

export type ArticleFilters = {
  author?: string[]
  source?: string[]
  tag?: string[]
  publishedAfter?: string
  publishedBefore?: string
  updatedSince?: string
  anonymousSources?: boolean
  q?: string
}

/** A story linked to one author, tag or source through a join table. */
type Link = {
  kind: keyof typeof LINKS
  table: typeof articleAuthors | typeof articleTags | typeof quotes
  articleId: SQLiteColumn
  key: SQLiteColumn
  id: string
}

/**
 * The link's rows and the story each names, for `link CROSS JOIN articles` (the order is
 * fixed: link rows first). The story is found by its id on the covering (id, status,
 * published_sort) index, the audience's rule as further constraints of that index, so no
 * story row is read.
 */
const fromLink = (l: Link) => and(eq(l.key, l.id), eq(articles.id, l.articleId))

const LINKS = {
  author: { table: articleAuthors, articleId: articleAuthors.articleId, key: articleAuthors.authorId, resolve: resolveAuthorId },
  tag: { table: articleTags, articleId: articleTags.articleId, key: articleTags.tagId, resolve: resolveTagId },
  source: { table: quotes, articleId: quotes.articleId, key: quotes.sourceId, resolve: resolveSourceId },
} as const

const linked = (db: Db, l: Link) => exists(db.select({ one: sql`1` }).from(l.table).where(and(eq(l.articleId, articles.id), eq(l.key, l.id))))

/** The story is credited to an author, carries a tag or quotes a source: for every list that filters by one. */
export const linkedTo = (db: Db, kind: keyof typeof LINKS, id: string) => linked(db, { ...LINKS[kind], kind, id })

/** What a filtered list asks of a story, apart from the audience rule and its links. */
function ownConditions(db: Db, seen: Seen, f: ArticleFilters): (SQL | undefined)[] {
  const conditions: (SQL | undefined)[] = []
  if (f.updatedSince) conditions.push(gte(articles.updatedAt, f.updatedSince))
  if (f.q !== undefined) conditions.push(matching(articles.id, 'article', f.q, seen.preview))
  return conditions
}

/**
 * A filtered list's WHERE, the query counting it, and, when it filters by links, the first
 * link with the rest of the conditions: a page can then start from that link's rows.
 */
type ListWhere = { where: SQL | undefined; counting: () => RowsQuery; driver?: { link: Link; where: SQL | undefined } }
type RowsQuery = Parameters<typeof cachedTotal>[2]

/**
 * The WHERE clause for a filtered list and the query counting it, or `null` when a named
 * author, source or tag does not exist (the list is then empty without asking the database).
 * With links, the count starts from the first link's rows (a tag's 1,000 stories, not the
 * archive's 100,000), and so may a page (see pageRows).
 */
function articleWhere(db: Db, seen: Seen, f: ArticleFilters, sort: ArticleSort): ListWhere | null {
  const links: Link[] = []
  for (const [kind, keys] of [['author', f.author], ['tag', f.tag], ['source', f.source]] as const) {
    for (const key of keys ?? []) {
      const { resolve, ...link } = LINKS[kind]
      const id = resolve(db, key)
      if (!id) return null
      links.push({ ...link, kind, id })
    }
  }
  const own = ownConditions(db, seen, f)
  // On the indexed published_sort (published_at, or '' when none): a range of the index,
  // not a test of every public story's row.
  const window = { after: f.publishedAfter, before: f.publishedBefore }
  const inOrder = sort.endsWith('publishedAt')
  const visible = inOrder ? visibleArticles(seen, window) : visibleInOtherOrder(seen, window)
  // The flag (kept by triggers) ranges over its index in publication order and in counts;
  // in another order (unary +) it is tested on each story that sort's own index yields.
  const flag = f.anonymousSources === undefined ? undefined : f.anonymousSources ? 1 : 0
  const anonymous = flag === undefined ? [] : [sql`${articles.anonymousSourced} = ${flag}`]
  const walked = flag === undefined ? [] : [sql`+${articles.anonymousSourced} = ${flag}`]
  const where = and(visible, ...links.map((l) => linked(db, l)), ...own, ...(inOrder ? anonymous : walked))
  const [first, ...rest] = links
  const driver = first && { link: first, where: and(visibleArticles(seen, window), ...rest.map((l) => linked(db, l)), ...own, ...anonymous) }
  const counting = (): RowsQuery =>
    driver === undefined
      ? db.select({ one: sql`1` }).from(articles).where(and(visibleArticles(seen, window), ...own, ...anonymous))
      : db.selectDistinct({ id: driver.link.articleId }).from(driver.link.table).crossJoin(articles).where(and(fromLink(driver.link), driver.where))
  return { where, counting, driver }
}

// A link with up to this many rows (a tag's stories, an author's credits) is where a page
// starts: its rows are read and sorted, a few ms. Past it the link is common enough that
// walking the stories newest first finds a page of them sooner.
const DRIVING_LINK_ROWS = 20_000

/** How many rows a link has, counted no further than DRIVING_LINK_ROWS + 1. */
const linkRows = preparedFor((db) => {
  const counter = (l: (typeof LINKS)[keyof typeof LINKS]) =>
    db.$client
      .prepare(`select count(*) from (select 1 from "${getTableName(l.table)}" where "${l.key.name}" = ? limit ${DRIVING_LINK_ROWS + 1})`)
      .pluck()
  return { author: counter(LINKS.author), tag: counter(LINKS.tag), source: counter(LINKS.source) }
})

/**
 * One page of summary rows. A list filtered by a link that few stories carry starts from
 * the link's rows and reads who may see each story from an index (never the story's row,
 * whose visibility columns lie past its body); only the page's rows are then read. Without
 * that, a rare tag's page walked every public story testing each for the tag.
 */
function pageRows(db: Db, list: ListWhere, sort: (typeof SORTS)[ArticleSort], after: SQL | undefined, limit: number): SummaryRow[] {
  const driver = list.driver
  if (driver === undefined || (linkRows(db)[driver.link.kind].get(driver.link.id) as number) > DRIVING_LINK_ROWS) {
    return db.select(summaryColumns).from(articles).where(and(list.where, after)).orderBy(...orderBy(sort.keyset)).limit(limit).all()
  }
  const { link } = driver
  const keys = db
    .selectDistinct({ id: articles.id, key: sort.keyset.columns[0]! })
    .from(link.table)
    .crossJoin(articles)
    .where(and(fromLink(link), driver.where, after))
    .orderBy(...orderBy(sort.keyset))
    .limit(limit)
    .all()
  if (keys.length === 0) return []
  const byId = new Map(db.select(summaryColumns).from(articles).where(inArray(articles.id, keys.map((k) => k.id))).all().map((r) => [r.id, r]))
  return keys.map((k) => byId.get(k.id)!)
}

export type ListOptions = { limit: number; cursor?: string | undefined; sort: ArticleSort; include: string[]; fields: string[] }

/** A page of article summaries as JSON; summaries come from the representation cache. */
function listArticlesPage(db: Db, seen: Seen, filters: ArticleFilters, opts: ListOptions): string {
  const list = articleWhere(db, seen, filters, opts.sort)
  if (list === null) return pageJson([], { limit: opts.limit, nextCursor: null, total: 0 })
  const sort = SORTS[opts.sort]
  const { rows, nextCursor } = pageOf<SummaryRow>(
    { ...sort, name: opts.sort },
    opts,
    (after, limit) => pageRows(db, list, sort, after, limit),
  )
  const page = { limit: opts.limit, nextCursor, ...cachedTotal(db, seen, list.counting(), exactness(db, 'article', filters.q, seen.preview)) }

  const extras = opts.include.filter((i) => i !== 'authors' && i !== 'tags')
  if (extras.length === 0 && opts.fields.length === 0) {
    const byId = new Map(rows.map((r) => [r.id, r]))
    const items = cachedMany(
      db,
      seen,
      rows.map((r) => `summary:${r.id}`),
      (missing) => {
        const built = summarize(
          db,
          missing.map((k) => byId.get(k.slice('summary:'.length))!),
        )
        return new Map(built.map((s) => [`summary:${s.id}`, JSON.stringify(s)]))
      },
    )
    return pageJson(items, page)
  }

  let items: Record<string, unknown>[] = summarize(db, rows)
  if (extras.includes('body')) {
    const bodies = new Map(
      db
        .select({ id: articles.id, body: articles.body })
        .from(articles)
        .where(inArray(articles.id, rows.map((r) => r.id)))
        .all()
        .map((r) => [r.id, servedBody(r.body)]),
    )
    items = items.map((s) => ({ ...s, body: bodies.get(s.id as string) }))
  }
  if (extras.some((i) => i.startsWith('quotes'))) {
    const byArticle = quotesOfArticles(db, rows.map((r) => r.id))
    items = items.map((s) => ({ ...s, quotes: byArticle.get(s.id as string) ?? [] }))
  }
  return pageJson(pickFields(items, opts.fields).map((s) => JSON.stringify(s)), page)
}

/**
 * The page as served, from the cache when nothing was written since it was made: the
 * hottest lists (a front page, a tag page) cost one lookup.
 */
export function listArticlesJson(db: Db, view: View, filters: ArticleFilters, opts: ListOptions): string {
  const seen = resolveView(db, view)
  return cached(db, seen, `${seen.prefix}articles:${JSON.stringify([filters, opts])}`, () => listArticlesPage(db, seen, filters, opts))
}
