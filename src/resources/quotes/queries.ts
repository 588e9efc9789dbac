import { and, count, eq, getTableColumns, sql, type SQL } from 'drizzle-orm'
import { preparedFor } from '../../db/prepared.js'
import type { Db } from '../../db/client.js'
import { articles, authors, quotes, sources } from '../../db/schema.js'
import { orderBy, paginate, type Keyset } from '../../lib/pagination.js'
import { isPublic } from '../articles/visibility.js'
import type { Quote } from './schemas.js'

const selection = {
  ...getTableColumns(quotes),
  source: getTableColumns(sources),
  saidTo: { id: authors.id, slug: authors.slug, name: authors.name },
}

function selectQuotes(db: Db, where: SQL | undefined) {
  return db
    .select(selection)
    .from(quotes)
    .innerJoin(articles, eq(articles.id, quotes.articleId))
    .innerJoin(sources, eq(sources.id, quotes.sourceId))
    .leftJoin(authors, eq(authors.id, quotes.saidToId))
    .where(and(isPublic, where))
}

type Row = Awaited<ReturnType<ReturnType<typeof selectQuotes>['all']>>[number]

function toQuote(r: Row): Quote {
  return {
    id: r.id,
    articleId: r.articleId,
    text: r.text,
    kind: r.kind,
    location: { block: r.block, start: r.start, end: r.end },
    source: r.source,
    saidTo: r.saidTo,
    channel: r.channel,
    cue: r.cue,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  }
}

/** Newest first, for the list of all quotes and a source's quotes. */
const newest: Keyset = { columns: [quotes.createdAt, quotes.id], direction: 'desc' }
/** Reading order, for one article's quotes. */
const reading: Keyset = { columns: [quotes.block, quotes.start, quotes.id], direction: 'asc' }

const quoteById = preparedFor((db) => selectQuotes(db, eq(quotes.id, sql.placeholder('id'))).prepare())
const quotesInReadingOrder = preparedFor((db) =>
  selectQuotes(db, eq(quotes.articleId, sql.placeholder('articleId')))
    .orderBy(...orderBy(reading))
    .prepare(),
)

export function findQuote(db: Db, id: string): Quote | undefined {
  const row = quoteById(db).get({ id })
  return row && toQuote(row)
}

/** Every quote of one article in reading order, for the article's own representation. */
export function quotesOfArticle(db: Db, articleId: string): Quote[] {
  return quotesInReadingOrder(db).all({ articleId }).map(toQuote)
}

export function listQuotes(
  db: Db,
  q: { limit: number; cursor?: string | undefined; articleId?: string; sourceId?: string },
) {
  const where = and(
    q.articleId ? eq(quotes.articleId, q.articleId) : undefined,
    q.sourceId ? eq(quotes.sourceId, q.sourceId) : undefined,
  )
  const inArticle = q.articleId !== undefined
  const keyset = inArticle ? reading : newest
  return paginate<Row, Quote>({
    order: inArticle ? 'reading' : '-createdAt',
    keyset,
    key: (r) => (inArticle ? [r.block, r.start, r.id] : [r.createdAt, r.id]),
    limit: q.limit,
    cursor: q.cursor,
    fetch: (after, limit) =>
      selectQuotes(db, and(where, after))
        .orderBy(...orderBy(keyset))
        .limit(limit)
        .all(),
    count: () =>
      db
        .select({ n: count() })
        .from(quotes)
        .innerJoin(articles, eq(articles.id, quotes.articleId))
        .where(and(isPublic, where))
        .get()?.n ?? 0,
    map: (rows) => rows.map(toQuote),
  })
}
