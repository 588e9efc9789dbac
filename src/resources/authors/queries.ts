import { and, asc, eq, exists, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm'
import { cachedTotal, dbEpoch } from '../../db/cache.js'
import type { Db } from '../../db/client.js'
import { preparedFor } from '../../db/prepared.js'
import { articleAuthors, articles, AUTHOR_ROLES, authors, quotes } from '../../db/schema.js'
import { nameContains, pickFields } from '../../core/listing.js'
import { orderBy, pageJson, pageOf, type Keyset } from '../../core/pagination.js'
import { cachedList, keptIf, keysetSorts, listPage, representation, storedByKey, type ListOptions } from '../taxonomy/queries.js'
import { resolveView, visibleThroughJoin, type Seen, type View } from '../../core/visibility.js'
import type { Author, Credit } from './schemas.js'

export const AUTHOR_SORTS = ['name', '-name', 'slug', '-slug'] as const
type AuthorSort = (typeof AUTHOR_SORTS)[number]

const SORTS = keysetSorts<Author, AuthorSort>(authors, AUTHOR_SORTS)

const byPosition: Keyset = {
  columns: [articleAuthors.position, articleAuthors.authorId, articleAuthors.role],
  direction: 'asc',
}

export const storedAuthor = storedByKey<Author>(authors)

export const resolveAuthorId = (db: Db, idOrSlug: string) => storedAuthor(db, idOrSlug)?.id

// A person is public once a story this audience sees credits them, or says they were the
// one spoken to: an embargo covers the people it would reveal.
const inVisibleStory = (db: Db, seen: Seen) =>
  or(
    exists(
      db
        .select({ one: sql`1` })
        .from(articleAuthors)
        .innerJoin(articles, eq(articles.id, articleAuthors.articleId))
        .where(and(eq(articleAuthors.authorId, authors.id), visibleThroughJoin(seen))),
    ),
    exists(
      db
        .select({ one: sql`1` })
        .from(quotes)
        .innerJoin(articles, eq(articles.id, quotes.articleId))
        .where(and(eq(quotes.saidToId, authors.id), visibleThroughJoin(seen))),
    ),
  )

/** The author as this caller may read it: editors see every stored author, the public only those of public stories. */
export function findAuthor(db: Db, view: View, idOrSlug: string): Author | undefined {
  const author = storedAuthor(db, idOrSlug)
  if (view.preview) return author
  return keptIf(db, authors, author, inVisibleStory(db, resolveView(db, view)))
}

export const authorJson: (author: Author) => string = representation

export type AuthorFilters = { organization?: string | undefined; role?: (typeof AUTHOR_ROLES)[number] | undefined; q?: string | undefined }

const authorsWhere = (db: Db, seen: Seen, f: AuthorFilters) =>
  and(
    seen.preview ? undefined : inVisibleStory(db, seen),
    f.organization ? eq(authors.organization, f.organization) : undefined,
    f.role
      ? exists(
          db
            .select({ one: sql`1` })
            .from(articleAuthors)
            .innerJoin(articles, eq(articles.id, articleAuthors.articleId))
            .where(and(eq(articleAuthors.authorId, authors.id), eq(articleAuthors.role, f.role), visibleThroughJoin(seen))),
        )
      : undefined,
    f.q ? nameContains(authors.name, f.q) : undefined,
  )

const creditSelection = { ...getTableColumns(authors), role: articleAuthors.role, position: articleAuthors.position }

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

export function listCreditsJson(db: Db, articleId: string, opts: { limit: number; cursor?: string | undefined; fields: string[] }) {
  // Credits know no audience: the count lives for this epoch alone.
  const at = { epoch: dbEpoch(db), preview: true }
  const where = eq(articleAuthors.articleId, articleId)
  const { rows, nextCursor } = pageOf<Credit>(
    { name: 'position', keyset: byPosition, key: (c) => [c.position, c.id, c.role] },
    opts,
    (after, limit) =>
      db
        .select(creditSelection)
        .from(articleAuthors)
        .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
        .where(and(where, after))
        .orderBy(...orderBy(byPosition))
        .limit(limit)
        .all(),
  )
  const total = cachedTotal(db, at, db.select({ one: sql`1` }).from(articleAuthors).where(where))
  return pageJson(pickFields(rows, opts.fields).map((c) => JSON.stringify(c)), { limit: opts.limit, nextCursor, ...total })
}

export const listAuthorsJson = (db: Db, view: View, f: AuthorFilters, opts: ListOptions<AuthorSort>): string =>
  cachedList(db, view, 'authors', [f, opts], (seen) =>
    listPage(db, seen, authors, { where: authorsWhere(db, seen, f), sort: SORTS[opts.sort] }, opts),
  )
