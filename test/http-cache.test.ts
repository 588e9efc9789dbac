import t from 'tap'
import { seedDocument } from '../seed/load.js'
import { buildApp } from '../src/app.js'
import { createKey } from '../src/core/keys.js'
import { testDb, type Json } from './helper.js'

const seed = seedDocument()

// One public read of every kind of resource, list and feed.
const READS = [
  `/v1/articles/${seed.slug}`,
  '/v1/articles',
  `/v1/articles/${seed.slug}/quotes`,
  '/v1/authors/farhan-bokhari',
  '/v1/authors',
  '/v1/sources/senior-western-diplomat',
  '/v1/sources',
  `/v1/quotes/${seed.quotes[0]!.id}`,
  '/v1/quotes',
  '/v1/tags/lahore',
  '/v1/tags/lahore/articles',
  '/v1/search?q=Taliban',
  '/v1/corrections',
  '/v1/feeds/articles.atom',
]

t.test('every public read: validators, 304s, cache and CDN headers', async (t) => {
  const db = testDb(t)
  const app = await buildApp({ db })
  t.teardown(() => app.close())
  const { secret } = createKey(db, 'Reader', ['read'])
  for (const url of READS) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 200, url)
    const etag = res.headers.etag as string
    t.match(etag, /^"[A-Za-z0-9_-]{27}"$/, `${url}: a strong ETag`)
    t.equal(res.headers['cache-control'], 'public, max-age=60, stale-while-revalidate=300', `${url}: cacheable`)
    t.match(res.headers.vary, /Accept, Authorization/, `${url}: varies by format and key`)
    t.match(res.headers['surrogate-key'], /\b(art|aut|src|quo|tag)_[0-9a-z]{26}\b|^corrections$/, `${url}: surrogate keys`)
    t.equal(res.headers['cache-tag'], String(res.headers['surrogate-key']).replaceAll(' ', ','))
    t.equal(res.headers['x-content-type-options'], 'nosniff')
    t.match(res.headers['content-security-policy'], /default-src 'none'/)

    const again = await app.inject({ url, headers: { 'if-none-match': etag } })
    t.equal(again.statusCode, 304, `${url}: If-None-Match`)
    t.equal(again.body, '')
    t.equal(again.headers.etag, etag)
    t.equal((await app.inject({ url, headers: { 'if-none-match': `W/${etag}, "other"` } })).statusCode, 304, `${url}: weak comparison`)
    t.equal((await app.inject({ url, headers: { 'if-none-match': '"other"' } })).statusCode, 200)
    t.equal((await app.inject({ method: 'HEAD', url, headers: { 'if-none-match': etag } })).statusCode, 304, `${url}: HEAD too`)

    const lastModified = res.headers['last-modified'] as string | undefined
    if (lastModified) {
      t.equal((await app.inject({ url, headers: { 'if-modified-since': lastModified } })).statusCode, 304, `${url}: If-Modified-Since`)
      const before = new Date(Date.parse(lastModified) - 1000).toUTCString()
      t.equal((await app.inject({ url, headers: { 'if-modified-since': before } })).statusCode, 200)
    }

    const keyed = await app.inject({ url, headers: { authorization: `Bearer ${secret}` } })
    t.equal(keyed.headers['cache-control'], 'private, no-store', `${url}: a keyed answer stays out of shared caches`)
  }
})

t.test('compressed bodies get their own ETag; small ones are sent as they are', async (t) => {
  const app = await buildApp({ db: testDb(t) })
  t.teardown(() => app.close())
  const url = `/v1/articles/${seed.slug}`
  const plain = await app.inject(url)
  for (const coding of ['br', 'gzip']) {
    const res = await app.inject({ url, headers: { 'accept-encoding': coding } })
    t.equal(res.headers['content-encoding'], coding)
    t.ok(res.rawPayload.length < plain.rawPayload.length / 3, `${coding}: ${plain.rawPayload.length} → ${res.rawPayload.length} bytes`)
    const etag = res.headers.etag as string
    t.equal(etag, `${(plain.headers.etag as string).slice(0, -1)}-${coding}"`)
    t.match(res.headers.vary, /accept-encoding/i)
    t.equal((await app.inject({ url, headers: { 'accept-encoding': coding, 'if-none-match': etag } })).statusCode, 304)
  }
  const small = await app.inject({ url: '/v1/sources/senior-western-diplomat', headers: { 'accept-encoding': 'br' } })
  t.equal(small.headers['content-encoding'], undefined, 'under 1 KiB: not worth coding')
})

t.test('a write changes the ETag, and the event names the keys to purge', async (t) => {
  const db = testDb(t)
  const app = await buildApp({ db })
  t.teardown(() => app.close())
  const { secret } = createKey(db, 'Newsroom', ['write'])
  const page = await app.inject(`/v1/articles/${seed.slug}`)
  const list = await app.inject('/v1/articles')
  const before = ((await app.inject('/v1/changes?limit=1000')).json() as Json).nextToken
  const renamed = await app.inject({
    method: 'PATCH',
    url: '/v1/authors/farhan-bokhari',
    headers: { authorization: `Bearer ${secret}`, 'if-match': '*' },
    payload: { title: 'Senior correspondent' },
  })
  t.equal(renamed.statusCode, 200)
  const event = ((await app.inject(`/v1/changes?since=${before}`)).json() as Json).data[0]
  t.match(event, { type: 'updated', resource: 'author' })
  for (const res of [page, list]) {
    const keys = String(res.headers['surrogate-key']).split(' ')
    t.ok(event.surrogateKeys.some((k: string) => k !== 'embeds' && keys.includes(k)), 'purging the event keys reaches every page that shows the author')
  }
  const after = await app.inject({ url: `/v1/articles/${seed.slug}`, headers: { 'if-none-match': page.headers.etag as string } })
  t.equal(after.statusCode, 200, 'the old ETag no longer matches')
  t.not(after.headers.etag, page.headers.etag)
})

t.test('errors and the changes feed are not cached; a configured policy is used', async (t) => {
  const app = await buildApp({ db: testDb(t), publicCacheControl: 'public, max-age=5' })
  t.teardown(() => app.close())
  t.equal((await app.inject('/v1/authors/nobody')).headers['cache-control'], 'no-store')
  t.equal((await app.inject('/v1/changes')).headers['cache-control'], 'no-store')
  t.equal((await app.inject('/v1/authors')).headers['cache-control'], 'public, max-age=5')
  const docs = await app.inject('/docs/')
  t.equal(docs.statusCode, 200)
  t.match(docs.headers['content-security-policy'], /script-src 'self'/, 'the docs carry a policy that lets them run')
})

t.test('with PUBLIC_URL set, absolute links ignore the Host header', async (t) => {
  const app = await buildApp({ db: testDb(t), publicOrigin: 'https://api.example.com' })
  t.teardown(() => app.close())
  const url = `/v1/articles/${seed.slug}?format=jsonld`
  const a = await app.inject({ url, headers: { host: 'evil.example' } })
  const b = await app.inject({ url, headers: { host: 'other.example' } })
  t.equal(a.json()['@id'], `https://api.example.com/v1/articles/${seed.id}`)
  t.equal(a.body, b.body, 'one representation, whatever the Host')
  const feed = await app.inject({ url: '/v1/feeds/articles.json', headers: { host: 'evil.example' } })
  t.equal(feed.json().feed_url, 'https://api.example.com/v1/feeds/articles.json')
})
