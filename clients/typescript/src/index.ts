// @byline/client: Byline's API, typed from its OpenAPI document (schema.ts is generated).
// Runs in Node 20+ and browsers: fetch, URL, Headers and Web Crypto only, no Node built-ins.
import createClient, { type Client } from 'openapi-fetch'
import type { components, paths } from './schema.js'

export type { components, operations, paths } from './schema.js'

/** An RFC 9457 problem document, as Byline answers every failure. */
export type Problem = { type?: string; title?: string; status?: number; detail?: string; instance?: string; [extension: string]: unknown }

/** A failed call: the HTTP status and the problem document Byline sent (or what could be read of it). */
export class BylineError extends Error {
  override name = 'BylineError'
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`)
  }
}

export type ClientOptions = {
  /** Where the API is: https://api.example.com */
  baseUrl: string
  /** An API key, sent as a bearer token. */
  apiKey?: string
  /** Another fetch (a test double, an instrumented one); the global fetch by default. */
  fetch?: typeof fetch
  /** 429 and 503 are retried after Retry-After, at most 3 times; false turns that off. */
  retry?: boolean
}

const MAX_RETRIES = 3
const MAX_WAIT_MS = 60_000

/** Retry-After in ms: seconds, or an HTTP date; 1 s when absent or unreadable. */
function retryAfterMs(value: string | null): number {
  if (value === null) return 1000
  const seconds = Number(value)
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now()
  return Math.min(Math.max(Number.isFinite(ms) ? ms : 1000, 0), MAX_WAIT_MS)
}

/** Resolves after `ms`, or as soon as `signal` aborts: the caller looks at the signal, not at an error. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}

/** fetch that waits out 429 and 503 as Retry-After says, sending the same request again. */
function retrying(send: typeof fetch): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    for (let attempt = 0; ; attempt++) {
      const response = await send(request.clone())
      if ((response.status !== 429 && response.status !== 503) || attempt === MAX_RETRIES) return response
      await response.arrayBuffer()
      // An abort ends the wait; the next send then rejects with the abort's error.
      await sleep(retryAfterMs(response.headers.get('retry-after')), request.signal)
    }
  }
}

type Result<T> = { data?: T; error?: unknown; response: Response }

/** The body of a 2xx answer, or a BylineError carrying the problem. */
function unwrap<T>({ data, error, response }: Result<T>): T {
  if (response.ok && data !== undefined) return data
  const problem = (error && typeof error === 'object' ? error : { status: response.status, title: response.statusText }) as Problem
  throw new BylineError(response.status, problem)
}

/** A 204 answers no body: only a failure is worth unwrapping. */
function nothing(result: Result<unknown>): void {
  if (!result.response.ok) unwrap(result)
}

// The types of an operation, read off the generated paths, so a helper that serves several
// collections alike still answers each one's own types.
type Api = Client<paths>
type Method = 'get' | 'post' | 'patch' | 'delete'
type Op<P extends keyof paths, M extends Method> = paths[P][M]
type Answer<O, Status extends number = 200> = O extends { responses: { [S in Status]: { content: { 'application/json': infer T } } } } ? T : never
type Query<O> = O extends { parameters: { query?: infer Q } } ? Q : never
type Body<O> = O extends { requestBody: { content: { 'application/json': infer B } } } ? B : never
type Row<A> = A extends { data: (infer T)[] } ? T : never
type Page<T> = { data: T[]; page: { nextCursor: string | null } }

/** A change on the feed; its `token` is the `since` that resumes the feed after it. */
export type ChangeEvent = components['schemas']['ChangeEvent']
type Changes = components['schemas']['Changes']
type ArticleContent = Op<'/v1/articles/{idOrSlug}', 'get'>['responses'][200]['content']
/** One story in each representation the API has: Byline's JSON, an IPTC ninjs item, a schema.org NewsArticle. */
type ArticleFormats = { json: ArticleContent['application/json']; ninjs: ArticleContent['application/ninjs+json']; jsonld: ArticleContent['application/ld+json'] }

/**
 * openapi-fetch without its per-path typing, for the helpers below that serve many paths:
 * their own signatures carry the types, from the paths they are given.
 */
type LooseInit = { params: { path?: Record<string, string>; query?: unknown; header?: Record<string, string> }; body?: unknown }
const loose = (api: Api) => api as unknown as { request(method: Method, path: string, init: LooseInit): Promise<Result<unknown>> }

/** The path parameters of `path` (`{idOrSlug}` or `{id}`) holding `id`. */
function at(path: string, id: string): Record<string, string> {
  return { [/\{(\w+)\}/.exec(path)?.[1] ?? 'id']: id }
}

/** Every item of a list, page after page, following `nextCursor`. */
async function* pages<T>(list: (cursor: string | undefined) => Promise<Page<T>>): AsyncGenerator<T> {
  let cursor: string | undefined
  do {
    const page = await list(cursor)
    yield* page.data
    cursor = page.page.nextCursor ?? undefined
  } while (cursor)
}

/** The ETag of a read, for If-Match: the answer's own, whatever content-coding it came in. */
function etagOf(read: Result<unknown>): string {
  unwrap(read)
  const etag = read.response.headers.get('etag')
  if (etag === null) throw new BylineError(read.response.status, { title: 'Read without an ETag' })
  return etag
}

/** A fresh Idempotency-Key: crypto.randomUUID is in browsers and Node alike. */
const newIdempotencyKey = () => globalThis.crypto.randomUUID()

/** A GET of a path with one id or slug in it (one resource, or one page of what hangs off it). */
function byId<P extends keyof paths>(api: Api, path: P) {
  type Get = Op<P, 'get'>
  return async (idOrSlug: string, query?: Query<Get>): Promise<Answer<Get>> =>
    unwrap(await loose(api).request('get', path, { params: { path: at(path, idOrSlug), query } })) as Answer<Get>
}

/** `list`, one page (`{ data, page }`), and `all`, every item the query selects. */
function listing<P extends keyof paths>(api: Api, path: P) {
  type List = Op<P, 'get'>
  const list = async (query?: Query<List>): Promise<Answer<List>> => unwrap(await loose(api).request('get', path, { params: { query } })) as Answer<List>
  const all = (query?: Omit<NonNullable<Query<List>>, 'cursor'>) =>
    pages((cursor) => list({ ...query, cursor } as Query<List>) as Promise<Page<Row<Answer<List>>>>)
  return {
    /** One page: `{ data, page }`. */
    list,
    /** Every item the query selects, page after page, following `nextCursor`. */
    all,
  }
}

/**
 * A POST that creates. The Idempotency-Key makes a retry safe: the same key and body get
 * the first answer again and write nothing. One is made when none is given.
 */
function creator<P extends keyof paths>(api: Api, path: P) {
  type Post = Op<P, 'post'>
  return async (doc: Body<Post>, { idempotencyKey = newIdempotencyKey() }: { idempotencyKey?: string } = {}): Promise<Answer<Post, 201>> =>
    unwrap(await loose(api).request('post', path, { params: { header: { 'idempotency-key': idempotencyKey } }, body: doc })) as Answer<Post, 201>
}

/**
 * A collection editors write (scope write): get, list, all, create, and update and delete
 * against `etag` when given (a stale one ends in a 412), or else against the item as read
 * just before.
 */
function editable<Items extends keyof paths, Item extends keyof paths>(api: Api, items: Items, item: Item) {
  type Patch = Op<Item, 'patch'>
  const ifMatch = async (id: string, etag: string | undefined) =>
    etag ?? etagOf(await loose(api).request('get', item, { params: { path: at(item, id) } }))
  const precondition = async (id: string, etag: string | undefined) => ({ path: at(item, id), header: { 'if-match': await ifMatch(id, etag) } })
  return {
    ...listing(api, items),
    /** One, by id or slug: `{ data }`. */
    get: byId(api, item),
    create: creator(api, items),
    /** Changes some fields: `{ data }` as changed. */
    async update(idOrSlug: string, patch: Body<Patch>, { etag }: { etag?: string } = {}): Promise<Answer<Patch>> {
      return unwrap(await loose(api).request('patch', item, { params: await precondition(idOrSlug, etag), body: patch })) as Answer<Patch>
    },
    /** Deletes it; the API refuses (409) while other data still refers to it. */
    async delete(idOrSlug: string, { etag }: { etag?: string } = {}): Promise<void> {
      nothing(await loose(api).request('delete', item, { params: await precondition(idOrSlug, etag) }))
    },
  }
}

export type FollowOptions = {
  /** Where to resume: an event's `token` (or an answer's `nextToken`); the feed's beginning without it. */
  since?: string
  /** Aborting it ends the iteration quietly, even in the middle of a long poll or a backoff. */
  signal?: AbortSignal
  /** Seconds the server holds a request while nothing is new, 1 to 30. */
  wait?: number
  /** Events per request, 1 to 1000. */
  limit?: number
}

const FIRST_BACKOFF_MS = 1000
const MAX_BACKOFF_MS = 30_000

/** Worth waiting out: the network (fetch rejects with a TypeError), a server restarting, overloaded or limiting. */
function transient(err: unknown): boolean {
  return err instanceof TypeError || (err instanceof BylineError && [429, 502, 503, 504].includes(err.status))
}

/**
 * The changes feed as it grows: long-polls, yields each event once and in order, and asks
 * again from the answer's `nextToken`. Transient failures are retried with a backoff doubling
 * from 1 s to 30 s, so a follower outlives a server restart; any other failure throws.
 */
async function* follow(api: Api, { since, signal, wait = 30, limit }: FollowOptions = {}): AsyncGenerator<ChangeEvent, void, undefined> {
  let token = since
  let backoff = FIRST_BACKOFF_MS
  while (!signal?.aborted) {
    let changes: Changes
    try {
      changes = unwrap(await api.GET('/v1/changes', { params: { query: { since: token, wait, limit } }, signal }))
    } catch (err) {
      if (signal?.aborted) return
      if (!transient(err)) throw err
      await sleep(backoff, signal)
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS)
      continue
    }
    backoff = FIRST_BACKOFF_MS
    yield* changes.data
    token = changes.nextToken
    // Without a wait the server answers at once: do not spin on an empty feed.
    if (wait === 0 && !changes.hasMore && changes.data.length === 0) await sleep(FIRST_BACKOFF_MS, signal)
  }
}

/** A delivery that is not Byline's, or not as Byline sent it: the message says what failed. */
export class WebhookVerificationError extends Error {
  override name = 'WebhookVerificationError'
}

/** A receiver's request headers: a fetch Headers, or Node's IncomingHttpHeaders (names in any case). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>

export type VerifyOptions = {
  /** How far webhook-timestamp may be from now, either way: replays older than that are refused. */
  toleranceSeconds?: number
  /** The instant to judge the timestamp by; the clock's by default. */
  now?: Date
}

function headerOf(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof headers.get === 'function') return (headers as Headers).get(name) ?? undefined
  const value = Object.entries(headers as Record<string, string | string[] | undefined>).find(([key]) => key.toLowerCase() === name)?.[1]
  return Array.isArray(value) ? value.join(' ') : value
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
  } catch {
    return undefined
  }
}

/** Equal bytes, looked at to the end whatever differs first, so the time taken tells nothing. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}

/** `${id}.${timestamp}.` and the body's bytes as received: a body given as bytes is not decoded. */
function signedContent(id: string, timestamp: string, body: string | Uint8Array): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder()
  const head = encoder.encode(`${id}.${timestamp}.`)
  const tail = typeof body === 'string' ? encoder.encode(body) : body
  const content = new Uint8Array(head.length + tail.length)
  content.set(head)
  content.set(tail, head.length)
  return content
}

/**
 * Checks a webhook delivery as Standard Webhooks specifies: HMAC-SHA256 with the secret's
 * bytes (base64 after `whsec_`) over `${webhook-id}.${webhook-timestamp}.${body}`, matching
 * any `v1,` entry of webhook-signature, and a timestamp within `toleranceSeconds` of now.
 * Pass the body as received, before parsing: a re-serialized body does not match.
 * Resolves true, or rejects with a WebhookVerificationError saying what failed.
 */
export async function verifyWebhook(secret: string, headers: WebhookHeaders, body: string | Uint8Array, options: VerifyOptions = {}): Promise<true> {
  const { toleranceSeconds = 300, now = new Date() } = options
  const [id, timestamp, signatures] = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => headerOf(headers, name))
  if (!id || !timestamp || !signatures) throw new WebhookVerificationError('missing headers: webhook-id, webhook-timestamp and webhook-signature are all needed')
  if (!/^\d+$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) {
    throw new WebhookVerificationError(`timestamp outside tolerance: webhook-timestamp ${timestamp} is not within ${toleranceSeconds} s of ${now.toISOString()}`)
  }
  const key = fromBase64(secret.replace(/^whsec_/, ''))
  if (!key?.length) throw new TypeError('the secret is not whsec_ and base64')
  const hmac = await globalThis.crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const expected = new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', hmac, signedContent(id, timestamp, body)))
  let matched = false
  for (const entry of signatures.split(/\s+/)) {
    const comma = entry.indexOf(',')
    const given = entry.slice(0, comma) === 'v1' ? fromBase64(entry.slice(comma + 1)) : undefined
    // Every entry is compared, a match or not, so the time taken does not say which matched.
    matched = (given !== undefined && sameBytes(given, expected)) || matched
  }
  if (!matched) throw new WebhookVerificationError('no matching signature: no v1 entry of webhook-signature is the HMAC of this body with this secret')
  return true
}

/** Stories, read and written: withdrawn rather than deleted, with what hangs off one. */
function articleMethods(api: Api) {
  const stories = editable(api, '/v1/articles', '/v1/articles/{idOrSlug}')
  return {
    /** One story, by id or slug: `{ data }`, or with `format` a ninjs item or a JSON-LD NewsArticle. */
    async get<F extends keyof ArticleFormats = 'json'>(idOrSlug: string, { format }: { format?: F } = {}): Promise<ArticleFormats[F]> {
      const query = format === undefined ? {} : { format }
      return unwrap(await api.GET('/v1/articles/{idOrSlug}', { params: { path: { idOrSlug }, query } })) as ArticleFormats[F]
    },
    list: stories.list,
    all: stories.all,
    create: stories.create,
    update: stories.update,
    /** Withdraws a published story (scope write), against `etag` or the story as read just before. */
    withdraw: stories.delete,
    /** The story's revisions, newest first (scope write). */
    revisions: byId(api, '/v1/articles/{idOrSlug}/revisions'),
    /** The story's credited authors, in credit order: one page. */
    authors: byId(api, '/v1/articles/{idOrSlug}/authors'),
    /** The sources the story quotes: one page. */
    sources: byId(api, '/v1/articles/{idOrSlug}/sources'),
    /** The story's quotes: one page. */
    quotes: byId(api, '/v1/articles/{idOrSlug}/quotes'),
    /** The story's published corrections. */
    corrections: byId(api, '/v1/articles/{idOrSlug}/corrections'),
  }
}

export function createBylineClient(options: ClientOptions) {
  const send = options.fetch ?? globalThis.fetch.bind(globalThis)
  const api: Api = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    fetch: options.retry === false ? send : retrying(send),
    headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
  })

  return {
    articles: articleMethods(api),
    /** Authors; `articles` is one page of the published stories crediting one. */
    authors: { ...editable(api, '/v1/authors', '/v1/authors/{idOrSlug}'), articles: byId(api, '/v1/authors/{idOrSlug}/articles') },
    /** Sources; `quotes` is one page of what one said. */
    sources: { ...editable(api, '/v1/sources', '/v1/sources/{idOrSlug}'), quotes: byId(api, '/v1/sources/{idOrSlug}/quotes') },
    /** Quotes, by id (a quote has no slug). */
    quotes: editable(api, '/v1/quotes', '/v1/quotes/{id}'),
    /** Tags; `articles` is one page of the published stories tagged with one. */
    tags: { ...editable(api, '/v1/tags', '/v1/tags/{idOrSlug}'), articles: byId(api, '/v1/tags/{idOrSlug}/articles') },
    /** Full-text search over articles, quotes and sources: one page of hits, best first. */
    async search(q: string, opts: Omit<NonNullable<Query<Op<'/v1/search', 'get'>>>, 'q'> = {}) {
      return unwrap(await api.GET('/v1/search', { params: { query: { ...opts, q } } }))
    },
    /** Published corrections, clarifications, updates and retractions. */
    corrections: listing(api, '/v1/corrections'),
    changes: {
      /** One answer of the changes feed: `{ data, nextToken, hasMore }`. */
      async list(query: NonNullable<Query<Op<'/v1/changes', 'get'>>> = {}, { signal }: { signal?: AbortSignal } = {}): Promise<Changes> {
        return unwrap(await api.GET('/v1/changes', { params: { query }, signal }))
      },
      /**
       * Every change from `since` on, as it happens: `for await (const event of changes.follow())`.
       * Persist `event.token` once the event is applied; `follow({ since: token })` resumes after it.
       */
      follow: (opts: FollowOptions = {}) => follow(api, opts),
    },
    webhooks: {
      /** Registered endpoints (scope admin); `list` is one page, `all` every one. */
      ...listing(api, '/v1/webhooks'),
      /** One endpoint (scope admin); its secret is never shown again. */
      get: byId(api, '/v1/webhooks/{id}'),
      /** Registers an endpoint (scope admin); the answer holds its secret, once. */
      create: creator(api, '/v1/webhooks'),
      /** Removes an endpoint (scope admin): nothing more is delivered to it. */
      async delete(id: string): Promise<void> {
        nothing(await api.DELETE('/v1/webhooks/{id}', { params: { path: { id } } }))
      },
      /** One page of an endpoint's deliveries and how they went (scope admin). */
      deliveries: byId(api, '/v1/webhooks/{id}/deliveries'),
      /** In a partner's receiver: resolves true for a delivery Byline signed, else rejects saying why (see verifyWebhook). */
      verify: verifyWebhook,
    },
    /** The openapi-fetch client itself, typed for every route of the document. */
    api,
  }
}

export type BylineClient = ReturnType<typeof createBylineClient>
