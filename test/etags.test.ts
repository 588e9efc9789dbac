// Conditional requests as real clients make them: Node's fetch asks for br and gzip on every
// request, so what it reads back is the ETag of a coded body.
import t, { type Test } from 'tap'
import { seedDocument } from '../seed/load.js'
import { buildApp } from '../src/app.js'
import { createKey } from '../src/core/keys.js'
import { ifMatch, ifNoneMatch } from '../src/core/etag.js'
import { testDb } from './helper.js'

const seed = seedDocument()

async function listening(t: Test) {
  const db = testDb(t)
  const { secret } = createKey(db, 'Editor', ['write'])
  const app = await buildApp({ db })
  t.teardown(() => app.close())
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  const auth = { authorization: `Bearer ${secret}` }
  const patch = (path: string, ifMatch: string, body: object) =>
    fetch(`${url}${path}`, { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json', 'if-match': ifMatch }, body: JSON.stringify(body) })
  const remove = (path: string, ifMatch: string) => fetch(`${url}${path}`, { method: 'DELETE', headers: { ...auth, 'if-match': ifMatch } })
  return { url, auth, patch, remove }
}

t.test('a story: the ETag fetch reads back is good for If-Match and If-None-Match', async (t) => {
  const { url, auth, patch, remove } = await listening(t)
  const path = `/v1/articles/${seed.slug}`
  const read = await fetch(`${url}${path}`, { headers: auth })
  t.equal(read.status, 200)
  const coding = read.headers.get('content-encoding')!
  t.match(coding, /^(br|gzip)$/, 'fetch asked for a coded body, and got one')
  const etag = read.headers.get('etag')!
  t.match(etag, /^"[A-Za-z0-9_-]{27}-(br|gzip)"$/)
  await read.arrayBuffer()

  const notModified = await fetch(`${url}${path}`, { headers: { ...auth, 'if-none-match': etag } })
  t.equal(notModified.status, 304, 'If-None-Match with the coded ETag')
  t.equal(notModified.headers.get('etag'), etag)

  const weak = await patch(path, `W/${etag}`, { headline: 'Never applied' })
  t.equal(weak.status, 412, 'a weak ETag never satisfies If-Match')
  t.match(await weak.json(), { status: 412, detail: /strong ETags only/ })
  const otherCoding = `${etag.slice(0, -(coding.length + 2))}-${coding === 'br' ? 'gzip' : 'br'}"`
  const otherTag = await patch(path, `"nothing", ${otherCoding}`, { headline: 'Edited through fetch' })
  t.equal(otherTag.status, 200, 'the ETag of another coding of the same bytes is as good, in a list too')
  const edited = (await otherTag.json()) as { data: { headline: string; version: number } }
  t.equal(edited.data.headline, 'Edited through fetch')
  const afterEdit = otherTag.headers.get('etag')!

  const stale = await patch(path, etag, { headline: 'Lost update' })
  t.equal(stale.status, 412, 'the ETag read before the edit is stale')
  await stale.arrayBuffer()

  const again = await fetch(`${url}${path}`, { headers: auth })
  const current = again.headers.get('etag')!
  await again.arrayBuffer()
  t.equal(current, afterEdit, 'the edit answered the ETag a read gives')
  const second = await patch(path, current, { headline: 'Edited twice' })
  t.equal(second.status, 200, 'PATCH with the ETag exactly as received')
  const secondEtag = second.headers.get('etag')!
  await second.arrayBuffer()

  const gone = await remove(path, secondEtag)
  t.equal(gone.status, 204, 'DELETE with the ETag the PATCH answered')
  t.equal((await fetch(`${url}${path}`)).status, 410)
})

t.test('an author and a quote: the same round trip', async (t) => {
  const { url, auth, patch, remove } = await listening(t)
  // A bio long enough to be sent compressed.
  const bio = 'Reports on security and politics across the region. '.repeat(40)
  const created = await fetch(`${url}/v1/authors`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ slug: 'long-bio', name: 'Long Bio', bio }),
  })
  t.equal(created.status, 201)
  await created.arrayBuffer()

  const author = await fetch(`${url}/v1/authors/long-bio`, { headers: auth })
  t.match(author.headers.get('content-encoding'), /^(br|gzip)$/)
  const authorTag = author.headers.get('etag')!
  await author.arrayBuffer()
  t.equal((await patch('/v1/authors/long-bio', `W/${authorTag}`, { title: 'correspondent' })).status, 412, 'weak')
  const changed = await patch('/v1/authors/long-bio', authorTag, { title: 'correspondent' })
  t.equal(changed.status, 200)
  t.equal(((await changed.json()) as { data: { title: string } }).data.title, 'correspondent')
  t.equal((await remove('/v1/authors/long-bio', authorTag)).status, 412, 'stale')
  const fresh = await fetch(`${url}/v1/authors/long-bio`, { headers: auth })
  const freshTag = fresh.headers.get('etag')!
  await fresh.arrayBuffer()
  t.equal((await remove('/v1/authors/long-bio', freshTag)).status, 204)

  // A quote of the seeded story, made long enough to be compressed by a long cue.
  const quotePath = `/v1/quotes/${seed.quotes[0]!.id}`
  const first = await fetch(`${url}${quotePath}`, { headers: auth })
  const firstTag = first.headers.get('etag')!
  await first.arrayBuffer()
  const cue = 'said, in a statement read out to reporters '.repeat(8).trim()
  const lengthened = await patch(quotePath, firstTag, { cue })
  t.equal(lengthened.status, 200)
  await lengthened.arrayBuffer()
  const quote = await fetch(`${url}${quotePath}`, { headers: auth })
  t.match(quote.headers.get('content-encoding'), /^(br|gzip)$/)
  const quoteTag = quote.headers.get('etag')!
  await quote.arrayBuffer()
  const recued = await patch(quotePath, quoteTag, { cue: 'said' })
  t.equal(recued.status, 200)
  await recued.arrayBuffer()
  t.equal((await remove(quotePath, quoteTag)).status, 412, 'stale')
  const last = await fetch(`${url}${quotePath}`, { headers: auth })
  const lastTag = last.headers.get('etag')!
  await last.arrayBuffer()
  t.equal((await remove(quotePath, lastTag)).status, 204)
})

t.test('the rule: any coding of the current representation; If-Match strong, If-None-Match weak', async (t) => {
  const etag = '"AbC"'
  for (const tag of ['"AbC"', '"AbC-br"', '"AbC-gzip"']) {
    t.ok(ifMatch(tag, etag), `If-Match ${tag}`)
    t.ok(ifMatch(`"old", ${tag}`, etag), `If-Match in a list: ${tag}`)
    t.equal(ifNoneMatch(`W/${tag}`, etag), tag, `If-None-Match W/${tag}`)
  }
  t.ok(ifMatch(' * ', etag))
  t.equal(ifNoneMatch('*', etag), etag)
  for (const header of ['W/"AbC"', 'W/"AbC-br"', '"AbC-deflate"', '"abc"', '"AbC', 'AbC', '"x,AbC"', '']) {
    t.notOk(ifMatch(header, etag), `If-Match ${header}`)
  }
  t.equal(ifNoneMatch('"other", "AbC-gzip"', etag), '"AbC-gzip"')
  // base64url has "-": a digest may end in "-br" without any coding.
  t.ok(ifMatch('"xyz-br"', '"xyz-br"'))
  t.equal(ifNoneMatch('"xyz-br"', '"xyz-br"'), '"xyz-br"')
  t.equal(ifNoneMatch('"xyz"', '"xyz-br"'), undefined)
})

t.test('a client that sends Content-Type: application/json on every request can still DELETE', async (t) => {
  const { url, auth } = await listening(t)
  const json = { ...auth, 'content-type': 'application/json' }
  const created = await fetch(`${url}/v1/authors`, { method: 'POST', headers: json, body: JSON.stringify({ slug: 'short-lived', name: 'Short Lived' }) })
  t.equal(created.status, 201)
  const tag = created.headers.get('etag')!
  await created.arrayBuffer()
  const removed = await fetch(`${url}/v1/authors/short-lived`, { method: 'DELETE', headers: { ...json, 'if-match': tag } })
  t.equal(removed.status, 204, 'no body, whatever the Content-Type says')
  // A write that needs a body is still told it sent none.
  const empty = await fetch(`${url}/v1/authors`, { method: 'POST', headers: json })
  t.equal(empty.status, 400)
  t.match(await empty.json(), { status: 400, detail: /empty/i })
})
