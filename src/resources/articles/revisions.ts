import { diffArrays, diffWordsWithSpace } from 'diff'
import type { Db } from '../../db/client.js'
import { preparedFor } from '../../db/prepared.js'
import type { Block } from '../../db/schema.js'
import type { ArticleDocument } from './document.js'
import { MAX_BLOCK_CHARS } from './schemas.js'
import { exportDocuments } from './exporter.js'

type DocumentQuote = ArticleDocument['quotes'][number] & { anchor: string }
/** An article as it was at one version: its document with quote ids, places and anchors. */
export type RevisionDocument = Omit<ArticleDocument, 'quotes'> & { quotes: DocumentQuote[] }

const statements = preparedFor((db) => ({
  version: db.$client.prepare('select version from articles where id = ?').pluck(),
  anchors: db.$client.prepare('select id, anchor from quotes where article_id = ?'),
  insert: db.$client.prepare(
    `insert or ignore into article_revisions (article_id, number, document, key_id, created_at) values (?, ?, ?, ?, ?)`,
  ),
  list: db.$client.prepare(
    `select r.number, r.created_at, r.key_id, k.name as key_name, c.id as correction_id, c.kind, c.note
     from article_revisions r
     left join api_keys k on k.id = r.key_id
     left join corrections c on c.article_id = r.article_id and c.revision = r.number
     where r.article_id = ? and r.number < ? order by r.number desc limit ?`,
  ),
  count: db.$client.prepare('select count(*) from article_revisions where article_id = ?').pluck(),
  one: db.$client.prepare(
    `select r.number, r.created_at, r.key_id, k.name as key_name, r.document
     from article_revisions r left join api_keys k on k.id = r.key_id
     where r.article_id = ? and r.number = ?`,
  ),
}))

export function snapshot(db: Db, articleId: string): RevisionDocument {
  const [doc] = [...exportDocuments(db, 1, articleId)]
  if (!doc) throw new Error(`no article ${articleId}`)
  const anchors = new Map(
    (statements(db).anchors.all(articleId) as { id: string; anchor: string }[]).map((q) => [q.id, q.anchor]),
  )
  return { ...doc, quotes: doc.quotes.map((q) => ({ ...q, anchor: anchors.get(q.id!) ?? 'exact' })) }
}

/**
 * Stores the article as it is now under its version number, unless that version is stored
 * already. Called before a change too, so a story seeded or imported before revisions were
 * kept has its previous version on record.
 */
export function recordRevision(db: Db, articleId: string, keyId: string | null, at: string) {
  const sql = statements(db)
  const version = sql.version.get(articleId) as number
  sql.insert.run(articleId, version, JSON.stringify(snapshot(db, articleId)), keyId, at)
  return version
}

type RevisionRow = {
  number: number
  created_at: string
  key_id: string | null
  key_name: string | null
  correction_id: string | null
  kind: string | null
  note: string | null
}

const by = (r: { key_id: string | null; key_name: string | null }) =>
  r.key_id === null ? null : { keyId: r.key_id, name: r.key_name ?? '' }

/** Revisions newest first, `limit` of them below number `before`. */
export function listRevisions(db: Db, articleId: string, before: number, limit: number) {
  const rows = statements(db).list.all(articleId, before, limit) as RevisionRow[]
  return {
    total: statements(db).count.get(articleId) as number,
    items: rows.map((r) => ({
      number: r.number,
      createdAt: r.created_at,
      by: by(r),
      correction: r.correction_id === null ? null : { id: r.correction_id, kind: r.kind!, note: r.note! },
    })),
  }
}

export function findRevision(db: Db, articleId: string, number: number) {
  const r = statements(db).one.get(articleId, number) as
    | { number: number; created_at: string; key_id: string | null; key_name: string | null; document: string }
    | undefined
  if (!r) return undefined
  return { number: r.number, createdAt: r.created_at, by: by(r), document: JSON.parse(r.document) as RevisionDocument }
}

type Word = { text: string; added?: true; removed?: true }

export type BlockChange =
  | { change: 'added'; to: number; text: string }
  | { change: 'removed'; from: number; text: string }
  | { change: 'changed'; from: number; to: number; coarse?: true; words: Word[] }

/** Aligning two bodies stops past this many blocks added or removed; they are then paired in order. */
export const MAX_BLOCK_EDITS = 400
/** Comparing one block word by word stops past this many words, spaces and marks added or removed. */
export const MAX_WORD_EDITS = 200
/** A diff compares words for at most this long; the blocks after that are shown whole. */
const WORD_BUDGET_MS = 250

const ARTICLE_FIELDS = ['slug', 'headline', 'standfirst', 'language', 'status', 'publishedAt', 'publisher', 'media', 'notes'] as const

/**
 * What changed between two versions of a story: fields, body blocks (aligned so an inserted
 * paragraph is one addition, not a change to every paragraph after it; a changed block
 * shows its words), quotes by id, credits and tags. The work is bounded, so a huge edit or a
 * body stored before blocks were capped gets a coarser answer rather than a slow one.
 */
export function diffDocuments(a: RevisionDocument, b: RevisionDocument) {
  const fields = ARTICLE_FIELDS.filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f])).map((field) => ({
    field,
    from: a[field],
    to: b[field],
  }))
  const { aligned, blocks } = diffBlocks(a.body, b.body)
  const before = new Map(a.quotes.map((q) => [q.id!, q]))
  const after = new Map(b.quotes.map((q) => [q.id!, q]))
  const quotes: { id: string; change: 'added' | 'removed' | 'changed'; from?: DocumentQuote; to?: DocumentQuote }[] = []
  for (const [id, q] of before) {
    const now = after.get(id)
    if (!now) quotes.push({ id, change: 'removed', from: q })
    else if (JSON.stringify(q) !== JSON.stringify(now)) quotes.push({ id, change: 'changed', from: q, to: now })
  }
  for (const [id, q] of after) if (!before.has(id)) quotes.push({ id, change: 'added', to: q })
  const credits = (d: RevisionDocument) => d.authors.map((x) => ({ author: x.slug, role: x.role }))
  const tags = (d: RevisionDocument) => d.tags.map((t) => t.slug)
  const changed = <T>(x: T, y: T) => (JSON.stringify(x) === JSON.stringify(y) ? null : { from: x, to: y })
  return { fields, aligned, blocks, quotes, authors: changed(credits(a), credits(b)), tags: changed(tags(a), tags(b)) }
}

type Step = { change: 'changed'; from: number; to: number } | { change: 'removed'; from: number } | { change: 'added'; to: number }

/**
 * Which blocks of one body became which of the other, without looking at words: Myers's
 * diff over the blocks between the unchanged first and last ones, each block an interned
 * number so a comparison costs nothing whatever its length. A removal followed by an
 * addition is a rewrite of those blocks, paired in order. Past MAX_BLOCK_EDITS the middle
 * is paired in order as a whole (`aligned: false`), which bounds the quadratic part.
 */
function alignBlocks(a: Block[], b: Block[]): { aligned: boolean; steps: Step[] } {
  const ids = new Map<string, number>()
  const id = (block: Block) => {
    const key = JSON.stringify(block)
    let n = ids.get(key)
    if (n === undefined) ids.set(key, (n = ids.size))
    return n
  }
  const x = a.map(id)
  const y = b.map(id)
  let head = 0
  while (head < x.length && head < y.length && x[head] === y[head]) head++
  let tail = 0
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++
  const middleA = x.slice(head, x.length - tail)
  const middleB = y.slice(head, y.length - tail)
  const steps: Step[] = []
  const rewrite = (i: number, j: number, removed: number, added: number) => {
    const pairs = Math.min(removed, added)
    for (let k = 0; k < pairs; k++) if (x[i + k] !== y[j + k]) steps.push({ change: 'changed', from: i + k, to: j + k })
    for (let k = pairs; k < removed; k++) steps.push({ change: 'removed', from: i + k })
    for (let k = pairs; k < added; k++) steps.push({ change: 'added', to: j + k })
  }
  // Bodies rewritten throughout share no block: there is nothing to align.
  const inA = new Set(middleA)
  const shared = middleB.some((n) => inA.has(n))
  const parts = shared ? diffArrays(middleA, middleB, { maxEditLength: MAX_BLOCK_EDITS }) : undefined
  if (parts === undefined) {
    rewrite(head, head, middleA.length, middleB.length)
    return { aligned: !shared, steps }
  }
  let i = head
  let j = head
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!
    const next = parts[p + 1]
    if (!part.added && !part.removed) {
      i += part.count
      j += part.count
    } else if (part.removed && next?.added) {
      rewrite(i, j, part.count, next.count)
      i += part.count
      j += next.count
      p++
    } else if (part.removed) {
      rewrite(i, j, part.count, 0)
      i += part.count
    } else {
      rewrite(i, j, 0, part.count)
      j += part.count
    }
  }
  return { aligned: true, steps }
}

/** The body's changes, each rewritten block word by word while that stays within bounds. */
export function diffBlocks(a: Block[], b: Block[]): { aligned: boolean; blocks: BlockChange[] } {
  const { aligned, steps } = alignBlocks(a, b)
  const deadline = Date.now() + WORD_BUDGET_MS
  const blocks = steps.map((step): BlockChange => {
    if (step.change === 'removed') return { change: 'removed', from: step.from, text: a[step.from]!.text }
    if (step.change === 'added') return { change: 'added', to: step.to, text: b[step.to]!.text }
    return { ...step, ...changedWords(a[step.from]!.text, b[step.to]!.text, deadline) }
  })
  return { aligned, blocks }
}

/**
 * A rewritten block's words, or the whole block removed and added (`coarse`) when comparing
 * them would cost too much: more than MAX_WORD_EDITS edits, a block longer than a block may
 * now be (stored before the cap), or the diff's time for words spent.
 */
function changedWords(from: string, to: string, deadline: number): { coarse?: true; words: Word[] } {
  const left = deadline - Date.now()
  const parts =
    from.length <= MAX_BLOCK_CHARS && to.length <= MAX_BLOCK_CHARS && left > 0
      ? diffWordsWithSpace(from, to, { maxEditLength: MAX_WORD_EDITS, timeout: left })
      : undefined
  if (parts === undefined) {
    return {
      coarse: true,
      words: [...(from ? [{ text: from, removed: true as const }] : []), ...(to ? [{ text: to, added: true as const }] : [])],
    }
  }
  return {
    words: parts.map((w) => ({
      text: w.value,
      ...(w.added ? { added: true as const } : {}),
      ...(w.removed ? { removed: true as const } : {}),
    })),
  }
}

/** The blocks of the new body a change touched (added or rewritten), for a correction: no words compared. */
export function touchedBlocks(a: Block[], b: Block[]): number[] {
  return alignBlocks(a, b).steps.flatMap((s) => (s.change === 'removed' ? [] : [s.to]))
}
