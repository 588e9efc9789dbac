import type { Db } from '../db/client.js'
import { preparedFor } from '../db/prepared.js'
import { newId } from './ids.js'

type Resource = 'article' | 'author' | 'source' | 'quote' | 'tag'
type Candidate = { resource: Resource; id: string; at: string }

// A story is public when published and its publishedAt (if any) has come: the API's rule.
const PUBLIC_ARTICLE = `a.status = 'published' and a.published_sort <= ?`

const sql = preparedFor((db) => {
  const p = (s: string) => db.$client.prepare(s)
  return {
    anyDirty: p(`select exists(select 1 from dirty) or exists(select 1 from embargoes where until <= ?)`).pluck(),
    lifted: p('select article_id, until from embargoes where until <= ? order by until, article_id'),
    unembargo: p('delete from embargoes where article_id = ?'),
    dirty: p('select resource, resource_id from dirty'),
    clean: p('delete from dirty'),
    quotesOf: p('select id, source_id from quotes where article_id = ?'),
    tagsOf: p('select tag_id from article_tags where article_id = ?').pluck(),
    authorsOf: p(
      `select author_id from article_authors where article_id = ?
       union select said_to_id from quotes where article_id = ? and said_to_id is not null`,
    ).pluck(),
    article: p('select status, published_at, published_sort, version from articles where id = ?'),
    embargo: p('insert into embargoes (article_id, until) values (?, ?) on conflict (article_id) do update set until = excluded.until'),
    // A person is public once a public story credits them or names them as spoken to.
    author: p(
      `select u.version from authors u where u.id = ? and (
         exists (select 1 from article_authors g cross join articles a on a.id = g.article_id where g.author_id = u.id and ${PUBLIC_ARTICLE})
         or exists (select 1 from quotes q cross join articles a on a.id = q.article_id where q.said_to_id = u.id and ${PUBLIC_ARTICLE}))`,
    ).pluck(),
    // CROSS JOIN fixes the join order: from the one row at hand to its story, never from every
    // public story (which the articles index would otherwise tempt the planner into).
    quote: p(`select q.version from quotes q cross join articles a on a.id = q.article_id where q.id = ? and ${PUBLIC_ARTICLE}`).pluck(),
    source: p(
      `select s.version from sources s where s.id = ? and exists (
         select 1 from quotes q cross join articles a on a.id = q.article_id where q.source_id = s.id and ${PUBLIC_ARTICLE})`,
    ).pluck(),
    tag: p(
      `select t.version from tags t where t.id = ? and exists (
         select 1 from article_tags g cross join articles a on a.id = g.article_id where g.tag_id = t.id and ${PUBLIC_ARTICLE})`,
    ).pluck(),
    announced: p('select version from syndicated where resource = ? and resource_id = ?').pluck(),
    announce: p(
      `insert into syndicated (resource, resource_id, version) values (?, ?, ?)
       on conflict (resource, resource_id) do update set version = excluded.version`,
    ),
    retract: p('delete from syndicated where resource = ? and resource_id = ?'),
    // The public index holds exactly what the feed announces, copied from the full index.
    unindex: p(`delete from search_public where rowid = (select id from search_rows where kind = ? and ref = ?)`),
    // One statement for all of a reconciliation's rows ([kind, ref] pairs as JSON): FTS5
    // writes each statement's terms out as a segment of its own, so row by row costs
    // several times more on a batch of stories. CROSS JOIN keeps the lookups by key.
    index: p(
      `insert into search_public (rowid, kind, title, body)
       select i.rowid, i.kind, i.title, i.body from json_each(?) j
       cross join search_rows r on r.kind = j.value ->> 0 and r.ref = j.value ->> 1
       cross join search_index i on i.rowid = r.id`,
    ),
    event: p('insert into events (type, resource, resource_id, version, at) values (?, ?, ?, ?, ?)'),
    hooks: p(`select id, events from webhooks where disabled_at is null`),
    deliver: p(
      `insert into webhook_deliveries (id, webhook_id, event_seq, status, attempts, next_attempt_at, created_at)
       values (?, ?, ?, 'pending', 0, ?, ?)`,
    ),
  }
})

const ORDER: Resource[] = ['article', 'author', 'source', 'tag', 'quote']
const SEARCHABLE = new Set<Resource>(['article', 'quote', 'source'])

/** Whether anything waits to be turned into events: a cheap read before taking the write lock. */
export const needsReconcile = (db: Db, now: string) => sql(db).anyDirty.get(now) === 1

/**
 * Turns what writes touched into events, inside the caller's transaction: for each touched
 * resource (and those whose visibility follows a touched story: its quotes, their sources,
 * its tags), compares what the public API shows now with what the feed last announced, and
 * appends `created`, `updated`, `withdrawn` or `deleted`, queueing a webhook delivery for
 * each. Embargoes whose instant has passed are lifted here, dated at that instant.
 * Returns how many events were written.
 */
export function reconcile(db: Db, now: string): number {
  const s = sql(db)
  const candidates = new Map<string, Candidate>()
  const add = (resource: Resource, id: string, at: string) => {
    const key = `${resource}:${id}`
    if (!candidates.has(key)) candidates.set(key, { resource, id, at })
  }
  for (const r of s.lifted.all(now) as { article_id: string; until: string }[]) {
    s.unembargo.run(r.article_id)
    add('article', r.article_id, r.until)
  }
  for (const r of s.dirty.all() as { resource: Resource; resource_id: string }[]) add(r.resource, r.resource_id, now)
  s.clean.run()
  if (candidates.size === 0) return 0

  // A story's visibility is its quotes', and through them their sources', and its tags'.
  for (const c of [...candidates.values()]) {
    if (c.resource !== 'article') continue
    for (const q of s.quotesOf.all(c.id) as { id: string; source_id: string }[]) {
      add('quote', q.id, c.at)
      add('source', q.source_id, c.at)
    }
    for (const tagId of s.tagsOf.all(c.id) as string[]) add('tag', tagId, c.at)
    for (const authorId of s.authorsOf.all(c.id, c.id) as string[]) add('author', authorId, c.at)
  }

  const hooks = (s.hooks.all() as { id: string; events: string }[]).map((h) => ({ id: h.id, events: JSON.parse(h.events) as string[] }))
  let written = 0
  const emit = (type: string, c: Candidate, version: number) => {
    const seq = Number(s.event.run(type, c.resource, c.id, version, c.at).lastInsertRowid)
    written++
    for (const h of hooks) {
      if (h.events.includes('*') || h.events.includes(`${c.resource}.${type}`)) s.deliver.run(newId('msg', Date.parse(now)), h.id, seq, now, now)
    }
  }

  const sorted = [...candidates.values()].sort((a, b) => ORDER.indexOf(a.resource) - ORDER.indexOf(b.resource))
  const toIndex: [Resource, string][] = []
  for (const c of sorted) {
    const version = currentVersion(db, c, now)
    const announced = s.announced.get(c.resource, c.id) as number | undefined
    if (version !== undefined) {
      if (announced === undefined) emit('created', c, version)
      else if (announced !== version) emit('updated', c, version)
      else continue
      s.announce.run(c.resource, c.id, version)
      if (SEARCHABLE.has(c.resource)) {
        s.unindex.run(c.resource, c.id)
        toIndex.push([c.resource, c.id])
      }
    } else if (announced !== undefined) {
      emit(c.resource === 'article' ? 'withdrawn' : 'deleted', c, announced)
      s.retract.run(c.resource, c.id)
      if (SEARCHABLE.has(c.resource)) s.unindex.run(c.resource, c.id)
    }
  }
  if (toIndex.length > 0) s.index.run(JSON.stringify(toIndex))
  return written
}

/** The version the public API shows, or undefined when it does not show the resource. */
function currentVersion(db: Db, c: Candidate, now: string): number | undefined {
  const s = sql(db)
  switch (c.resource) {
    case 'article': {
      const a = s.article.get(c.id) as { status: string; published_at: string | null; published_sort: string; version: number } | undefined
      if (!a) return undefined
      if (a.status === 'published' && a.published_sort > now) s.embargo.run(c.id, a.published_at)
      else s.unembargo.run(c.id)
      return a.status === 'published' && a.published_sort <= now ? a.version : undefined
    }
    case 'author':
      return s.author.get(c.id, now, now) as number | undefined
    case 'quote':
      return s.quote.get(c.id, now) as number | undefined
    case 'source':
      return s.source.get(c.id, now) as number | undefined
    case 'tag':
      return s.tag.get(c.id, now) as number | undefined
  }
}
