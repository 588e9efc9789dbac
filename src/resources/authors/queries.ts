import { and, asc, count, eq, getTableColumns, inArray, or, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { articleAuthors, authors } from '../../db/schema.js'
import { orderBy, paginate, type Keyset } from '../../lib/pagination.js'
import type { Author, Credit } from './schemas.js'

const byName: Keyset = { columns: [authors.name, authors.id], direction: 'asc' }
const byPosition: Keyset = {
  columns: [articleAuthors.position, articleAuthors.authorId, articleAuthors.role],
  direction: 'asc',
}

export function findAuthor(db: Db, idOrSlug: string): Author | undefined {
  return db
    .select()
    .from(authors)
    .where(or(eq(authors.id, idOrSlug), eq(authors.slug, idOrSlug)))
    .get()
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

/** The credits of several articles in one query, each list in credit order. */
export function creditsOf(db: Db, articleIds: string[]): Map<string, Credit[]> {
  const byArticle = new Map<string, Credit[]>(articleIds.map((id) => [id, []]))
  if (articleIds.length === 0) return byArticle
  const rows = db
    .select({ articleId: articleAuthors.articleId, ...creditSelection })
    .from(articleAuthors)
    .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
    .where(inArray(articleAuthors.articleId, articleIds))
    .orderBy(asc(articleAuthors.position), asc(articleAuthors.authorId), asc(articleAuthors.role))
    .all()
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
