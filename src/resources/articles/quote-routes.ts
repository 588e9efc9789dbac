import { idempotencyOf } from '../../http/idempotency.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { preparedFor } from '../../db/prepared.js'
import { QUOTE_KINDS } from '../../db/schema.js'
import { newId } from '../../core/ids.js'
import { NoQuery, one, problemResponses } from '../../core/contract.js'
import { conflict, unprocessable } from '../../core/problem.js'
import { IdempotencyHeaders, IfMatchHeaders } from '../../core/contract.js'
import { idempotentWrite, inTransaction, noContent, withRepresentation } from '../../core/transactions.js'
import { requireMatch } from '../../core/etag.js'
import { send } from '../../http/reply.js'
import { Problem } from '../../core/problem.js'
import { Text } from '../../core/fields.js'
import { MAX_QUOTES, QuoteHint } from './schemas.js'
import { findAnyArticleRow } from '../articles/queries.js'
import { addCorrection, articleChanged, type Actor } from '../articles/write.js'
import { CorrectionNote } from '../corrections/schemas.js'
import { AnchorError, anchorQuote, type Location } from './anchor.js'
import { resolveAuthorId } from '../authors/queries.js'
import { resolveSourceId } from '../sources/queries.js'
import { findQuote } from './queries.js'
import { Quote } from './schemas.js'

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

const NewQuote = z
  .strictObject({
    article: Ref.meta({ description: 'The story, by id or slug.' }),
    ...quoteFields,
    saidTo: quoteFields.saidTo.default(null),
    channel: quoteFields.channel.default(null),
    cue: quoteFields.cue.default(null),
  })
  .meta({ id: 'NewQuote', description: 'A quote: its words are found in the story body, which must hold them verbatim.' })

const QuotePatch = z
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

const Params = z.object({ id: z.string().min(1).max(200) })

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

type QuoteRow = {
  id: string
  article_id: string
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

/** Editors see every quote they may change, drafts' included. */
const editorView = (now: string) => ({ now, preview: true })

const representation = (db: Db, id: string, now: string) => JSON.stringify({ data: findQuote(db, editorView(now), id)! })

export const quoteWriteRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const actorOf = (req: { apiKey: { id: string } | null; view: { now: string } }): Actor => ({
    keyId: req.apiKey?.id ?? null,
    now: req.view.now,
  })

  /** The story a quote is written into: it must exist and not be withdrawn. */
  const storyOf = (key: string, pointer: string) => {
    const article = findAnyArticleRow(db, key)
    if (!article) throw unprocessable(pointer, `no article with id or slug "${key}"`)
    if (article.status === 'withdrawn') throw conflict('The article was withdrawn; its quotes cannot change.')
    return article
  }
  const sourceId = (key: string) => {
    const id = resolveSourceId(db, key)
    if (!id) throw unprocessable('/source', `no source with id or slug "${key}"; create it first`)
    return id
  }
  const authorId = (key: string | null) => {
    if (key === null) return null
    const id = resolveAuthorId(db, key)
    if (!id) throw unprocessable('/saidTo', `no author with id or slug "${key}"`)
    return id
  }
  const anchor = (body: Parameters<typeof anchorQuote>[0], text: string, hint?: { block: number; start?: number }): Location => {
    try {
      return anchorQuote(body, text, hint)
    } catch (err) {
      if (err instanceof AnchorError) throw unprocessable(hint ? '/location' : '/text', err.message)
      throw err
    }
  }
  const existing = (id: string) => {
    const row = sql(db).quote.get(id) as QuoteRow | undefined
    if (!row) throw new Problem(404, `No quote with id "${id}".`)
    return row
  }

  app.post(
    '/quotes',
    {
      config: { scope: 'write' },
      bodyLimit: 64 * 1024,
      schema: {
        tags: ['quotes'],
        operationId: 'createQuote',
        summary: 'Attribute words of a story to a source (scope write)',
        description: `The text must stand verbatim in the story body: 422 when it does not, or when it occurs more than once and no location says which. A story holds at most ${MAX_QUOTES.toLocaleString('en')} quotes (409 past that).`,
        headers: IdempotencyHeaders,
        querystring: NoQuery,
        body: NewQuote,
        response: { 201: one(Quote, 'The new quote'), ...problemResponses(400, 401, 403, 409, 413, 415, 422, 429, 503) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req)
      const b = req.body
      const result = idempotentWrite(db, idempotencyOf(req), new Date(actor.now), () => {
        const article = storyOf(b.article, '/article')
        // Each quote is found again on every body edit: a story's count bounds that work.
        if ((sql(db).count.get(article.id) as number) >= MAX_QUOTES) {
          throw conflict(`The story holds ${MAX_QUOTES.toLocaleString('en')} quotes, the most a story may hold; delete one first.`)
        }
        const source = sourceId(b.source)
        const saidTo = authorId(b.saidTo)
        const at = anchor(article.body, b.text, b.location)
        const id = newId('quo')
        const revision = articleChanged(db, article.id, article, actor, () =>
          sql(db).insert.run(id, article.id, source, b.text, b.kind, at.block, at.start, at.end, saidTo, b.channel, b.cue, actor.now, actor.now),
        )
        if (b.correction) addCorrection(db, article.id, revision, b.correction, [at.block], [id], actor)
        return withRepresentation(201, representation(db, id, actor.now), { location: `/v1/quotes/${id}` })
      })
      return send(reply, result)
    },
  )

  app.patch(
    '/quotes/:id',
    {
      config: { scope: 'write' },
      bodyLimit: 64 * 1024,
      schema: {
        tags: ['quotes'],
        operationId: 'updateQuote',
        summary: 'Change a quote; new text is found in the story again (scope write, If-Match required)',
        params: Params,
        headers: IfMatchHeaders,
        querystring: NoQuery,
        body: QuotePatch,
        response: { 200: one(Quote, 'The quote as changed'), ...problemResponses(400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 429, 503) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req)
      const b = req.body
      const result = inTransaction(db, req.view.now, () => {
        const q = existing(req.params.id)
        const article = storyOf(q.article_id, '/article')
        requireMatch(req.headers['if-match'], representation(db, q.id, actor.now))
        const text = b.text ?? q.text
        const reanchored = b.text !== undefined || b.location !== undefined
        const at = reanchored ? anchor(article.body, text, b.location) : q
        const next = {
          source: b.source === undefined ? q.source_id : sourceId(b.source),
          kind: b.kind ?? q.kind,
          saidTo: b.saidTo === undefined ? q.said_to_id : authorId(b.saidTo),
          channel: b.channel === undefined ? q.channel : b.channel,
          cue: b.cue === undefined ? q.cue : b.cue,
        }
        const same =
          text === q.text && at.block === q.block && at.start === q.start && next.source === q.source_id && next.kind === q.kind &&
          next.saidTo === q.said_to_id && next.channel === q.channel && next.cue === q.cue
        if (!same || b.correction) {
          const anchorNow = reanchored ? 'exact' : (sql(db).anchor.get(q.id) as string)
          const revision = articleChanged(db, article.id, article, actor, () =>
            sql(db).update.run(next.source, text, next.kind, at.block, at.start, at.end, next.saidTo, next.channel, next.cue, anchorNow, actor.now, q.id),
          )
          if (b.correction) addCorrection(db, article.id, revision, b.correction, [at.block], [q.id], actor)
        }
        return withRepresentation(200, representation(db, q.id, actor.now))
      })
      return send(reply, result)
    },
  )

  app.delete(
    '/quotes/:id',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['quotes'],
        operationId: 'deleteQuote',
        summary: 'Delete a quote; the story keeps its text (scope write, If-Match required)',
        params: Params,
        headers: IfMatchHeaders,
        querystring: NoQuery,
        response: { 204: z.null().meta({ description: 'Deleted' }), ...problemResponses(400, 401, 403, 404, 409, 412, 428, 429, 503) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req)
      const result = inTransaction(db, req.view.now, () => {
        const q = existing(req.params.id)
        const article = storyOf(q.article_id, '/article')
        requireMatch(req.headers['if-match'], representation(db, q.id, actor.now))
        articleChanged(db, article.id, article, actor, () => sql(db).delete.run(q.id))
        return noContent
      })
      return send(reply, result)
    },
  )
}
