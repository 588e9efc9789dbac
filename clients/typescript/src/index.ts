// @byline/client: Byline's API, typed from its OpenAPI document (schema.ts is generated).
// Runs in Node 20+ and browsers: fetch, URL and Headers only, no Node built-ins.
import createClient, { type Client } from 'openapi-fetch'
import type { operations, paths } from './schema.js'

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

/** fetch that waits out 429 and 503 as Retry-After says, sending the same request again. */
function retrying(send: typeof fetch): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    for (let attempt = 0; ; attempt++) {
      const response = await send(request.clone())
      if ((response.status !== 429 && response.status !== 503) || attempt === MAX_RETRIES) return response
      await response.arrayBuffer()
      await new Promise((resolve) => setTimeout(resolve, retryAfterMs(response.headers.get('retry-after'))))
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

type ListQuery = NonNullable<operations['listArticles']['parameters']['query']>
type GetQuery = NonNullable<operations['getArticle']['parameters']['query']>
type ArticlePage = operations['listArticles']['responses'][200]['content']['application/json']
type ArticleItem = ArticlePage['data'][number]
/** One story as JSON (`format=ninjs` and `format=jsonld` answer the other media types the document lists). */
type ArticleOne = operations['getArticle']['responses'][200]['content']['application/json']
type NewArticle = operations['createArticle']['requestBody']['content']['application/json']
type ArticlePatch = operations['updateArticle']['requestBody']['content']['application/json']

/** A fresh Idempotency-Key: crypto.randomUUID is in browsers and Node alike. */
const newIdempotencyKey = () => globalThis.crypto.randomUUID()

export function createBylineClient(options: ClientOptions) {
  const send = options.fetch ?? globalThis.fetch.bind(globalThis)
  const api: Client<paths> = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    fetch: options.retry === false ? send : retrying(send),
    headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
  })

  /** The ETag of the story as it is now, for If-Match: the answer's own, whatever content-coding it came in. */
  async function currentEtag(idOrSlug: string): Promise<string> {
    const read = await api.GET('/v1/articles/{idOrSlug}', { params: { path: { idOrSlug } } })
    unwrap(read)
    const etag = read.response.headers.get('etag')
    if (etag === null) throw new BylineError(read.response.status, { title: 'The story was read without an ETag' })
    return etag
  }

  const articles = {
    /** One story, by id or slug: `{ data }`. */
    async get(idOrSlug: string, query: Omit<GetQuery, 'format'> = {}): Promise<ArticleOne> {
      return unwrap(await api.GET('/v1/articles/{idOrSlug}', { params: { path: { idOrSlug }, query } })) as ArticleOne
    },
    /** One page of stories: `{ data, page }`. */
    async list(query: ListQuery = {}) {
      return unwrap(await api.GET('/v1/articles', { params: { query } }))
    },
    /** Every story the query selects, page after page, following `nextCursor`. */
    async *all(query: Omit<ListQuery, 'cursor'> = {}): AsyncGenerator<ArticleItem> {
      let cursor: string | undefined
      do {
        const page: ArticlePage = await articles.list({ ...query, ...(cursor ? { cursor } : {}) })
        yield* page.data
        cursor = page.page.nextCursor ?? undefined
      } while (cursor)
    },
    /**
     * A new story (scope write). The Idempotency-Key makes a retry safe: the same key and body
     * get the first answer again and write nothing. One is made when none is given.
     */
    async create(doc: NewArticle, { idempotencyKey = newIdempotencyKey() }: { idempotencyKey?: string } = {}) {
      return unwrap(await api.POST('/v1/articles', { params: { header: { 'idempotency-key': idempotencyKey } }, body: doc }))
    },
    /**
     * Changes a story (scope write), against `etag` when given (a stale one ends in a 412),
     * or else against the story as read just before.
     */
    async update(idOrSlug: string, patch: ArticlePatch, { etag }: { etag?: string } = {}) {
      const ifMatch = etag ?? (await currentEtag(idOrSlug))
      return unwrap(await api.PATCH('/v1/articles/{idOrSlug}', { params: { path: { idOrSlug }, header: { 'if-match': ifMatch } }, body: patch }))
    },
    /** Withdraws a published story (scope write), against `etag` or the story as read just before. */
    async withdraw(idOrSlug: string, { etag }: { etag?: string } = {}) {
      const ifMatch = etag ?? (await currentEtag(idOrSlug))
      const result = await api.DELETE('/v1/articles/{idOrSlug}', { params: { path: { idOrSlug }, header: { 'if-match': ifMatch } } })
      if (!result.response.ok) unwrap(result)
    },
    /** The story's revisions, newest first (scope write). */
    async revisions(idOrSlug: string) {
      return unwrap(await api.GET('/v1/articles/{idOrSlug}/revisions', { params: { path: { idOrSlug } } }))
    },
  }

  return { articles, api }
}

export type BylineClient = ReturnType<typeof createBylineClient>
