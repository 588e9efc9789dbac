import { and, count, desc, eq, sql } from 'drizzle-orm'
import { cached } from '../../db/cache.js'
import type { Db } from '../../db/client.js'
import { preparedFor } from '../../db/prepared.js'
import { articles, corrections } from '../../db/schema.js'
import { orderBy, pageJson, pageOf, type Keyset } from '../../core/pagination.js'
import { resolveView, visibleThroughJoin, type View } from '../../core/visibility.js'
import type { Correction } from './schemas.js'

const columns = {
  id: corrections.id,
  articleId: corrections.articleId,
  kind: corrections.kind,
  note: corrections.note,
  revision: corrections.revision,
  blocks: corrections.blocks,
  quotes: corrections.quoteIds,
  createdAt: corrections.createdAt,
}

const ofArticle = preparedFor((db) =>
  db
    .select(columns)
    .from(corrections)
    .where(eq(corrections.articleId, sql.placeholder('id')))
    .orderBy(desc(corrections.createdAt), desc(corrections.id))
    .prepare(),
)

/** An article's corrections, newest first, as printed under the story. */
export function correctionsOfArticle(db: Db, articleId: string): Correction[] {
  return ofArticle(db).all({ id: articleId })
}

const newestFirst: Keyset = { columns: [corrections.createdAt, corrections.id], direction: 'desc' }

/** Every correction of the stories this audience sees, newest first. */
export function listCorrectionsJson(db: Db, view: View, page: { limit: number; cursor?: string | undefined }): string {
  const seen = resolveView(db, view)
  return cached(db, seen, `${seen.prefix}corrections:${JSON.stringify(page)}`, () => {
    const where = visibleThroughJoin(seen)
    const { rows, nextCursor } = pageOf<Correction>(
      { name: 'newest', keyset: newestFirst, key: (c) => [c.createdAt, c.id] },
      page,
      (after, limit) =>
        db
          .select({ ...columns, article: { id: articles.id, slug: articles.slug, headline: articles.headline } })
          .from(corrections)
          .innerJoin(articles, eq(articles.id, corrections.articleId))
          .where(and(where, after))
          .orderBy(...orderBy(newestFirst))
          .limit(limit)
          .all(),
    )
    const total =
      db.select({ n: count() }).from(corrections).innerJoin(articles, eq(articles.id, corrections.articleId)).where(where).get()?.n ?? 0
    return pageJson(rows.map((r) => JSON.stringify(r)), { limit: page.limit, nextCursor, total })
  })
}
