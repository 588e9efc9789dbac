import { and, asc, count, eq, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm'
import { preparedFor } from '../../db/prepared.js'
import type { Db } from '../../db/client.js'
import { articleAuthors, authors } from '../../db/schema.js'
import { orderBy, paginate, type Keyset } from '../../lib/pagination.js'
import type { Author, Credit } from './schemas.js'

const byName: Keyset = { columns: [authors.name, authors.id], direction: 'asc' }
const byPosition: Keyset = {
  columns: [articleAuthors.position, articleAuthors.authorId, articleAuthors.role],
  direction: 'asc',
}

const authorByKey = preparedFor((db) =>
  db
    .select()
    .from(authors)
    .where(or(eq(authors.id, sql.placeholder('key')), eq(authors.slug, sql.placeholder('key'))))
    .prepare(),
)

export function findAuthor(db: Db, idOrSlug: string): Author | undefined {
  return authorByKey(db).get({ key: idOrSlug })
}

export function listAuthors(db: Db, q: { limit: number; cursor?: string | undefined }) {
  return paginate<Author>({
    order: 'name',
    keyset: byName,
    key: (a) => [a.name, a.id],
    limit: q.limit,
    cursor: q.cursor,
    fetch: (after, limit) =>
      db
        .select()
        .from(authors)
        .where(after)
        .orderBy(...orderBy(byName))
        .limit(limit)
        .all(),
    count: () => db.select({ n: count() }).from(authors).get()?.n ?? 0,
  })
}

const creditSelection = { ...getTableColumns(authors), role: articleAuthors.role, position: articleAuthors.position }

function selectCredits(db: Db, where: SQL | undefined) {
  return db.select(creditSelection).from(articleAuthors).innerJoin(authors, eq(authors.id, articleAuthors.authorId)).where(where)
}

const creditsQuery = (db: Db, where: SQL) =>
  db
    .select({ articleId: articleAuthors.articleId, ...creditSelection })
    .from(articleAuthors)
    .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
    .where(where)
    .orderBy(asc(articleAuthors.position), asc(articleAuthors.authorId), asc(articleAuthors.role))

const creditsOfOne = preparedFor((db) => creditsQuery(db, eq(articleAuthors.articleId, sql.placeholder('id'))).prepare())

/** The credits of several articles in one query, each list in credit order. */
export function creditsOf(db: Db, articleIds: string[]): Map<string, Credit[]> {
  const byArticle = new Map<string, Credit[]>(articleIds.map((id) => [id, []]))
  if (articleIds.length === 0) return byArticle
  const rows =
    articleIds.length === 1
      ? creditsOfOne(db).all({ id: articleIds[0] })
      : creditsQuery(db, inArray(articleAuthors.articleId, articleIds)).all()
  for (const { articleId, ...credit } of rows) byArticle.get(articleId)?.push(credit)
  return byArticle
}

export function listCredits(db: Db, articleId: string, q: { limit: number; cursor?: string | undefined }) {
  const where = eq(articleAuthors.articleId, articleId)
  return paginate<Credit>({
    order: 'position',
    keyset: byPosition,
    key: (c) => [c.position, c.id, c.role],
    limit: q.limit,
    cursor: q.cursor,
    fetch: (after, limit) =>
      selectCredits(db, and(where, after))
        .orderBy(...orderBy(byPosition))
        .limit(limit)
        .all(),
    count: () => db.select({ n: count() }).from(articleAuthors).where(where).get()?.n ?? 0,
  })
}
