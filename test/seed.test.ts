import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq, like, sql } from 'drizzle-orm'
import t from 'tap'
import { seedDb, seedDocument } from '../seed/load.js'
import { openDb, type Db } from '../src/db/client.js'
import { migrateDb } from '../src/db/migrate.js'
import { articles, authors, quotes, sources } from '../src/db/schema.js'
import { isAnchored } from '../src/resources/quotes/anchor.js'
import { build, testDb, type Json } from './helper.js'

// The story as published, vendored from the shared seed: the test of "verbatim".
const published = readFileSync(new URL('./fixtures/story.txt', import.meta.url), 'utf8')
const lines = published.split('\n').filter((l) => l.trim() !== '')

t.test('the body is the published story, every paragraph verbatim and in order', async (t) => {
  const doc = seedDocument()
  t.equal(doc.headline, lines[0])
  t.equal(doc.media[0]?.credit, 'AP Photo/K.M. Chaudary')
  t.ok(lines.includes(`(${doc.media[0]?.credit})`))
  const paragraphs = doc.body.filter((b) => b.type === 'paragraph').map((b) => b.text)
  // Everything between the photo credit and the byline that is not the related link.
  const link = doc.body.find((b) => b.type === 'related-link')
  const storyLines = lines.slice(2, lines.findIndex((l) => l.includes('•'))).filter((l) => !link?.text.includes(l))
  t.same(paragraphs, storyLines)
  t.equal(link?.text, "Read more on Thursday's wave of attacks across Pakistan")
  t.equal(doc.body[1]?.type, 'related-link', 'the link stands where the story places it')
  const bio = lines.at(-1)?.trim()
  t.equal(doc.authors.find((a) => a.role === 'byline')?.bio, bio)
})

t.test('every stored quote is a verbatim slice of its article body', async (t) => {
  const db = testDb(t)
  const rows = db.select().from(quotes).innerJoin(articles, eq(articles.id, quotes.articleId)).all()
  t.equal(rows.length, 22)
  for (const { quotes: q, articles: a } of rows) {
    t.ok(isAnchored(a.body, q.text, q), `${q.id}: "${q.text.slice(0, 40)}…"`)
    t.notOk(/^["“]|["”]$/.test(q.text), `${q.id} carries no quotation marks`)
  }
})

t.test('every quote names an existing source, and saidTo an existing author', async (t) => {
  const db = testDb(t)
  const app = await build(t, db)
  const res = await app.inject('/v1/quotes?limit=100')
  const data = res.json().data as Json[]
  t.equal(data.length, 22)
  for (const q of data) {
    t.ok(db.select().from(sources).where(eq(sources.id, q.source.id)).get(), `source of ${q.id}`)
    if (q.saidTo) t.ok(db.select().from(authors).where(eq(authors.id, q.saidTo.id)).get(), `saidTo of ${q.id}`)
  }
  const saidTo = new Set(data.filter((q) => q.saidTo).map((q) => q.saidTo.slug))
  t.same([...saidTo].sort(), ['farhan-bokhari', 'sami-yousafzai'])
  t.same(db.$client.pragma('foreign_key_check'), [])
})

t.test('sources: anonymous ones have no name, and the same speaker is one source', async (t) => {
  const doc = seedDocument()
  const anonymous = doc.sources.filter((s) => s.anonymous)
  t.equal(anonymous.length, 9)
  t.ok(anonymous.every((s) => s.name === null))
  const diplomat = doc.quotes.filter((q) => q.source === 'senior-western-diplomat')
  t.same(
    diplomat.map((q) => q.kind),
    ['paraphrase', 'direct', 'direct'],
    '"A senior Western diplomat … the diplomat told Bokhari" is one source',
  )
  const slugs = doc.sources.map((s) => s.slug)
  t.equal(new Set(slugs).size, slugs.length)
})

function counts(db: Db) {
  const n = (table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
  return { articles: n('articles'), authors: n('authors'), credits: n('article_authors'), sources: n('sources'), quotes: n('quotes') }
}

t.test('seeding twice on one file changes nothing, and an edited row survives', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'byline-seed-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'byline.db')

  const first = openDb(file)
  migrateDb(first)
  t.same(seedDb(first), { articles: 1, authors: 5, credits: 5, sources: 13, quotes: 22, tags: 14, taggings: 14 })
  first.update(articles).set({ headline: 'Edited by an editor', version: sql`version + 1` }).run()
  first.update(quotes).set({ cue: 'edited' }).where(eq(quotes.text, 'This is rubbish')).run()
  // Deleted through the API: the seed must not bring it back.
  t.equal(first.delete(quotes).where(like(quotes.text, 'We are getting stronger%')).run().changes, 1)
  const before = counts(first)
  first.$client.close()

  const second = openDb(file)
  t.teardown(() => second.$client.close())
  migrateDb(second)
  t.same(seedDb(second), { articles: 0, authors: 0, credits: 0, sources: 0, quotes: 0, tags: 0, taggings: 0 })
  t.same(counts(second), before)
  t.equal(second.select().from(articles).get()?.headline, 'Edited by an editor')
  t.equal(second.select().from(articles).get()?.version, 2)
  t.equal(second.select().from(quotes).where(eq(quotes.text, 'This is rubbish')).get()?.cue, 'edited')
})

t.test('the seeded story keeps the same ids across restarts', async (t) => {
  const a = testDb(t)
  const b = testDb(t)
  const ids = (db: Db) => db.select({ id: quotes.id }).from(quotes).all().map((r) => r.id).sort()
  t.same(ids(a), ids(b))
  t.equal(a.select().from(articles).get()?.id, seedDocument().id)
})
