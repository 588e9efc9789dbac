import { diffArrays, diffWordsWithSpace } from 'diff'
import type { Db } from '../../db/client.js'
import { preparedFor } from '../../db/prepared.js'
import type { Block } from '../../db/schema.js'
import type { ArticleDocument } from './document.js'
import { exportDocuments } from './upsert.js'

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

export type BlockChange =
  | { change: 'added'; to: number; text: string }
  | { change: 'removed'; from: number; text: string }
  | { change: 'changed'; from: number; to: number; words: { text: string; added?: true; removed?: true }[] }

const ARTICLE_FIELDS = ['slug', 'headline', 'standfirst', 'language', 'status', 'publishedAt', 'publisher', 'media', 'notes'] as const

/**
 * What changed between two versions of a story: fields, body blocks (aligned so an inserted
 * paragraph is one addition, not a change to every paragraph after it; a changed block
 * shows its words), quotes by id, credits and tags.
 */
export function diffDocuments(a: RevisionDocument, b: RevisionDocument) {
  const fields = ARTICLE_FIELDS.filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f])).map((field) => ({
    field,
    from: a[field],
    to: b[field],
  }))
  const blocks = diffBlocks(a.body, b.body)
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
  return { fields, blocks, quotes, authors: changed(credits(a), credits(b)), tags: changed(tags(a), tags(b)) }
}

export function diffBlocks(a: Block[], b: Block[]): BlockChange[] {
  const key = (x: Block) => JSON.stringify(x)
  const parts = diffArrays(a.map(key), b.map(key))
  const changes: BlockChange[] = []
  let i = 0
  let j = 0
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!
    if (!part.added && !part.removed) {
      i += part.count ?? part.value.length
      j += part.count ?? part.value.length
      continue
    }
    // A removal followed by an addition is a rewrite of those blocks, paired in order.
    const next = parts[p + 1]
    if (part.removed && next?.added) {
      const pairs = Math.min(part.value.length, next.value.length)
      for (let k = 0; k < pairs; k++) {
        const words = diffWordsWithSpace(a[i + k]!.text, b[j + k]!.text).map((w) => ({
          text: w.value,
          ...(w.added ? { added: true as const } : {}),
          ...(w.removed ? { removed: true as const } : {}),
        }))
        changes.push({ change: 'changed', from: i + k, to: j + k, words })
      }
      for (let k = pairs; k < part.value.length; k++) changes.push({ change: 'removed', from: i + k, text: a[i + k]!.text })
      for (let k = pairs; k < next.value.length; k++) changes.push({ change: 'added', to: j + k, text: b[j + k]!.text })
      i += part.value.length
      j += next.value.length
      p++
      continue
    }
    if (part.removed) {
      for (let k = 0; k < part.value.length; k++) changes.push({ change: 'removed', from: i + k, text: a[i + k]!.text })
      i += part.value.length
    } else {
      for (let k = 0; k < part.value.length; k++) changes.push({ change: 'added', to: j + k, text: b[j + k]!.text })
      j += part.value.length
    }
  }
  return changes
}

/** The blocks of the new body a change touched (added or rewritten), for a correction. */
export function touchedBlocks(a: Block[], b: Block[]): number[] {
  return diffBlocks(a, b).flatMap((c) => (c.change === 'removed' ? [] : [c.to]))
}
