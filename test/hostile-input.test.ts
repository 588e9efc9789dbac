// Inputs the fuzzer found accepted or answered outside the contract, each pinned down.
import t from 'tap'
import { createKey } from '../src/core/keys.js'
import { build, fixtureDocument, testDb, type Json } from './helper.js'

t.test('a body holding half a UTF-16 surrogate pair is refused, not stored as U+FFFD', async (t) => {
  const db = testDb(t)
  const app = await build(t, db)
  const { secret } = createKey(db, 'writer', ['write'])
  const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }
  const doc = fixtureDocument(1)
  // The escape travels as six ASCII characters; JSON.parse turns it into a lone surrogate.
  const text = JSON.stringify({ ...doc, headline: 'Before X after' }).replace('X', '\\ud800')
  const res = await app.inject({ method: 'POST', url: '/v1/articles', headers, payload: text })
  t.equal(res.statusCode, 400)
  t.match(res.json(), { status: 400, errors: [{ in: 'body', pointer: '/headline' }] })
  t.equal((await app.inject('/v1/articles/fixture-story-1')).statusCode, 404, 'nothing was written')

  const key = JSON.stringify({ name: 'Tag', slug: 'tag', type: 'subject', odd: 1 }).replace('odd', '\\udc00')
  const badKey = await app.inject({ method: 'POST', url: '/v1/tags', headers, payload: key })
  t.match(badKey.json(), { status: 400, errors: [{ pointer: '/\udc00' }] }, 'property names are text too')

  // A whole pair is ordinary text.
  const paired = JSON.stringify({ ...doc, headline: 'Before X after' }).replace('X', '\\ud83d\\udcf0')
  const ok = await app.inject({ method: 'POST', url: '/v1/articles', headers, payload: paired })
  t.equal(ok.statusCode, 201)
  t.equal((ok.json() as Json).data.headline, 'Before 📰 after')
})

t.test('health and readiness answer whatever Authorization a proxy adds', async (t) => {
  const app = await build(t)
  for (const url of ['/health', '/ready']) {
    for (const authorization of ['Bearer byl_forged', 'Basic dXNlcjpwYXNz']) {
      const res = await app.inject({ url, headers: { authorization } })
      t.equal(res.statusCode, 200, `${url} with ${authorization.split(' ')[0]}`)
    }
  }
  t.equal((await app.inject({ url: '/v1/articles', headers: { authorization: 'Bearer byl_forged' } })).statusCode, 401, 'the API still refuses a bad key')
})

t.test('a webhook URL on port 0 is refused', async (t) => {
  const db = testDb(t)
  const app = await build(t, db)
  const { secret } = createKey(db, 'admin', ['admin'])
  const res = await app.inject({
    method: 'POST',
    url: '/v1/webhooks',
    headers: { authorization: `Bearer ${secret}` },
    payload: { url: 'http://example.com:0/hook', events: ['*'] },
  })
  t.equal(res.statusCode, 400)
  t.match(res.json(), { errors: [{ pointer: '/url', detail: /port 0/ }] })
})
