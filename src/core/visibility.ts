import { and, eq, gt, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm'
import { dbEpoch } from '../db/cache.js'
import type { Db } from '../db/client.js'
import { preparedFor } from '../db/prepared.js'
import { articles } from '../db/schema.js'
import { catchUp } from './transactions.js'

/**
 * Who is looking, and when. The public sees published stories whose publication time has
 * come (a future `publishedAt` is an embargo); keys with the write scope preview drafts and
 * embargoed stories too. Withdrawn stories are shown to no one.
 */
export type View = { now: string; preview: boolean }

/**
 * A view resolved against the database: `asOf` is the instant the visibility rule is
 * evaluated at, `epoch` says when cached representations made for it go stale, and
 * `prefix` keeps the representations of the two audiences apart.
 */
export type Seen = { preview: boolean; asOf: string; epoch: string; prefix: string }

type EmbargoState = { data: string; from: string; until: string | null; generation: number }

const states = preparedFor((): EmbargoState => ({ data: '', from: '', until: null, generation: 0 }))

const nextLiftStatement = preparedFor((db) =>
  db.$client
    .prepare("select min(published_at) from articles where status = 'published' and published_sort > ?")
    .pluck(),
)

/** When the next embargo after `instant` lifts, or null when none is waiting. */
export const nextLift = (db: Db, instant: string) => (nextLiftStatement(db).get(instant) as string | null) ?? null

/**
 * What the public sees changes when the data does or when an embargo lifts. Between two
 * lifts it is the same at every instant, so `asOf` is the start of that interval: lists and
 * counts made at any moment inside it share cache entries, and the first request after a
 * lift sees a new generation, with no job running. The epoch is `data|generation`.
 */
export function resolveView(db: Db, view: View): Seen {
  let data = dbEpoch(db)
  if (view.preview) return { preview: true, asOf: view.now, epoch: data, prefix: 'preview|' }
  const s = states(db)
  const lifted = view.now < s.from || (s.until !== null && view.now >= s.until)
  if (s.data !== data || lifted) {
    if (catchUp(db, view.now)) data = dbEpoch(db)
    s.data = data
    s.from = view.now
    s.until = nextLift(db, view.now)
    // Only a lift (or a clock set back) changes what the public sees without a write; a
    // write names what it changed in its events, and the cache drops no more than that.
    if (lifted) s.generation++
  }
  return { preview: false, asOf: s.from, epoch: `${data}|${s.generation}`, prefix: '' }
}

/**
 * The articles this audience may see, for list queries. A preview's rule is a test of each
 * story (unary `+`), not a range: two statuses are two ranges of the status index, which
 * SQLite sorts rather than walks in order, so the (sort column, id, status) indexes walk
 * the list in order instead and read the status from the index.
 */
export function visibleArticles(seen: Seen, window: PublishedWindow = {}): SQL {
  const { after, before } = window
  // One lower and one upper bound on published_sort at most: the index range then answers
  // the whole test. A second bound on the column is tested on the story's row, and
  // published_sort is computed from published_at, which lies past the body.
  const lower = after !== undefined ? gte(articles.publishedSort, after) : before !== undefined ? gt(articles.publishedSort, '') : undefined
  if (seen.preview) {
    return and(sql`+${articles.status} in ('draft', 'published')`, lower, before === undefined ? undefined : lt(articles.publishedSort, before))!
  }
  const upper = before !== undefined && before <= seen.asOf ? lt(articles.publishedSort, before) : lte(articles.publishedSort, seen.asOf)
  return and(eq(articles.status, 'published'), lower, upper)!
}

/** A window on publication: from `after` (inclusive) to `before` (exclusive, and never a story without a date). */
export type PublishedWindow = { after?: string | undefined; before?: string | undefined }

/**
 * The same rule for a list sorted by another column (updatedAt, createdAt): the unary `+`
 * keeps SQLite from ranging over (status, published_sort) and sorting what it finds, so
 * that column's own index yields the page in order, each story tested as it comes. A
 * window on publication stays a range SQLite may choose.
 */
export function visibleInOtherOrder(seen: Seen, window: PublishedWindow = {}): SQL {
  const { after, before } = window
  const within = [
    after === undefined ? undefined : gte(articles.publishedSort, after),
    before === undefined ? undefined : and(lt(articles.publishedSort, before), gt(articles.publishedSort, '')),
  ]
  if (seen.preview) return and(sql`+${articles.status} in ('draft', 'published')`, ...within)!
  return and(sql`(+${articles.status} = 'published' and +${articles.publishedSort} <= ${seen.asOf})`, ...within)!
}

/**
 * The same rule for queries that reach a story from one of its rows (a quote, a tag, a
 * correction). The unary `+` keeps SQLite from driving the query through the index on
 * (status, published_sort), which would visit every public story to find the few joined
 * ones; the story is found by its id instead.
 */
export function visibleThroughJoin(seen: Seen): SQL {
  if (seen.preview) return sql`+${articles.status} in ('draft', 'published')`
  return sql`(+${articles.status} = 'published' and +${articles.publishedSort} <= ${seen.asOf})`
}

/** The joined rule with placeholders `asOf` and `preview` (0 or 1), for prepared statements. */
export const visibleArticlesPrepared = sql`((+${articles.status} = 'published' and +${articles.publishedSort} <= ${sql.placeholder('asOf')})
  or (${sql.placeholder('preview')} = 1 and +${articles.status} in ('draft', 'published')))`

export const viewParams = (seen: Seen) => ({ asOf: seen.asOf, preview: seen.preview ? 1 : 0 })

/** The same rule for a row already read. */
export function canSee(seen: Seen, a: { status: string; publishedAt: string | null }): boolean {
  if (a.status === 'draft') return seen.preview
  return a.status === 'published' && (seen.preview || (a.publishedAt ?? '') <= seen.asOf)
}

const articleKey = preparedFor((db) =>
  db.$client.prepare('select id, status, published_at as publishedAt from articles where id = @key or slug = @key'),
)

/** The id of the story with this id or slug, if this audience may see it: for filters that name a story. */
export function visibleArticleId(db: Db, seen: Seen, idOrSlug: string): string | undefined {
  const row = articleKey(db).get({ key: idOrSlug }) as { id: string; status: string; publishedAt: string | null } | undefined
  return row && canSee(seen, row) ? row.id : undefined
}

/** Published, but not yet public: its publication time is still to come. */
export const isEmbargoed = (a: { status: string; publishedAt: string | null }, asOf: string) =>
  a.status === 'published' && a.publishedAt !== null && a.publishedAt > asOf

/** The view of a caller that sees only what is public, now. */
export const publicView = (now = new Date()): View => ({ now: now.toISOString(), preview: false })
