import { inArray, sql } from 'drizzle-orm'
import { cached, cachedCount } from '../../db/cache.js'
import type { Db } from '../../db/client.js'
import { articles, quotes, type SEARCH_KINDS, sources } from '../../db/schema.js'
import { pickFields } from '../../lib/listing.js'
import { pageJson, pageOf } from '../../lib/pagination.js'
import { toFtsQuery } from '../../lib/search-query.js'
import { resolveView, visibleThroughJoin, type Seen, type View } from '../articles/visibility.js'
import type { SearchHit } from './schemas.js'

type Kind = (typeof SEARCH_KINDS)[number]
type HitRow = { kind: Kind; ref: string; rank: number; rid: number; snippet: string }

// Private-use characters mark matches inside FTS5's snippet, so the text can be
// HTML-escaped before they become <mark> tags: a story's own text never becomes markup.
const OPEN = '\uE000'
const CLOSE = '\uE001'
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const toHtml = (snippet: string) =>
  snippet
    .replace(/[&<>"']/g, (c) => ESCAPES[c]!)
    .replaceAll(OPEN, '<mark>')
    .replaceAll(CLOSE, '</mark>')

// Only what the public API shows can be found: published stories, their quotes, and the
// sources they quote.
const visibleHits = (seen: Seen) => {
  const isPublic = visibleThroughJoin(seen)
  return sql`(
  (r.kind = 'article' and exists (select 1 from ${articles} where ${articles.id} = r.ref and ${isPublic}))
  or (r.kind = 'quote' and exists (select 1 from ${quotes} join ${articles} on ${articles.id} = ${quotes.articleId}
      where ${quotes.id} = r.ref and ${isPublic}))
  or (r.kind = 'source' and exists (select 1 from ${quotes} join ${articles} on ${articles.id} = ${quotes.articleId}
      where ${quotes.sourceId} = r.ref and ${isPublic})))`
}

type SearchArgs = { q: string; types: Kind[]; fields: string[]; limit: number; cursor?: string | undefined }

/** A page of hits as served, from the cache when nothing was written since it was made. */
export function searchJson(db: Db, view: View, q: SearchArgs): string {
  const seen = resolveView(db, view)
  return cached(db, seen.epoch, `${seen.prefix}search:${JSON.stringify(q)}`, () => searchPage(db, seen, q))
}

function searchPage(db: Db, seen: Seen, q: SearchArgs): string {
  const epoch = seen.epoch
  const match = toFtsQuery(q.q)
  const hits = sql`select r.kind as kind, r.ref as ref, r.id as rid,
      bm25(search_index, 3.0, 1.0) as rank,
      snippet(search_index, -1, ${OPEN}, ${CLOSE}, '…', 16) as snippet
    from search_index join search_rows r on r.id = search_index.rowid
    where search_index match ${match} and r.kind in (${sql.join(q.types.map((t) => sql`${t}`), sql`, `)}) and ${visibleHits(seen)}`
  const rank = sql.raw('rank')
  const rid = sql.raw('rid')
  const { rows, nextCursor } = pageOf<HitRow>(
    { name: 'relevance', keyset: { columns: [rank, rid], direction: 'asc' }, key: (h) => [h.rank, h.rid] },
    q,
    (after, limit) =>
      db.all<HitRow>(sql`select * from (${hits}) ${after ? sql`where ${after}` : sql``} order by rank, rid limit ${limit}`),
  )
  const total = cachedCount(db, epoch, {
    toSQL: () => ({ sql: `search:${seen.prefix}${seen.asOf}:${match}`, params: q.types }),
    get: () => db.get<{ n: number }>(sql`select count(*) as n from (${hits})`),
  })

  const ids = (kind: Kind) => rows.filter((h) => h.kind === kind).map((h) => h.ref)
  const titles = new Map<string, { title: string; slug: string | null; articleId: string | null }>()
  const articleIds = ids('article')
  if (articleIds.length) {
    for (const a of db.select({ id: articles.id, slug: articles.slug, headline: articles.headline }).from(articles).where(inArray(articles.id, articleIds)).all()) {
      titles.set(`article:${a.id}`, { title: a.headline, slug: a.slug, articleId: null })
    }
  }
  const quoteIds = ids('quote')
  if (quoteIds.length) {
    for (const x of db.select({ id: quotes.id, text: quotes.text, articleId: quotes.articleId }).from(quotes).where(inArray(quotes.id, quoteIds)).all()) {
      titles.set(`quote:${x.id}`, { title: x.text, slug: null, articleId: x.articleId })
    }
  }
  const sourceIds = ids('source')
  if (sourceIds.length) {
    for (const s of db
      .select({ id: sources.id, slug: sources.slug, name: sources.name, description: sources.description })
      .from(sources)
      .where(inArray(sources.id, sourceIds))
      .all()) {
      titles.set(`source:${s.id}`, { title: s.name ?? s.description, slug: s.slug, articleId: null })
    }
  }
  const items: SearchHit[] = rows.map((h) => {
    const t = titles.get(`${h.kind}:${h.ref}`)!
    return { type: h.kind, id: h.ref, slug: t.slug, title: t.title, articleId: t.articleId, snippet: toHtml(h.snippet), score: -h.rank }
  })
  return pageJson(pickFields(items, q.fields).map((i) => JSON.stringify(i)), { limit: q.limit, nextCursor, total })
}
