import { inArray, sql } from 'drizzle-orm'
import { cached } from '../../db/cache.js'
import type { Db } from '../../db/client.js'
import { articles, quotes, type SEARCH_KINDS, sources } from '../../db/schema.js'
import { escapeHtmlEverywhere } from '../../core/html.js'
import { pickFields } from '../../core/listing.js'
import { decodeCursor, encodeCursor, pageJson } from '../../core/pagination.js'
import { countUpTo, inText, matchExpression, searchIndexFor } from '../../core/search.js'
import { queryTerms } from '../../core/search-query.js'
import { badParameter } from '../../core/problem.js'
import { resolveView, visibleThroughJoin, type Seen, type View } from '../../core/visibility.js'
import type { SearchHit } from './schemas.js'

type Kind = (typeof SEARCH_KINDS)[number]

// Private-use characters mark matches inside FTS5's snippet, so the text can be
// HTML-escaped before they become <mark> tags: a story's own text never becomes markup.
const OPEN = '\uE000'
const CLOSE = '\uE001'
const toHtml = (snippet: string) =>
  escapeHtmlEverywhere(snippet)
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

/**
 * How many matches a search ranks: the most recently indexed ones. Ranking (bm25) and
 * counting cost per match, so without a bound a common word would rank the whole archive
 * for one page. A search matching more is answered from these, and says so.
 */
export const SEARCH_CANDIDATES = 1000

/** A page of hits as served, from the cache when nothing was written since it was made. */
export function searchJson(db: Db, view: View, q: SearchArgs): string {
  const seen = resolveView(db, view)
  return cached(db, seen, `${seen.prefix}search:${JSON.stringify(q)}`, () => searchPage(db, seen, q))
}

type Candidate = { rid: number; rank: number }

/**
 * Terms matching more rows than this count for matching but not for ranking, as stop words
 * do: bm25 weighs a term by how rare it is, which it learns by walking every posting of the
 * term, and a term in most of the archive weighs next to nothing anyway. Bounds that walk.
 */
export const RANKED_TERM_POSTINGS = 5000

/**
 * The newest matches, each with its bm25 rank (lower is better; 0 when only terms too common
 * to rank matched it). When every term is rare enough, one statement ranks the candidates by
 * the whole query; otherwise they are found without ranking, and ranked by the rare terms
 * they hold in a second statement over the same span of the index.
 */
function rankedCandidates(db: Db, seen: Seen, q: SearchArgs): Candidate[] {
  const index = searchIndexFor(seen.preview)
  const match = matchExpression(q.q, q.types)
  const terms = queryTerms(q.q).map((t) => ({ ...t, rare: countUpTo(db, seen.preview, inText(t.fts), RANKED_TERM_POSTINGS) <= RANKED_TERM_POSTINGS }))
  const allRare = terms.every((t) => t.rare)
  const rank = allRare ? sql`bm25(${index}, 0.0, 3.0, 1.0)` : sql`0.0`
  // Editors' index holds withdrawn text too (visibleHits leaves it out); the public's
  // holds only what is public, so its candidates come from FTS5 alone.
  const candidates = seen.preview
    ? db.all<Candidate>(sql`select t.rowid as rid, ${rank} as rank from ${index} t join search_rows r on r.id = t.rowid
      where ${index} match ${match} and ${visibleHits(seen)} order by t.rowid desc limit ${SEARCH_CANDIDATES + 1}`)
    : db.all<Candidate>(sql`select rowid as rid, ${rank} as rank from ${index}
      where ${index} match ${match} order by rowid desc limit ${SEARCH_CANDIDATES + 1}`)
  const scoring = terms.filter((t) => t.rare && !t.negated)
  if (allRare || scoring.length === 0 || candidates.length === 0) return candidates
  const byRid = new Map(candidates.map((c) => [c.rid, c]))
  const span = sql`rowid between ${candidates.at(-1)!.rid} and ${candidates[0]!.rid}`
  const scored = db.all<Candidate>(sql`select rowid as rid, bm25(${index}, 0.0, 3.0, 1.0) as rank from ${index}
    where ${index} match ${inText(scoring.map((t) => t.fts).join(' OR '))} and ${span}
    order by rowid desc limit ${RANKED_TERM_POSTINGS}`)
  for (const s of scored) {
    const c = byRid.get(s.rid)
    if (c) c.rank = s.rank
  }
  return candidates
}

function searchPage(db: Db, seen: Seen, q: SearchArgs): string {
  const index = searchIndexFor(seen.preview)
  const candidates = rankedCandidates(db, seen, q)
  const totalIsExact = candidates.length <= SEARCH_CANDIDATES
  // Best first; among equals (terms too common to rank) the most recently indexed first.
  const ranked = candidates.slice(0, SEARCH_CANDIDATES).sort((a, b) => a.rank - b.rank || b.rid - a.rid)
  // Keyset over (rank, rowid), as a list's cursor is over its sort key.
  const position = q.cursor === undefined ? undefined : decodeCursor(q.cursor, 'relevance', 2)
  if (position && !position.every((v) => typeof v === 'number')) {
    throw badParameter('query', 'cursor', 'is not a cursor this list issued; use a nextCursor as given.')
  }
  const [rank, rid] = (position ?? []) as number[]
  const rest = position ? ranked.filter((h) => h.rank > rank! || (h.rank === rank && h.rid < rid!)) : ranked
  const page = rest.slice(0, q.limit)
  const nextCursor = rest.length > q.limit ? encodeCursor('relevance', [page.at(-1)!.rank, page.at(-1)!.rid]) : null
  const refs = new Map<number, { kind: Kind; ref: string }>()
  if (page.length > 0) {
    for (const r of db.all<{ id: number; kind: Kind; ref: string }>(
      sql`select id, kind, ref from search_rows where id in (${sql.join(page.map((h) => sql`${h.rid}`), sql`, `)})`,
    )) {
      refs.set(r.id, r)
    }
  }
  const rows = page.map((h) => ({ ...h, ...refs.get(h.rid)! }))

  // Snippets only for the page, from the user's words alone (never the kind term).
  const snippets = new Map<number, string>()
  if (rows.length > 0) {
    for (const r of db.all<{ rid: number; snippet: string }>(sql`select rowid as rid, snippet(${index}, -1, ${OPEN}, ${CLOSE}, '…', 16) as snippet
      from ${index} where ${index} match ${matchExpression(q.q)} and rowid in (${sql.join(rows.map((h) => sql`${h.rid}`), sql`, `)})`)) {
      snippets.set(r.rid, r.snippet)
    }
  }

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
    return { type: h.kind, id: h.ref, slug: t.slug, title: t.title, articleId: t.articleId, snippet: toHtml(snippets.get(h.rid) ?? ''), score: -h.rank }
  })
  const total = Math.min(candidates.length, SEARCH_CANDIDATES)
  return pageJson(pickFields(items, q.fields).map((i) => JSON.stringify(i)), { limit: q.limit, nextCursor, total, totalIsExact })
}
