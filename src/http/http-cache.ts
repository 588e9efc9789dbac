import { constants } from 'node:zlib'
import compress from '@fastify/compress'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { LRUCache } from 'lru-cache'
import { addVary } from './reply.js'
import { CODINGS, codedEtag, etagOf, ifNoneMatch, type Coding } from '../core/etag.js'
import { EMBEDS } from '../core/cache-keys.js'
import { RESOURCE_ID } from '../db/cache.js'

export type HttpCacheOptions = {
  /** Cache-Control of public reads; authenticated ones are always `private, no-store`. */
  publicCacheControl: string
}

type Validators = { etag: string; lastModified: string | null; keys: string }

// Every id a representation holds (RESOURCE_ID) names a resource a CDN should purge it for.
const ID_ONLY = /^(?:art|aut|src|quo|tag|cor)_[0-9a-z]{26}$/
const UPDATED = /"updatedAt":"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)"/g
// A page names every resource it shows, so a change to any of them purges it. A page that
// shows too many for that (a 100-item list names ~400) would outgrow what clients take:
// Node's fetch refuses 16 kB of headers in all, and Surrogate-Key goes out twice (as
// Cache-Tag too). Such a page names its collection, its own items and EMBEDS, a key every
// change event carries, so it stays correct and its keys stay under 4 kB.
const MAX_KEY_BYTES = 3_500

/** The collection a list or feed belongs to: purged when a resource of it appears or goes. */
function collectionKeys(url: string): string[] {
  const path = url.split('?', 1)[0]!
  if (path.startsWith('/v1/search')) return ['articles', 'quotes', 'sources']
  if (path.startsWith('/v1/feeds') || path.endsWith('/articles') || /\/feed\.\w+$/.test(path)) return ['articles']
  const m = /^\/v1\/(articles|authors|sources|quotes|tags|corrections)$/.exec(path) ?? /\/(quotes|sources|authors)$/.exec(path)
  return m ? [m[1]!] : []
}

/** The ids of a page's own items (of a list's `data`, or the one resource), without what they embed. */
function itemsOf(body: string): string[] {
  try {
    const { data } = JSON.parse(body) as { data?: unknown }
    const items = Array.isArray(data) ? data : [data]
    return items.flatMap((i) => {
      const id = (i as { id?: unknown } | null)?.id
      return typeof id === 'string' && ID_ONLY.test(id) ? [id] : []
    })
  } catch {
    return []
  }
}

// Representations come from the representation cache as the same string objects, so what
// is derived from them is remembered alongside (bounded by the bytes it keeps alive).
const derived = new LRUCache<string, Validators>({
  maxSize: 16 * 1024 * 1024,
  sizeCalculation: (v, body) => body.length * 2 + v.keys.length * 2 + 64,
})

function validatorsOf(body: string, url: string, etag: string | undefined): Validators {
  let v = derived.get(body)
  if (v === undefined) {
    const ids = new Set(body.match(RESOURCE_ID) ?? [])
    let lastModified: string | null = null
    for (const m of body.matchAll(UPDATED)) if (lastModified === null || m[1]! > lastModified) lastModified = m[1]!
    const named = [...ids].join(' ')
    const items = named.length <= MAX_KEY_BYTES ? '' : [EMBEDS, ...itemsOf(body)].join(' ')
    // Past even that (a page of 1,000 changes), `embeds` alone: every change purges it.
    const keys = named.length <= MAX_KEY_BYTES ? named : items.length <= MAX_KEY_BYTES ? items : EMBEDS
    v = { etag: etag ?? etagOf(body), lastModified, keys }
    derived.set(body, v)
  }
  const collections = collectionKeys(url)
  return collections.length ? { ...v, keys: [...collections, v.keys].filter(Boolean).join(' ') } : v
}

const httpDate = (iso: string) => new Date(iso).toUTCString()

async function httpCache(app: FastifyInstance, opts: HttpCacheOptions) {
  // 1. Validators, conditional requests and caching headers, on the bytes before coding.
  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return payload
    const authenticated = req.headers.authorization !== undefined
    if (reply.statusCode !== 200 || typeof payload !== 'string') {
      if (reply.statusCode >= 400) reply.header('cache-control', 'no-store')
      return payload
    }
    const v = validatorsOf(payload, req.url, reply.getHeader('etag') as string | undefined)
    reply.header('etag', v.etag)
    if (v.lastModified) reply.header('last-modified', httpDate(v.lastModified))
    if (!reply.hasHeader('cache-control')) {
      reply.header('cache-control', authenticated ? 'private, no-store' : opts.publicCacheControl)
    }
    // A shared cache must not hand the public's copy to a key holder (previews), nor one
    // format's copy to a client asking for another.
    addVary(reply, 'Accept', 'Authorization')
    if (v.keys) {
      reply.header('surrogate-key', v.keys)
      reply.header('cache-tag', v.keys.replaceAll(' ', ','))
    }
    const noneMatchHeader = req.headers['if-none-match']
    const ifModifiedSince = req.headers['if-modified-since']
    let matched: string | undefined
    if (noneMatchHeader !== undefined) matched = ifNoneMatch(noneMatchHeader, v.etag)
    else if (ifModifiedSince !== undefined && v.lastModified) {
      const since = Date.parse(ifModifiedSince)
      // HTTP dates have whole seconds.
      if (!Number.isNaN(since) && Math.floor(Date.parse(v.lastModified) / 1000) * 1000 <= since) matched = v.etag
    }
    if (matched === undefined) return payload
    reply.code(304).header('etag', matched)
    reply.removeHeader('content-type')
    reply.removeHeader('content-length')
    return ''
  })

  // 2. Compression, for bodies of 1 KiB and more. Request bodies are not decompressed: a
  // small gzip body must not become a huge one past the body limit.
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: [...CODINGS],
    globalDecompression: false,
    // Quality 4: most of brotli's gain at a small part of its default (11) cost per request.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  })

  // 3. A strong ETag names exact bytes: a coded body gets its own (see core/etag.ts).
  // Compression runs as a route-level hook, so this one is added to each route after it.
  const suffixCoding = async (_req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const coding = reply.getHeader('content-encoding')
    const etag = reply.getHeader('etag')
    if (CODINGS.includes(coding as Coding) && typeof etag === 'string' && etag.startsWith('"')) {
      reply.header('etag', codedEtag(etag, coding as Coding))
    }
    return payload
  }
  app.addHook('onRoute', (route) => {
    route.onSend = [route.onSend ?? []].flat().concat(suffixCoding)
  })
}

export const httpCachePlugin = fp(httpCache, { name: 'byline-http-cache', fastify: '5.x' })
