import type Database from 'better-sqlite3'
import type { Db } from '../../db/client.js'
import type { Block, Media, Note } from '../../db/schema.js'
import type { ArticleDocument } from './document.js'
import type { ArticleRow } from './importer.js'

type StoredArticle = ArticleRow & { created_at: string; updated_at: string; version: number }
type Credit = ArticleDocument['authors'][number] & { article_id: string }
type Quote = {
  article_id: string
  id: string
  text: string
  kind: ArticleDocument['quotes'][number]['kind']
  source: string
  said_to: string | null
  channel: string | null
  cue: string | null
  block: number
  start: number
}
type Source = Omit<ArticleDocument['sources'][number], 'anonymous'> & { article_id: string; anonymous: number }
type Tag = ArticleDocument['tags'][number] & { article_id: string }
type Grouped<R extends { article_id: string }> = Map<string, Omit<R, 'article_id'>[]>
/** A page's credits, quotes, sources and tags, by article id. */
type Related = { credits: Grouped<Credit>; quotes: Grouped<Quote>; sources: Grouped<Source>; tags: Grouped<Tag> }

/** `only`: the one article with this id (a revision's snapshot), read the same way. */
function exportStatements(sqlite: Database.Database, only: string | undefined) {
  const columns = `select id, slug, headline, standfirst, body, language, status, published_at, publisher, media, notes,
       word_count, created_at, updated_at, version from articles`
  return {
    page: sqlite.prepare(only === undefined ? `${columns} where id > ? order by id limit ?` : `${columns} where id = ?`),
    credits: sqlite.prepare(
      `select c.article_id, c.role, a.id, a.slug, a.name, a.title, a.organization, a.location, a.bio
       from article_authors c join authors a on a.id = c.author_id
       where c.article_id between ? and ? order by c.article_id, c.position`,
    ),
    quotes: sqlite.prepare(
      `select q.article_id, q.id, q.text, q.kind, s.slug as source, t.slug as said_to, q.channel, q.cue, q.block, q.start
       from quotes q join sources s on s.id = q.source_id left join authors t on t.id = q.said_to_id
       where q.article_id between ? and ? order by q.article_id, q.block, q.start, q.id`,
    ),
    sources: sqlite.prepare(
      `select distinct q.article_id, s.id, s.slug, s.name, s.description, s.kind, s.anonymous, s.affiliation
       from quotes q join sources s on s.id = q.source_id
       where q.article_id between ? and ? order by q.article_id, s.slug`,
    ),
    tags: sqlite.prepare(
      `select g.article_id, t.id, t.slug, t.name, t.type
       from article_tags g join tags t on t.id = g.tag_id
       where g.article_id between ? and ? order by g.article_id, g.position`,
    ),
  }
}
type Statements = ReturnType<typeof exportStatements>

function grouped<R extends { article_id: string }>(rows: R[]): Grouped<R> {
  const by: Grouped<R> = new Map()
  for (const { article_id, ...rest } of rows) {
    let list = by.get(article_id)
    if (!list) by.set(article_id, (list = []))
    list.push(rest)
  }
  return by
}

/** The rows of the articles with ids in `range` (first and last, inclusive), by article. */
function relatedOf(sql: Statements, range: [string, string]): Related {
  return {
    credits: grouped(sql.credits.all(...range) as Credit[]),
    quotes: grouped(sql.quotes.all(...range) as Quote[]),
    sources: grouped(sql.sources.all(...range) as Source[]),
    tags: grouped(sql.tags.all(...range) as Tag[]),
  }
}

function documentOf(a: StoredArticle, related: Related): ArticleDocument {
  return {
    id: a.id,
    slug: a.slug,
    headline: a.headline,
    standfirst: a.standfirst,
    language: a.language,
    status: a.status as ArticleDocument['status'],
    publishedAt: a.published_at,
    publisher: a.publisher,
    media: JSON.parse(a.media) as Media[],
    notes: JSON.parse(a.notes) as Note[],
    body: JSON.parse(a.body) as Block[],
    authors: (related.credits.get(a.id) ?? []).map((c) => ({
      id: c.id, slug: c.slug, name: c.name, title: c.title, organization: c.organization, location: c.location,
      bio: c.bio, role: c.role,
    })),
    sources: (related.sources.get(a.id) ?? []).map((s) => ({ ...s, anonymous: s.anonymous === 1 })),
    quotes: (related.quotes.get(a.id) ?? []).map((q) => ({
      id: q.id, text: q.text, kind: q.kind, source: q.source, saidTo: q.said_to, channel: q.channel, cue: q.cue,
      location: { block: q.block, start: q.start },
    })),
    tags: related.tags.get(a.id) ?? [],
  }
}

/**
 * Every article, of any status, as a document with all its ids and each quote's exact
 * location, so importing the output reproduces the database; ordered by id. Reads in pages
 * (a page of articles, then their credits, quotes, sources and tags by id range) inside one
 * read transaction, so the export is one snapshot even while something else writes.
 */
export function* exportDocuments(db: Db, pageSize = 500, only?: string): Generator<ArticleDocument> {
  const sqlite = db.$client
  const sql = exportStatements(sqlite, only)
  const own = !sqlite.inTransaction
  if (own) sqlite.prepare('begin').run()
  try {
    let after = ''
    for (;;) {
      const articles = (only === undefined ? sql.page.all(after, pageSize) : after ? [] : sql.page.all(only)) as StoredArticle[]
      if (articles.length === 0) return
      const range: [string, string] = [articles[0]!.id, articles.at(-1)!.id]
      after = range[1]
      const related = relatedOf(sql, range)
      for (const a of articles) yield documentOf(a, related)
    }
  } finally {
    if (own && sqlite.inTransaction) sqlite.prepare('commit').run()
  }
}
