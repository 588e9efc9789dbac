import type Database from 'better-sqlite3'
import { reconcile } from '../../core/reconcile.js'
import type { Db } from '../../db/client.js'
import { preparedFor } from '../../db/prepared.js'
import { deferIndexing } from './bulk-indexing.js'
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

export type Outcome = 'inserted' | 'updated' | 'unchanged'

type Statement = Database.Statement<unknown[], unknown>
type Rows = ReturnType<typeof documentRows>
/** An article's row as stored, JSON columns as text. */
export type ArticleRow = {
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
/** A quote's row as stored. */
export type QuoteRow = {
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
type Kind = 'author' | 'source' | 'tag'

/**
 * People, sources and tags are looked up by slug for every story that names them, and they
 * repeat across stories, so the importer remembers slug → id. The map is bounded: past this
 * many entries it starts again, trading a few lookups for flat memory on huge imports.
 */
const CACHE_LIMIT = 100_000

/**
 * Statements are prepared once per importer and rows are bound positionally: per-row query
 * building would cost more than SQLite's own work here.
 */
function importStatements(sqlite: Database.Database) {
  const prepare = (sql: string): Statement => sqlite.prepare(sql)
  return {
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
}

type Statements = ReturnType<typeof importStatements>

/** slug → id of rows known to be stored (or written earlier in the open transaction). */
function slugMemory() {
  const maps: Record<Kind, Map<string, string>> = { author: new Map(), source: new Map(), tag: new Map() }
  return {
    get: (kind: Kind, slug: string) => maps[kind].get(slug),
    remember(kind: Kind, slug: string, id: string) {
      const map = maps[kind]
      if (map.size >= CACHE_LIMIT) map.clear()
      map.set(slug, id)
    },
    forget() {
      maps.author.clear()
      maps.source.clear()
      maps.tag.clear()
    },
  }
}

type SlugMemory = ReturnType<typeof slugMemory>
/** What one write works with: the statements, the slug memory, and the slugs found missing. */
type Context = { sql: Statements; known: SlugMemory }
type Missing = Record<Kind, Set<string>>

/**
 * The document's rows, its people, sources and tags given the ids stored under their
 * slugs; `missing` collects the slugs nothing is stored under yet.
 */
function resolveRows({ sql, known }: Context, doc: ArticleDocument, now: string): { rows: Rows; missing: Missing } {
  const bySlug = sql.articleIdBySlug.get(doc.slug) as string | undefined
  if (doc.id !== undefined && bySlug !== undefined && bySlug !== doc.id) {
    throw new DocumentError(`slug "${doc.slug}" belongs to article ${bySlug}, not ${doc.id}`)
  }
  const missing: Missing = { author: new Set(), source: new Set(), tag: new Set() }
  const lookup = (kind: Kind, bySlugStatement: Statement) => (slug: string) => {
    let id = known.get(kind, slug)
    if (id === undefined) {
      id = bySlugStatement.get(slug) as string | undefined
      if (id === undefined) missing[kind].add(slug)
      else known.remember(kind, slug, id)
    }
    return id
  }
  const existing: ExistingIds = {
    article: () => bySlug,
    author: lookup('author', sql.authorIdBySlug),
    source: lookup('source', sql.sourceIdBySlug),
    tag: lookup('tag', sql.tagIdBySlug),
  }
  return { rows: documentRows(doc, now, existing), missing }
}

/** New people, sources and tags; a stored one is never modified. */
function insertMissing(ctx: Context, rows: Rows, missing: Missing, now: string) {
  const { sql } = ctx
  for (const a of rows.authors) {
    if (!missing.author.has(a.slug)) continue
    claim(ctx, 'author', a.slug, a.id, sql.authorSlugById)
    sql.insertAuthor.run(a.id, a.slug, a.name, a.title ?? null, a.organization ?? null, a.location ?? null, a.bio ?? null, now, now)
  }
  for (const s of rows.sources) {
    if (!missing.source.has(s.slug)) continue
    claim(ctx, 'source', s.slug, s.id, sql.sourceSlugById)
    sql.insertSource.run(s.id, s.slug, s.name, s.description, s.kind, s.anonymous ? 1 : 0, s.affiliation, now, now)
  }
  for (const t of rows.tags) {
    if (!missing.tag.has(t.slug)) continue
    claim(ctx, 'tag', t.slug, t.id, sql.tagSlugById)
    sql.insertTag.run(t.id, t.slug, t.name, t.type, now, now)
  }
}

/** A new row's id must not already name another row (a document's ids are its own word). */
function claim({ known }: Context, kind: Kind, slug: string, id: string, slugById: Statement) {
  const other = slugById.get(id) as string | undefined
  if (other !== undefined) throw new DocumentError(`${kind} "${slug}": id ${id} already belongs to ${kind} "${other}"`)
  known.remember(kind, slug, id)
}

/** Refuses a credit given twice and a quote id listed twice; returns the quote ids given. */
function refuseDuplicates(doc: ArticleDocument, rows: Rows): Set<string> {
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
  return seenQuotes
}

function authorSlug(rows: Rows, id: string) {
  return rows.authors.find((a) => a.id === id)?.slug ?? id
}

/** The article's columns as stored: JSON columns serialized. */
function articleColumns(rows: Rows) {
  const a = rows.article
  return { ...a, body: JSON.stringify(a.body), media: JSON.stringify(a.media), notes: JSON.stringify(a.notes) }
}
type ArticleColumns = ReturnType<typeof articleColumns>

function insertArticle(sql: Statements, rows: Rows, a: ArticleColumns, now: string) {
  const id = a.id
  sql.insertArticle.run(
    id, a.slug, a.headline, a.standfirst, a.body, a.language, a.status, a.publishedAt, a.publisher, a.media, a.notes,
    a.wordCount, now, now,
  )
  for (const c of rows.credits) sql.insertCredit.run(id, c.authorId, c.role, c.position)
  for (const t of rows.taggings) sql.insertTagging.run(id, t.tagId, t.position)
  for (const q of rows.quotes) {
    sql.insertQuote.run(q.id, id, q.sourceId, q.text, q.kind, q.block, q.start, q.end, q.saidToId, q.channel, q.cue, now, now)
  }
}

/** Makes the stored credits and taggings equal the document's; true when they differed. */
function syncCreditsAndTaggings(sql: Statements, rows: Rows): boolean {
  const articleId = rows.article.id
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
  return changed
}

/**
 * Makes the stored quotes equal the document's, by id; a quote the document gives without
 * id keeps the id of the stored quote with the same text at the same place, so a document
 * without quote ids re-imports as a no-op too. True when anything was written.
 */
function syncQuotes(sql: Statements, doc: ArticleDocument, rows: Rows, givenIds: Set<string>, now: string): boolean {
  const articleId = rows.article.id
  let changed = false
  const storedQuotes = new Map((sql.quotes.all(articleId) as QuoteRow[]).map((q) => [q.id, q]))
  const byPlace = new Map<string, string>()
  for (const q of storedQuotes.values()) if (!givenIds.has(q.id)) byPlace.set(`${q.block}:${q.start}:${q.text}`, q.id)
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
  return changed
}

/** Writes the article's row when it or its relations changed: `version + 1`, `updatedAt = now`. */
function updateArticle(sql: Statements, stored: ArticleRow, a: ArticleColumns, related: boolean, now: string): Outcome {
  const textChanged = stored.headline !== a.headline || stored.standfirst !== a.standfirst || stored.body !== a.body
  const restChanged =
    stored.slug !== a.slug || stored.language !== a.language || stored.status !== a.status ||
    stored.published_at !== a.publishedAt || stored.publisher !== a.publisher || stored.media !== a.media ||
    stored.notes !== a.notes || stored.word_count !== a.wordCount
  if (textChanged) {
    sql.updateArticle.run(
      a.slug, a.headline, a.standfirst, a.body, a.language, a.status, a.publishedAt, a.publisher, a.media, a.notes,
      a.wordCount, now, a.id,
    )
  } else if (restChanged || related) {
    sql.updateArticleMeta.run(a.slug, a.language, a.status, a.publishedAt, a.publisher, a.media, a.notes, a.wordCount, now, a.id)
  } else {
    return 'unchanged'
  }
  return 'updated'
}

/** Writes one document; throws DocumentError (or a constraint error) to reject it. */
function writeDocument(ctx: Context, doc: ArticleDocument, now: string): Outcome {
  const { rows, missing } = resolveRows(ctx, doc, now)
  // New people, sources and tags first: the article's rows refer to them.
  insertMissing(ctx, rows, missing, now)
  const givenQuoteIds = refuseDuplicates(doc, rows)
  const columns = articleColumns(rows)
  const stored = ctx.sql.article.get(columns.id) as ArticleRow | undefined
  if (stored === undefined) {
    insertArticle(ctx.sql, rows, columns, now)
    return 'inserted'
  }
  const relationsChanged = syncCreditsAndTaggings(ctx.sql, rows)
  const quotesChanged = syncQuotes(ctx.sql, doc, rows, givenQuoteIds, now)
  return updateArticle(ctx.sql, stored, columns, relationsChanged || quotesChanged, now)
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
 */
export function createImporter(db: Db) {
  const sqlite = db.$client
  const ctx: Context = { sql: importStatements(sqlite), known: slugMemory() }
  const { known } = ctx

  // One savepoint a document: a document the database refuses is undone alone, and the
  // rest of the batch is still written. Cache entries made inside it may then be wrong.
  const writeOne = sqlite.transaction((doc: ArticleDocument, now: string) => writeDocument(ctx, doc, now))
  const batch = sqlite.transaction((docs: readonly ArticleDocument[], now: string): BatchResult => {
    // What was remembered before this transaction took the lock may be stale by now.
    known.forget()
    // A story or two is indexed as it is written; a batch at its end, in bulk.
    const indexDeferred = docs.length > 1 ? deferIndexing(sqlite) : undefined
    const result: BatchResult = { inserted: 0, updated: 0, unchanged: 0, rejected: [] }
    docs.forEach((doc, index) => {
      try {
        result[writeOne(doc, now)]++
      } catch (err) {
        const reason = rejectionReason(err)
        if (reason === undefined) throw err
        known.forget()
        result.rejected.push({ index, reason })
      }
    })
    indexDeferred?.()
    reconcile(db, now)
    return result
  })

  return {
    /**
     * Writes one document inside the caller's transaction; throws to refuse it. Slugs are
     * looked up afresh: between two calls another request (or process) may have renamed or
     * deleted a row, or a refused write rolled back a row the memory still held.
     */
    writeDocument(doc: ArticleDocument, now: string): Outcome {
      known.forget()
      return writeDocument(ctx, doc, now)
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
        known.forget()
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
      known.forget()
      if (sqlite.inTransaction) sqlite.prepare('rollback').run()
    },
  }
}

export type Importer = ReturnType<typeof createImporter>

/** One importer a database: its statements are prepared once. */
export const importerOf = preparedFor((db): Importer => createImporter(db))

/**
 * Writes one document in its own transaction and throws when it is refused: for callers
 * that write a story or two (the seed, tests), not a file.
 */
export function importDocument(db: Db, doc: ArticleDocument, now = new Date().toISOString()): Outcome {
  const result = importerOf(db).importBatch([doc], now)
  const rejected = result.rejected[0]
  if (rejected) throw new DocumentError(rejected.reason)
  return result.inserted ? 'inserted' : result.updated ? 'updated' : 'unchanged'
}
