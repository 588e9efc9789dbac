import { eq } from 'drizzle-orm'
import { reconcile } from '../../core/reconcile.js'
import type { Db } from '../../db/client.js'
import { articleAuthors, articles, articleTags, authors, quotes, sources, tags } from '../../db/schema.js'
import { documentRows, type ArticleDocument, type ExistingIds } from './document.js'

function existingIds(db: Pick<Db, 'select'>): ExistingIds {
  return {
    article: (slug) => db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).get()?.id,
    author: (slug) => db.select({ id: authors.id }).from(authors).where(eq(authors.slug, slug)).get()?.id,
    source: (slug) => db.select({ id: sources.id }).from(sources).where(eq(sources.slug, slug)).get()?.id,
    tag: (slug) => db.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug)).get()?.id,
  }
}

/**
 * Writes a document's rows in one immediate transaction, inserting only what is missing:
 * rows that exist (by id or slug) are left as they are, so an edit made since survives.
 * Returns how many rows of each kind were inserted.
 */
export function insertMissing(db: Db, doc: ArticleDocument, now = new Date().toISOString()) {
  return db.transaction(
    (tx) => {
      const rows = documentRows(doc, now, existingIds(tx))
      const changes = (r: { changes: number }) => r.changes
      const counts = {
        articles: changes(tx.insert(articles).values(rows.article).onConflictDoNothing().run()),
        authors: rows.authors.length ? changes(tx.insert(authors).values(rows.authors).onConflictDoNothing().run()) : 0,
        credits: rows.credits.length ? changes(tx.insert(articleAuthors).values(rows.credits).onConflictDoNothing().run()) : 0,
        sources: rows.sources.length ? changes(tx.insert(sources).values(rows.sources).onConflictDoNothing().run()) : 0,
        quotes: rows.quotes.length ? changes(tx.insert(quotes).values(rows.quotes).onConflictDoNothing().run()) : 0,
        tags: rows.tags.length ? changes(tx.insert(tags).values(rows.tags).onConflictDoNothing().run()) : 0,
        taggings: rows.taggings.length ? changes(tx.insert(articleTags).values(rows.taggings).onConflictDoNothing().run()) : 0,
      }
      reconcile(db, now)
      return counts
    },
    { behavior: 'immediate' },
  )
}
