import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

// Timestamps are ISO 8601 UTC strings (`2009-10-15T12:00:00.000Z`): they sort as text, read
// back exactly as written, and need no codec on the way out.

export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'related-link'; text: string; url: string | null }

export type Media = { kind: 'photo'; credit: string | null; caption: string | null; url: string | null }

/** Where a value came from when the story itself does not state it. */
export type Note = { field: string | null; text: string }

export const ARTICLE_STATUSES = ['draft', 'published', 'withdrawn'] as const
export const AUTHOR_ROLES = ['byline', 'reporter', 'producer', 'photographer', 'editor'] as const
export const SOURCE_KINDS = ['person', 'organization', 'group'] as const
export const QUOTE_KINDS = ['direct', 'partial', 'paraphrase'] as const
export const TAG_TYPES = ['subject', 'place', 'organization', 'person'] as const
export const ANCHORS = ['exact', 'moved', 'orphaned'] as const
export const CORRECTION_KINDS = ['correction', 'clarification', 'update', 'retraction'] as const

const version = () => integer('version').notNull().default(1)
const timestamps = () => ({
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
})

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`)

export const articles = sqliteTable(
  'articles',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    headline: text('headline').notNull(),
    standfirst: text('standfirst'),
    body: text('body', { mode: 'json' }).$type<Block[]>().notNull(),
    language: text('language').notNull(),
    status: text('status', { enum: ARTICLE_STATUSES }).notNull(),
    publishedAt: text('published_at'),
    // Keyset pagination compares (sort key, id) row values, so the key must never be null;
    // '' sorts below every timestamp, so an unknown publication date lands last in newest-first.
    publishedSort: text('published_sort')
      .notNull()
      .generatedAlwaysAs(sql`coalesce(published_at, '')`, { mode: 'virtual' }),
    publisher: text('publisher'),
    media: text('media', { mode: 'json' }).$type<Media[]>().notNull(),
    notes: text('notes', { mode: 'json' }).$type<Note[]>().notNull(),
    wordCount: integer('word_count').notNull(),
    ...timestamps(),
    version: version(),
    // Whether the story quotes an anonymous source: kept by triggers on quotes and sources
    // (migration 0011), so that the anonymousSources filter is a range of an index instead
    // of a test of each story's quotes.
    anonymousSourced: integer('anonymous_sourced', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('articles_slug_unique').on(t.slug),
    index('articles_anonymous_published_idx').on(t.anonymousSourced, t.status, t.publishedSort, t.id),
    index('articles_status_published_idx').on(t.status, t.publishedSort, t.id),
    // Each sort walked in order, the status read from the index (it lies past the body in
    // the row): a first page reads ~20 index entries instead of sorting the archive, for the
    // public and for previews alike.
    index('articles_published_idx').on(t.publishedSort, t.id, t.status),
    index('articles_updated_idx').on(t.updatedAt, t.id, t.status),
    index('articles_created_idx').on(t.createdAt, t.id, t.status),
    // Who may see a story, without reading its row: published_at comes after the body, and
    // reading it from the row walks the body's overflow pages.
    index('articles_visibility_idx').on(t.id, t.status, t.publishedSort, t.anonymousSourced),
    check('articles_status_check', inList('status', ARTICLE_STATUSES)),
  ],
)

export const authors = sqliteTable(
  'authors',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    title: text('title'),
    organization: text('organization'),
    location: text('location'),
    bio: text('bio'),
    ...timestamps(),
    version: version(),
  },
  (t) => [uniqueIndex('authors_slug_unique').on(t.slug), index('authors_name_idx').on(t.name, t.id)],
)

export const articleAuthors = sqliteTable(
  'article_authors',
  {
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    authorId: text('author_id')
      .notNull()
      .references(() => authors.id),
    role: text('role', { enum: AUTHOR_ROLES }).notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.authorId, t.role] }),
    index('article_authors_author_idx').on(t.authorId, t.articleId),
    check('article_authors_role_check', inList('role', AUTHOR_ROLES)),
    check('article_authors_position_check', sql`position >= 0`),
  ],
)

export const sources = sqliteTable(
  'sources',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name'),
    description: text('description').notNull(),
    kind: text('kind', { enum: SOURCE_KINDS }).notNull(),
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull(),
    affiliation: text('affiliation'),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    uniqueIndex('sources_slug_unique').on(t.slug),
    check('sources_kind_check', inList('kind', SOURCE_KINDS)),
    // A named source has a name; an anonymous one has none, only its description.
    check('sources_anonymous_check', sql`(anonymous = 1) = (name is null)`),
  ],
)

export const quotes = sqliteTable(
  'quotes',
  {
    id: text('id').primaryKey(),
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id),
    text: text('text').notNull(),
    kind: text('kind', { enum: QUOTE_KINDS }).notNull(),
    // Offsets in UTF-16 code units into body[block].text, as String.prototype.slice counts them.
    block: integer('block').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    saidToId: text('said_to_id').references(() => authors.id),
    channel: text('channel'),
    cue: text('cue'),
    // exact: where it was written; moved: an edit of the body moved its words, found again;
    // orphaned: an edit removed them, and block/start/end keep the last place they stood.
    anchor: text('anchor', { enum: ANCHORS }).notNull().default('exact'),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    check('quotes_anchor_check', inList('anchor', ANCHORS)),
    index('quotes_article_idx').on(t.articleId, t.block, t.start, t.id),
    index('quotes_source_idx').on(t.sourceId, t.createdAt, t.id),
    index('quotes_created_idx').on(t.createdAt, t.id),
    index('quotes_said_to_idx').on(t.saidToId),
    check('quotes_kind_check', inList('kind', QUOTE_KINDS)),
    check('quotes_location_check', sql`block >= 0 and start >= 0 and "end" > start`),
    check('quotes_text_check', sql`length(text) > 0`),
  ],
)

export const tags = sqliteTable(
  'tags',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    type: text('type', { enum: TAG_TYPES }).notNull(),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    uniqueIndex('tags_slug_unique').on(t.slug),
    index('tags_name_idx').on(t.name, t.id),
    check('tags_type_check', inList('type', TAG_TYPES)),
  ],
)

export const articleTags = sqliteTable(
  'article_tags',
  {
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: text('tag_id')
      .notNull()
      .references(() => tags.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index('article_tags_tag_idx').on(t.tagId, t.articleId)],
)

export const SEARCH_KINDS = ['article', 'quote', 'source'] as const

/**
 * The rows of the full-text index (the FTS5 table `search_index`, created in SQL by a
 * migration, since drizzle does not model virtual tables). Its integer id is the index's
 * rowid, so a write finds its index row by (kind, ref) through a unique index. Triggers
 * on articles, quotes and sources keep both in step inside the writing transaction.
 */
export const searchRows = sqliteTable(
  'search_rows',
  {
    id: integer('id').primaryKey(),
    kind: text('kind', { enum: SEARCH_KINDS }).notNull(),
    ref: text('ref').notNull(),
  },
  (t) => [uniqueIndex('search_rows_ref_unique').on(t.kind, t.ref)],
)

export const KEY_SCOPES = ['read', 'write', 'admin'] as const
export type KeyScope = (typeof KEY_SCOPES)[number]

/**
 * API keys. The secret is shown once at creation and never stored: only its SHA-256. The
 * `lookup` part of a secret finds the row; the hash is then compared in constant time.
 */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    lookup: text('lookup').notNull(),
    hash: text('hash').notNull(),
    scopes: text('scopes', { mode: 'json' }).$type<KeyScope[]>().notNull(),
    createdAt: text('created_at').notNull(),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('api_keys_lookup_unique').on(t.lookup)],
)

/**
 * Every version of every article, as the document it was (with quote ids, places and
 * anchors): number n is the article at version n. `keyId` is who wrote it (null for the
 * seed and the command line).
 */
export const articleRevisions = sqliteTable(
  'article_revisions',
  {
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    document: text('document', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    keyId: text('key_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.number] })],
)

/** A public correction, printed with the story as news sites print them. */
export const corrections = sqliteTable(
  'corrections',
  {
    id: text('id').primaryKey(),
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    kind: text('kind', { enum: CORRECTION_KINDS }).notNull(),
    note: text('note').notNull(),
    /** The body blocks (indexes in the corrected revision) and quotes the change touched. */
    blocks: text('blocks', { mode: 'json' }).$type<number[]>().notNull(),
    quoteIds: text('quote_ids', { mode: 'json' }).$type<string[]>().notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('corrections_article_idx').on(t.articleId, t.createdAt, t.id),
    index('corrections_created_idx').on(t.createdAt, t.id),
    check('corrections_kind_check', inList('kind', CORRECTION_KINDS)),
  ],
)

/**
 * The first answer to a POST made with an Idempotency-Key, kept for a day so a retry
 * gets it again instead of writing twice. Keys belong to the API key that sent them.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    apiKeyId: text('api_key_id').notNull(),
    key: text('key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    status: integer('status').notNull(),
    headers: text('headers', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    body: text('body').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
)

export const EVENT_TYPES = ['created', 'updated', 'withdrawn', 'deleted'] as const
export const EVENT_RESOURCES = ['article', 'author', 'source', 'quote', 'tag'] as const

/**
 * What the public API shows changed, in order: the changes feed and webhooks read it. An
 * event is written in the transaction of the change it reports (an embargo's lift, at the
 * first read or write after its instant, dated at that instant).
 */
export const events = sqliteTable(
  'events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    type: text('type', { enum: EVENT_TYPES }).notNull(),
    resource: text('resource', { enum: EVENT_RESOURCES }).notNull(),
    resourceId: text('resource_id').notNull(),
    version: integer('version').notNull(),
    at: text('at').notNull(),
  },
  (t) => [
    index('events_resource_idx').on(t.resourceId, t.seq),
    check('events_type_check', inList('type', EVENT_TYPES)),
    check('events_resource_check', inList('resource', EVENT_RESOURCES)),
  ],
)

/** What the feed has announced as public, at which version: the other side of each diff. */
export const syndicated = sqliteTable(
  'syndicated',
  {
    resource: text('resource', { enum: EVENT_RESOURCES }).notNull(),
    resourceId: text('resource_id').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [primaryKey({ columns: [t.resource, t.resourceId] })],
)

/** Rows a write touched, filled by triggers, drained into events by the same transaction. */
export const dirty = sqliteTable(
  'dirty',
  {
    resource: text('resource', { enum: EVENT_RESOURCES }).notNull(),
    resourceId: text('resource_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.resource, t.resourceId] })],
)

/** Published stories waiting for their publishedAt: each becomes public at `until`. */
export const embargoes = sqliteTable(
  'embargoes',
  {
    articleId: text('article_id').primaryKey(),
    until: text('until').notNull(),
  },
  (t) => [index('embargoes_until_idx').on(t.until)],
)

/** Endpoints partners registered; the secret signs every delivery (Standard Webhooks). */
export const webhooks = sqliteTable('webhooks', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  /** Event names such as `article.created`, or `*` for all. */
  events: text('events', { mode: 'json' }).$type<string[]>().notNull(),
  secret: text('secret').notNull(),
  keyId: text('key_id'),
  createdAt: text('created_at').notNull(),
  disabledAt: text('disabled_at'),
})

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const

/** One event for one endpoint: queued with the event, retried with backoff until it lands or gives up. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    webhookId: text('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    eventSeq: integer('event_seq').notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    deliveredAt: text('delivered_at'),
  },
  (t) => [
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_webhook_idx').on(t.webhookId, t.createdAt, t.id),
    check('webhook_deliveries_status_check', inList('status', DELIVERY_STATUSES)),
  ],
)

/**
 * Work that must run in one process at a time (webhook delivery) is held through a lease:
 * the holder renews it before `expires_at` (epoch ms), and any process may take it once it
 * has expired, so a holder that dies is replaced within one lease's length.
 */
export const leases = sqliteTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: integer('expires_at').notNull(),
})

/**
 * How far the purge sender has told each cache instance (PURGE_URLS) about the changes
 * feed: the last event seq it purged there. Kept here, so a restart or a new holder of the
 * purge lease goes on from where the last one stopped.
 */
export const purgePositions = sqliteTable('purge_positions', {
  url: text('url').primaryKey(),
  seq: integer('seq').notNull(),
})
