import type { Db } from '../../db/client.js'
import { preparedFor } from '../../db/prepared.js'
import { newId } from '../../core/ids.js'
import type { CorrectionNote } from './schemas.js'

const insertCorrection = preparedFor((db) =>
  db.$client.prepare(
    `insert into corrections (id, article_id, revision, kind, note, blocks, quote_ids, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
)

/**
 * Prints a correction with a story: the revision that made it, and the blocks and quotes
 * that change touched (a quote named twice is kept once).
 */
export function addCorrection(
  db: Db,
  articleId: string,
  revision: number,
  note: CorrectionNote,
  touched: { blocks: number[]; quoteIds: string[] },
  now: string,
) {
  insertCorrection(db).run(
    newId('cor'), articleId, revision, note.kind, note.note, JSON.stringify(touched.blocks),
    JSON.stringify([...new Set(touched.quoteIds)]), now,
  )
}
