import { and, count, eq, exists, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { articleAuthors, articles, quotes, sources } from '../../db/schema.js'
import { preparedFor } from '../../db/prepared.js'
import { orderBy, paginate, type Keyset } from '../../lib/pagination.js'
import { creditsOf } from '../authors/queries.js'
import { quotesOfArticle } from '../quotes/queries.js'
import type { Article, ArticleSummary, Sourcing } from './schemas.js'
import { isPublic } from './visibility.js'

type ArticleRow = typeof articles.$inferSelect
// Lists never show the body, so they never read or parse it.
const { body: _body, notes: _notes, ...summaryColumns } = getTableColumns(articles)
type SummaryRow = Omit<ArticleRow, 'body' | 'notes'>

const newest: Keyset = { columns: [articles.publishedSort, articles.id], direction: 'desc' }

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
    media: r.media,
    authors: credits.get(r.id) ?? [],
    sourcing: sourcing.get(r.id) ?? emptySourcing(),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  }))
}

/** The public article with this id or slug: the one call behind a story page. */
export function findArticle(db: Db, idOrSlug: string): Article | undefined {
  const row = findArticleRow(db, idOrSlug)
  if (!row) return undefined
  const [summary] = summarize(db, [row])
  return { ...summary!, body: row.body, quotes: quotesOfArticle(db, row.id), notes: row.notes }
}

const articleByKey = preparedFor((db) =>
  db
    .select()
    .from(articles)
    .where(and(or(eq(articles.id, sql.placeholder('key')), eq(articles.slug, sql.placeholder('key'))), isPublic))
    .prepare(),
)

export function findArticleRow(db: Db, idOrSlug: string): ArticleRow | undefined {
  return articleByKey(db).get({ key: idOrSlug })
}

export function listArticles(db: Db, q: { limit: number; cursor?: string | undefined; authorId?: string }) {
  const where = and(
    isPublic,
    q.authorId
      ? exists(
          db
            .select({ one: sql`1` })
            .from(articleAuthors)
            .where(and(eq(articleAuthors.articleId, articles.id), eq(articleAuthors.authorId, q.authorId))),
        )
      : undefined,
  )
  return paginate<SummaryRow, ArticleSummary>({
    order: '-publishedAt',
    keyset: newest,
    key: (r) => [r.publishedSort, r.id],
    limit: q.limit,
    cursor: q.cursor,
    fetch: (after: SQL | undefined, limit) =>
      db
        .select(summaryColumns)
        .from(articles)
        .where(and(where, after))
        .orderBy(...orderBy(newest))
        .limit(limit)
        .all(),
    count: () => db.select({ n: count() }).from(articles).where(where).get()?.n ?? 0,
    map: (rows) => summarize(db, rows),
  })
}
