import { and, count, eq, exists, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { articles, quotes, sources } from '../../db/schema.js'
import { preparedFor } from '../../db/prepared.js'
import { orderBy, paginate, type Keyset } from '../../lib/pagination.js'
import { isPublic } from '../articles/visibility.js'
import type { Source } from './schemas.js'

const keyset: Keyset = { columns: [sources.slug, sources.id], direction: 'asc' }

// A source is public once a published story attributes something to it; until then even
// its description could reveal unpublished reporting.
const hasPublicQuote = (db: Db, articleId?: string) =>
  exists(
    db
      .select({ one: sql`1` })
      .from(quotes)
      .innerJoin(articles, eq(articles.id, quotes.articleId))
      .where(and(eq(quotes.sourceId, sources.id), isPublic, articleId ? eq(quotes.articleId, articleId) : undefined)),
  )

const sourceByKey = preparedFor((db) =>
  db
    .select()
    .from(sources)
    .where(and(or(eq(sources.id, sql.placeholder('key')), eq(sources.slug, sql.placeholder('key'))), hasPublicQuote(db)))
    .prepare(),
)

export function findSource(db: Db, idOrSlug: string): Source | undefined {
  return sourceByKey(db).get({ key: idOrSlug })
}

export function listSources(db: Db, q: { limit: number; cursor?: string | undefined; articleId?: string }) {
  const where = hasPublicQuote(db, q.articleId)
  return paginate<Source>({
    order: 'slug',
    keyset,
    key: (s) => [s.slug, s.id],
    limit: q.limit,
    cursor: q.cursor,
    fetch: (after: SQL | undefined, limit) =>
      db
        .select()
        .from(sources)
        .where(and(where, after))
        .orderBy(...orderBy(keyset))
        .limit(limit)
        .all(),
    count: () => db.select({ n: count() }).from(sources).where(where).get()?.n ?? 0,
  })
}
