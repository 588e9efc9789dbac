import type Database from 'better-sqlite3'
import { reconcile } from '../../core/reconcile.js'
import type { Db } from '../../db/client.js'
import type { Block, Media, Note } from '../../db/schema.js'
import { ArticleDocument, DocumentError, documentRows, type ExistingIds } from './document.js'

/** Why one document of a batch was not written; `index` is its place in the batch. */
export type Rejection = { index: number; reason: string }

export type BatchResult = {
  /** New articles. */
  inserted: number
  /** Articles whose content changed: their version went up by one. */
  updated: number
  /** Articles stored exactly as the document says already: nothing was written. */
  unchanged: number
  rejected: Rejection[]
}

type Statement = Database.Statement<unknown[], unknown>
type ArticleRow = {
  id: string
  slug: string
  headline: string
  standfirst: string | null
  body: string
  language: string
  status: string
  published_at: string | null
  publisher: string | null
  media: string
  notes: string
  word_count: number
}
type QuoteRow = {
  id: string
  source_id: string
  text: string
  kind: string
  block: number
  start: number
  end: number
  said_to_id: string | null
  channel: string | null
  cue: string | null
}

/**
 * People, sources and tags are looked up by slug for every story that names them, and they
 * repeat across stories, so the importer remembers slug → id. The map is bounded: past this
 * many entries it starts again, trading a few lookups for flat memory on huge imports.
 */
const CACHE_LIMIT = 100_000

/**
 * A writer of article documents: upsert by article id (the document's, or that of the
 * stored article with its slug), for imports of any size.
 *
 * - The article's row is replaced; its credits, taggings and quotes are made to equal the
 *   document's (quotes matched by id, or, without one, by their exact text and place).
 * - Authors, sources and tags are matched by slug and inserted when missing; a stored one
 *   is never modified (the same rule as the seed: an edit made since survives).
 * - Nothing is written when the stored content already equals the document, so `version`
 *   and `updatedAt` stay put and re-importing a file changes nothing. A changed article (or
 *   quote) gets `version + 1` and `updatedAt = now`; `createdAt` never changes.
 *
 * Statements are prepared once per importer and rows are bound positionally: per-row query
 * building would cost more than SQLite's own work here.
 */
export function createImporter(db: Db) {
  const sqlite = db.$client
  const prepare = (sql: string): Statement => sqlite.prepare(sql)
  const sql = {
    articleIdBySlug: prepare('select id from articles where slug = ?').pluck(),
    article: prepare(
      `select id, slug, headline, standfirst, body, language, status, published_at, publisher, media, notes, word_count
       from articles where id = ?`,
    ),
    insertArticle: prepare(
      `insert into articles (id, slug, headline, standfirst, body, language, status, published_at, publisher, media,
         notes, word_count, created_at, updated_at, version)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    ),
    // Two updates: the one that leaves headline, standfirst and body alone does not fire
    // the full-text triggers on those columns, so re-tagging a story does not re-index it.
    updateArticle: prepare(
      `update articles set slug = ?, headline = ?, standfirst = ?, body = ?, language = ?, status = ?, published_at = ?,
         publisher = ?, media = ?, notes = ?, word_count = ?, updated_at = ?, version = version + 1
       where id = ?`,
    ),
    updateArticleMeta: prepare(
      `update articles set slug = ?, language = ?, status = ?, published_at = ?, publisher = ?, media = ?, notes = ?,
         word_count = ?, updated_at = ?, version = version + 1
       where id = ?`,
    ),
    authorIdBySlug: prepare('select id from authors where slug = ?').pluck(),
    authorSlugById: prepare('select slug from authors where id = ?').pluck(),
    insertAuthor: prepare(
      `insert into authors (id, slug, name, title, organization, location, bio, created_at, updated_at, version)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    ),
    sourceIdBySlug: prepare('select id from sources where slug = ?').pluck(),
    sourceSlugById: prepare('select slug from sources where id = ?').pluck(),
    insertSource: prepare(
      `insert into sources (id, slug, name, description, kind, anonymous, affiliation, created_at, updated_at, version)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    ),
    tagIdBySlug: prepare('select id from tags where slug = ?').pluck(),
    tagSlugById: prepare('select slug from tags where id = ?').pluck(),
    insertTag: prepare(
      'insert into tags (id, slug, name, type, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, 1)',
    ),
    credits: prepare('select author_id, role, position from article_authors where article_id = ? order by position'),
    deleteCredits: prepare('delete from article_authors where article_id = ?'),
    insertCredit: prepare('insert into article_authors (article_id, author_id, role, position) values (?, ?, ?, ?)'),
    taggings: prepare('select tag_id, position from article_tags where article_id = ? order by position'),
    deleteTaggings: prepare('delete from article_tags where article_id = ?'),
    insertTagging: prepare('insert into article_tags (article_id, tag_id, position) values (?, ?, ?)'),
    quotes: prepare(
      `select id, source_id, text, kind, block, start, "end", said_to_id, channel, cue from quotes where article_id = ?`,
    ),
    insertQuote: prepare(
      `insert into quotes (id, article_id, source_id, text, kind, block, start, "end", said_to_id, channel, cue,
         created_at, updated_at, version)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    ),
    updateQuote: prepare(
      `update quotes set source_id = ?, text = ?, kind = ?, block = ?, start = ?, "end" = ?, said_to_id = ?, channel = ?,
         cue = ?, updated_at = ?, version = version + 1
       where id = ?`,
    ),
    deleteQuote: prepare('delete from quotes where id = ?'),
  }

  // slug → id of rows known to be stored (or written earlier in the open transaction).
  const known = { author: new Map<string, string>(), source: new Map<string, string>(), tag: new Map<string, string>() }
  const remember = (map: Map<string, string>, slug: string, id: string) => {
    if (map.size >= CACHE_LIMIT) map.clear()
    map.set(slug, id)
  }
  const forget = () => {
    known.author.clear()
    known.source.clear()
    known.tag.clear()
  }

  /** Writes one document; throws DocumentError (or a constraint error) to reject it. */
  function writeDocument(doc: ArticleDocument, now: string): 'inserted' | 'updated' | 'unchanged' {
    const bySlug = sql.articleIdBySlug.get(doc.slug) as string | undefined
    if (doc.id !== undefined && bySlug !== undefined && bySlug !== doc.id) {
      throw new DocumentError(`slug "${doc.slug}" belongs to article ${bySlug}, not ${doc.id}`)
    }
    const missing = { author: new Set<string>(), source: new Set<string>(), tag: new Set<string>() }
    const lookup = (kind: 'author' | 'source' | 'tag', bySlugStatement: Statement) => (slug: string) => {
      let id = known[kind].get(slug)
      if (id === undefined) {
        id = bySlugStatement.get(slug) as string | undefined
        if (id === undefined) missing[kind].add(slug)
        else remember(known[kind], slug, id)
      }
      return id
    }
    const existing: ExistingIds = {
      article: () => bySlug,
      author: lookup('author', sql.authorIdBySlug),
      source: lookup('source', sql.sourceIdBySlug),
      tag: lookup('tag', sql.tagIdBySlug),
    }
    const rows = documentRows(doc, now, existing)
    const articleId = rows.article.id

    // New people, sources and tags first: the article's rows refer to them.
    for (const a of rows.authors) {
      if (!missing.author.has(a.slug)) continue
      claim('author', a.slug, a.id, sql.authorSlugById)
      sql.insertAuthor.run(a.id, a.slug, a.name, a.title ?? null, a.organization ?? null, a.location ?? null, a.bio ?? null, now, now)
    }
    for (const s of rows.sources) {
      if (!missing.source.has(s.slug)) continue
      claim('source', s.slug, s.id, sql.sourceSlugById)
      sql.insertSource.run(s.id, s.slug, s.name, s.description, s.kind, s.anonymous ? 1 : 0, s.affiliation, now, now)
    }
    for (const t of rows.tags) {
      if (!missing.tag.has(t.slug)) continue
      claim('tag', t.slug, t.id, sql.tagSlugById)
      sql.insertTag.run(t.id, t.slug, t.name, t.type, now, now)
    }
    const seenCredits = new Set<string>()
    for (const c of rows.credits) {
      const key = `${c.authorId} ${c.role}`
      if (seenCredits.has(key)) throw new DocumentError(`author "${authorSlug(rows, c.authorId)}" is credited twice as ${c.role}`)
      seenCredits.add(key)
    }
    const seenQuotes = new Set<string>()
    for (const q of doc.quotes) {
      if (q.id === undefined) continue
      if (seenQuotes.has(q.id)) throw new DocumentError(`quote ${q.id} is listed twice`)
      seenQuotes.add(q.id)
    }

    const a = rows.article
    const body = JSON.stringify(a.body)
    const media = JSON.stringify(a.media)
    const notes = JSON.stringify(a.notes)
    const stored = sql.article.get(articleId) as ArticleRow | undefined
    if (stored === undefined) {
      sql.insertArticle.run(
        articleId, a.slug, a.headline, a.standfirst, body, a.language, a.status, a.publishedAt, a.publisher, media, notes,
        a.wordCount, now, now,
      )
      for (const c of rows.credits) sql.insertCredit.run(articleId, c.authorId, c.role, c.position)
      for (const t of rows.taggings) sql.insertTagging.run(articleId, t.tagId, t.position)
      for (const q of rows.quotes) {
        sql.insertQuote.run(
          q.id, articleId, q.sourceId, q.text, q.kind, q.block, q.start, q.end, q.saidToId, q.channel, q.cue, now, now,
        )
      }
      return 'inserted'
    }

    let changed = false
    const credits = sql.credits.all(articleId) as { author_id: string; role: string; position: number }[]
    const sameCredits =
      credits.length === rows.credits.length &&
      rows.credits.every((c, i) => {
        const s = credits[i]!
        return s.author_id === c.authorId && s.role === c.role && s.position === c.position
      })
    if (!sameCredits) {
      sql.deleteCredits.run(articleId)
      for (const c of rows.credits) sql.insertCredit.run(articleId, c.authorId, c.role, c.position)
      changed = true
    }
    const taggings = sql.taggings.all(articleId) as { tag_id: string; position: number }[]
    const sameTaggings =
      taggings.length === rows.taggings.length &&
      rows.taggings.every((t, i) => taggings[i]!.tag_id === t.tagId && taggings[i]!.position === t.position)
    if (!sameTaggings) {
      sql.deleteTaggings.run(articleId)
      for (const t of rows.taggings) sql.insertTagging.run(articleId, t.tagId, t.position)
      changed = true
    }

    // Quotes: by id; a quote the document gives without id keeps the id of the stored quote
    // with the same text at the same place, so a document without quote ids re-imports as
    // a no-op too.
    const storedQuotes = new Map((sql.quotes.all(articleId) as QuoteRow[]).map((q) => [q.id, q]))
    const byPlace = new Map<string, string>()
    for (const q of storedQuotes.values()) if (!seenQuotes.has(q.id)) byPlace.set(`${q.block}:${q.start}:${q.text}`, q.id)
    const kept = new Set<string>()
    doc.quotes.forEach((dq, i) => {
      const q = rows.quotes[i]!
      let id = dq.id
      if (id === undefined) {
        const place = `${q.block}:${q.start}:${q.text}`
        id = byPlace.get(place) ?? q.id
        byPlace.delete(place)
      }
      kept.add(id)
      const s = storedQuotes.get(id)
      if (s === undefined) {
        sql.insertQuote.run(id, articleId, q.sourceId, q.text, q.kind, q.block, q.start, q.end, q.saidToId, q.channel, q.cue, now, now)
        changed = true
      } else if (
        s.source_id !== q.sourceId || s.text !== q.text || s.kind !== q.kind || s.block !== q.block || s.start !== q.start ||
        s.end !== q.end || s.said_to_id !== q.saidToId || s.channel !== q.channel || s.cue !== q.cue
      ) {
        sql.updateQuote.run(q.sourceId, q.text, q.kind, q.block, q.start, q.end, q.saidToId, q.channel, q.cue, now, id)
        changed = true
      }
    })
    for (const id of storedQuotes.keys()) {
      if (kept.has(id)) continue
      sql.deleteQuote.run(id)
      changed = true
    }

    const textChanged = stored.headline !== a.headline || stored.standfirst !== a.standfirst || stored.body !== body
    const restChanged =
      stored.slug !== a.slug || stored.language !== a.language || stored.status !== a.status ||
      stored.published_at !== a.publishedAt || stored.publisher !== a.publisher || stored.media !== media ||
      stored.notes !== notes || stored.word_count !== a.wordCount
    if (textChanged) {
      sql.updateArticle.run(
        a.slug, a.headline, a.standfirst, body, a.language, a.status, a.publishedAt, a.publisher, media, notes, a.wordCount,
        now, articleId,
      )
    } else if (restChanged || changed) {
      sql.updateArticleMeta.run(a.slug, a.language, a.status, a.publishedAt, a.publisher, media, notes, a.wordCount, now, articleId)
    } else {
      return 'unchanged'
    }
    return 'updated'
  }

  /** A new row's id must not already name another row (a document's ids are its own word). */
  function claim(kind: 'author' | 'source' | 'tag', slug: string, id: string, slugById: Statement) {
    const other = slugById.get(id) as string | undefined
    if (other !== undefined) throw new DocumentError(`${kind} "${slug}": id ${id} already belongs to ${kind} "${other}"`)
    remember(known[kind], slug, id)
  }

  // One savepoint a document: a document the database refuses is undone alone, and the
  // rest of the batch is still written. Cache entries made inside it may then be wrong.
  const writeOne = sqlite.transaction((doc: ArticleDocument, now: string) => writeDocument(doc, now))
  const batch = sqlite.transaction((docs: readonly ArticleDocument[], now: string): BatchResult => {
    // What was remembered before this transaction took the lock may be stale by now.
    forget()
    const result: BatchResult = { inserted: 0, updated: 0, unchanged: 0, rejected: [] }
    docs.forEach((doc, index) => {
      try {
        result[writeOne(doc, now)]++
      } catch (err) {
        const reason = rejectionReason(err)
        if (reason === undefined) throw err
        forget()
        result.rejected.push({ index, reason })
      }
    })
    reconcile(db, now)
    return result
  })

  return {
    /**
     * Writes one document inside the caller's transaction; throws to refuse it. Slugs are
     * looked up afresh: between two calls another request (or process) may have renamed or
     * deleted a row, or a refused write rolled back a row the memory still held.
     */
    writeDocument(doc: ArticleDocument, now: string) {
      forget()
      return writeDocument(doc, now)
    },
    /**
     * Writes a batch in one IMMEDIATE transaction (a savepoint when one is open already):
     * documents that fail are reported, not thrown, and the others are written. An error
     * that is not about a document (disk full, a bug) rolls the whole batch back and throws.
     */
    importBatch(docs: readonly ArticleDocument[], now = new Date().toISOString()): BatchResult {
      try {
        return batch.immediate(docs, now)
      } catch (err) {
        forget()
        throw err
      }
    },
    /** Opens a transaction around several batches, for all-or-nothing imports. */
    begin() {
      sqlite.prepare('begin immediate').run()
    },
    commit() {
      sqlite.prepare('commit').run()
    },
    rollback() {
      forget()
      if (sqlite.inTransaction) sqlite.prepare('rollback').run()
    },
  }
}

export type Importer = ReturnType<typeof createImporter>

function authorSlug(rows: ReturnType<typeof documentRows>, id: string) {
  return rows.authors.find((a) => a.id === id)?.slug ?? id
}

/** The reason a document is rejected, or undefined for errors that must abort the batch. */
function rejectionReason(err: unknown): string | undefined {
  if (err instanceof DocumentError) return err.message
  // A constraint the checks above do not foresee (a quote id used by another article, a
  // trigger's RAISE): the document is refused, the import goes on.
  const code = (err as { code?: unknown } | null)?.code
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return `refused by the database: ${(err as Error).message}`
  }
  return undefined
}

type StoredArticle = ArticleRow & { created_at: string; updated_at: string; version: number }

/**
 * Every article, of any status, as a document with all its ids and each quote's exact
 * location, so importing the output reproduces the database; ordered by id. Reads in pages
 * (a page of articles, then their credits, quotes, sources and tags by id range) inside one
 * read transaction, so the export is one snapshot even while something else writes.
 */
export function* exportDocuments(db: Db, pageSize = 500, only?: string): Generator<ArticleDocument> {
  const sqlite = db.$client
  const columns = `select id, slug, headline, standfirst, body, language, status, published_at, publisher, media, notes,
       word_count, created_at, updated_at, version from articles`
  // `only`: the one article with this id (a revision's snapshot), read the same way.
  const page = sqlite.prepare(only === undefined ? `${columns} where id > ? order by id limit ?` : `${columns} where id = ?`)
  const credits = sqlite.prepare(
    `select c.article_id, c.role, a.id, a.slug, a.name, a.title, a.organization, a.location, a.bio
     from article_authors c join authors a on a.id = c.author_id
     where c.article_id between ? and ? order by c.article_id, c.position`,
  )
  const quotes = sqlite.prepare(
    `select q.article_id, q.id, q.text, q.kind, s.slug as source, t.slug as said_to, q.channel, q.cue, q.block, q.start
     from quotes q join sources s on s.id = q.source_id left join authors t on t.id = q.said_to_id
     where q.article_id between ? and ? order by q.article_id, q.block, q.start, q.id`,
  )
  const sources = sqlite.prepare(
    `select distinct q.article_id, s.id, s.slug, s.name, s.description, s.kind, s.anonymous, s.affiliation
     from quotes q join sources s on s.id = q.source_id
     where q.article_id between ? and ? order by q.article_id, s.slug`,
  )
  const tags = sqlite.prepare(
    `select g.article_id, t.id, t.slug, t.name, t.type
     from article_tags g join tags t on t.id = g.tag_id
     where g.article_id between ? and ? order by g.article_id, g.position`,
  )
  const grouped = <R extends { article_id: string }>(rows: R[]) => {
    const by = new Map<string, Omit<R, 'article_id'>[]>()
    for (const { article_id, ...rest } of rows) {
      let list = by.get(article_id)
      if (!list) by.set(article_id, (list = []))
      list.push(rest)
    }
    return by
  }

  const own = !sqlite.inTransaction
  if (own) sqlite.prepare('begin').run()
  try {
    let after = ''
    for (;;) {
      const articles = (only === undefined ? page.all(after, pageSize) : after ? [] : page.all(only)) as StoredArticle[]
      if (articles.length === 0) return
      const range = [articles[0]!.id, articles.at(-1)!.id]
      after = range[1]!
      type Credit = ArticleDocument['authors'][number] & { article_id: string }
      type Quote = { article_id: string; id: string; text: string; kind: ArticleDocument['quotes'][number]['kind'];
        source: string; said_to: string | null; channel: string | null; cue: string | null; block: number; start: number }
      type Source = Omit<ArticleDocument['sources'][number], 'anonymous'> & { article_id: string; anonymous: number }
      type Tag = ArticleDocument['tags'][number] & { article_id: string }
      const creditsOf = grouped(credits.all(...range) as Credit[])
      const quotesOf = grouped(quotes.all(...range) as Quote[])
      const sourcesOf = grouped(sources.all(...range) as Source[])
      const tagsOf = grouped(tags.all(...range) as Tag[])
      for (const a of articles) {
        yield {
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
          authors: (creditsOf.get(a.id) ?? []).map((c) => ({
            id: c.id, slug: c.slug, name: c.name, title: c.title, organization: c.organization, location: c.location,
            bio: c.bio, role: c.role,
          })),
          sources: (sourcesOf.get(a.id) ?? []).map((s) => ({ ...s, anonymous: s.anonymous === 1 })),
          quotes: (quotesOf.get(a.id) ?? []).map((q) => ({
            id: q.id, text: q.text, kind: q.kind, source: q.source, saidTo: q.said_to, channel: q.channel, cue: q.cue,
            location: { block: q.block, start: q.start },
          })),
          tags: tagsOf.get(a.id) ?? [],
        }
      }
    }
  } finally {
    if (own && sqlite.inTransaction) sqlite.prepare('commit').run()
  }
}
