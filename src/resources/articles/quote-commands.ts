import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { preparedFor } from '../../db/prepared.js'
import { QUOTE_KINDS } from '../../db/schema.js'
import { requireMatch } from '../../core/etag.js'
import { Text } from '../../core/fields.js'
import { newId } from '../../core/ids.js'
import { conflict, Problem, unprocessable } from '../../core/problem.js'
import { resolveAuthorId } from '../authors/queries.js'
import { addCorrection } from '../corrections/commands.js'
import { CorrectionNote } from '../corrections/schemas.js'
import { AnchorError, anchorQuote, type Location } from '../quotes/anchor.js'
import { findQuote } from '../quotes/queries.js'
import { MAX_QUOTES, QuoteHint } from '../quotes/schemas.js'
import { resolveSourceId } from '../sources/queries.js'
import { articleChanged, type Actor } from './commands.js'
import type { QuoteRow as StoredQuote } from './importer.js'
import { storedArticleRow } from './queries.js'

// A quote is part of its story: writing one makes a revision of the story, may print a
// correction with it, and bumps the story's version. Its writes live with the story's.

const Ref = z.string().min(1).max(200)

const quoteFields = {
  text: Text.meta({ description: 'The words exactly as the story has them, without quotation marks.' }),
  kind: z.enum(QUOTE_KINDS),
  source: Ref.meta({ description: 'The source, by id or slug.' }),
  saidTo: Ref.nullable().meta({ description: 'The journalist it was said to, an author by id or slug.' }),
  channel: Text.nullable(),
  cue: Text.nullable(),
  location: QuoteHint.optional(),
  correction: CorrectionNote.optional().meta({ description: 'A public correction this change makes, printed with the story.' }),
}

export const NewQuote = z
  .strictObject({
    article: Ref.meta({ description: 'The story, by id or slug.' }),
    ...quoteFields,
    saidTo: quoteFields.saidTo.default(null),
    channel: quoteFields.channel.default(null),
    cue: quoteFields.cue.default(null),
  })
  .meta({ id: 'NewQuote', description: 'A quote: its words are found in the story body, which must hold them verbatim.' })
export type NewQuote = z.infer<typeof NewQuote>

export const QuotePatch = z
  .strictObject({
    text: quoteFields.text.optional(),
    kind: quoteFields.kind.optional(),
    source: quoteFields.source.optional(),
    saidTo: quoteFields.saidTo.optional(),
    channel: quoteFields.channel.optional(),
    cue: quoteFields.cue.optional(),
    location: quoteFields.location,
    correction: quoteFields.correction,
  })
  .meta({ id: 'QuotePatch', description: 'The fields to change; new text or a location anchors the quote again.' })
export type QuotePatch = z.infer<typeof QuotePatch>

const sql = preparedFor((db) => {
  const p = (s: string) => db.$client.prepare(s)
  return {
    quote: p('select id, article_id, source_id, text, kind, block, start, "end", said_to_id, channel, cue from quotes where id = ?'),
    insert: p(
      `insert into quotes (id, article_id, source_id, text, kind, block, start, "end", said_to_id, channel, cue, anchor,
         created_at, updated_at, version)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'exact', ?, ?, 1)`,
    ),
    update: p(
      `update quotes set source_id = ?, text = ?, kind = ?, block = ?, start = ?, "end" = ?, said_to_id = ?, channel = ?,
         cue = ?, anchor = ?, updated_at = ?, version = version + 1
       where id = ?`,
    ),
    anchor: p('select anchor from quotes where id = ?').pluck(),
    count: p('select count(*) from quotes where article_id = ?').pluck(),
    delete: p('delete from quotes where id = ?'),
  }
})

type QuoteRow = StoredQuote & { article_id: string }

/** Editors see every quote they may change, drafts' included. */
const editorView = (now: string) => ({ now, preview: true })

/** The representation every read and write of one quote agrees on, for an editor, ETag included. */
export const quoteRepresentation = (db: Db, id: string, now: string) =>
  JSON.stringify({ data: findQuote(db, editorView(now), id)! })

/** The story a quote is written into: it must exist and not be withdrawn. */
function storyOf(db: Db, key: string, pointer: string) {
  const article = storedArticleRow(db, key)
  if (!article) throw unprocessable(pointer, `no article with id or slug "${key}"`)
  if (article.status === 'withdrawn') throw conflict('The article was withdrawn; its quotes cannot change.')
  return article
}

function sourceId(db: Db, key: string) {
  const id = resolveSourceId(db, key)
  if (!id) throw unprocessable('/source', `no source with id or slug "${key}"; create it first`)
  return id
}

function authorId(db: Db, key: string | null) {
  if (key === null) return null
  const id = resolveAuthorId(db, key)
  if (!id) throw unprocessable('/saidTo', `no author with id or slug "${key}"`)
  return id
}

function anchor(body: Parameters<typeof anchorQuote>[0], text: string, hint?: { block: number; start?: number }): Location {
  try {
    return anchorQuote(body, text, hint)
  } catch (err) {
    if (err instanceof AnchorError) throw unprocessable(hint ? '/location' : '/text', err.message)
    throw err
  }
}

function existingQuote(db: Db, id: string) {
  const row = sql(db).quote.get(id) as QuoteRow | undefined
  if (!row) throw new Problem(404, `No quote with id "${id}".`)
  return row
}

/** Attributes words of a story to a source (inside the caller's transaction); returns the quote's id. */
export function createQuote(db: Db, b: NewQuote, actor: Actor): string {
  const article = storyOf(db, b.article, '/article')
  // Each quote is found again on every body edit: a story's count bounds that work.
  if ((sql(db).count.get(article.id) as number) >= MAX_QUOTES) {
    throw conflict(`The story holds ${MAX_QUOTES.toLocaleString('en')} quotes, the most a story may hold; delete one first.`)
  }
  const source = sourceId(db, b.source)
  const saidTo = authorId(db, b.saidTo)
  const at = anchor(article.body, b.text, b.location)
  const id = newId('quo')
  const revision = articleChanged(db, article.id, article, actor, () =>
    sql(db).insert.run(id, article.id, source, b.text, b.kind, at.block, at.start, at.end, saidTo, b.channel, b.cue, actor.now, actor.now),
  )
  if (b.correction) addCorrection(db, article.id, revision, b.correction, { blocks: [at.block], quoteIds: [id] }, actor.now)
  return id
}

/**
 * Changes a quote, once `ifMatch` (the If-Match header) names its current representation;
 * new text or a location anchors it again. A change that changes nothing writes nothing,
 * unless it carries a correction.
 */
export function updateQuote(db: Db, id: string, b: QuotePatch, ifMatch: string | undefined, actor: Actor) {
  const q = existingQuote(db, id)
  const article = storyOf(db, q.article_id, '/article')
  requireMatch(ifMatch, quoteRepresentation(db, q.id, actor.now))
  const text = b.text ?? q.text
  const reanchored = b.text !== undefined || b.location !== undefined
  const at = reanchored ? anchor(article.body, text, b.location) : q
  const next = {
    source: b.source === undefined ? q.source_id : sourceId(db, b.source),
    kind: b.kind ?? q.kind,
    saidTo: b.saidTo === undefined ? q.said_to_id : authorId(db, b.saidTo),
    channel: b.channel === undefined ? q.channel : b.channel,
    cue: b.cue === undefined ? q.cue : b.cue,
  }
  const same =
    text === q.text && at.block === q.block && at.start === q.start && next.source === q.source_id && next.kind === q.kind &&
    next.saidTo === q.said_to_id && next.channel === q.channel && next.cue === q.cue
  if (same && !b.correction) return
  const anchorNow = reanchored ? 'exact' : (sql(db).anchor.get(q.id) as string)
  const revision = articleChanged(db, article.id, article, actor, () =>
    sql(db).update.run(next.source, text, next.kind, at.block, at.start, at.end, next.saidTo, next.channel, next.cue, anchorNow, actor.now, q.id),
  )
  if (b.correction) addCorrection(db, article.id, revision, b.correction, { blocks: [at.block], quoteIds: [q.id] }, actor.now)
}

/** Deletes a quote, once `ifMatch` names its current representation; the story keeps its text. */
export function deleteQuote(db: Db, id: string, ifMatch: string | undefined, actor: Actor) {
  const q = existingQuote(db, id)
  const article = storyOf(db, q.article_id, '/article')
  requireMatch(ifMatch, quoteRepresentation(db, q.id, actor.now))
  articleChanged(db, article.id, article, actor, () => sql(db).delete.run(q.id))
}
