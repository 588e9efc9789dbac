import t from 'tap'
import { build, type Json } from '../helper.js'

t.test('GET /v1/sources lists the 13 sources, anonymous ones described as the story words them', async (t) => {
  const app = await build(t)
  const res = await app.inject('/v1/sources?limit=100')
  t.equal(res.statusCode, 200)
  const { data, page } = res.json()
  t.equal(page.total, 13)
  t.equal(data.length, 13)
  const bySlug = new Map<string, Json>(data.map((s: Json) => [s.slug, s]))
  t.match(bySlug.get('senior-pakistani-intelligence-official'), {
    name: null,
    anonymous: true,
    kind: 'person',
    description: 'a senior Pakistani intelligence official',
    affiliation: 'Pakistani intelligence',
  })
  t.match(bySlug.get('pakistani-taliban'), { name: 'Pakistani Taliban', anonymous: false, kind: 'organization' })
  t.match(bySlug.get('pakistani-army-officials'), { kind: 'group', anonymous: true })
  for (const s of data) t.equal(s.anonymous, s.name === null, `${s.slug}: anonymous exactly when unnamed`)
})

t.test('GET /v1/sources/{idOrSlug} and its quotes', async (t) => {
  const app = await build(t)
  const res = await app.inject('/v1/sources/senior-western-diplomat')
  t.equal(res.statusCode, 200)
  const source = res.json().data
  t.same((await app.inject(`/v1/sources/${source.id}`)).json(), res.json())

  const quotes = await app.inject('/v1/sources/senior-western-diplomat/quotes')
  t.equal(quotes.statusCode, 200)
  const texts = quotes.json().data.map((q: Json) => q.text)
  t.equal(texts.length, 3)
  t.ok(texts.includes('This is rubbish'))
  t.ok(quotes.json().data.every((q: Json) => q.source.id === source.id))

  for (const path of ['/v1/sources/nobody', '/v1/sources/nobody/quotes']) {
    const missing = await app.inject(path)
    t.equal(missing.statusCode, 404, path)
    t.match(missing.json(), { status: 404, title: 'Not Found' })
  }
  t.equal((await app.inject('/v1/sources?limit=abc')).statusCode, 400)
})
