import t from 'tap'
import { build, type Json } from '../helper.js'

t.test('GET /v1/quotes lists every quote, newest first, each with its source', async (t) => {
  const app = await build(t)
  const res = await app.inject('/v1/quotes?limit=100')
  t.equal(res.statusCode, 200)
  const { data, page } = res.json()
  t.equal(page.total, 22)
  const ids = data.map((q: Json) => q.id)
  t.same(ids, [...ids].sort().reverse(), 'same createdAt, so the id breaks the tie, descending')
  t.same(
    data.map((q: Json) => q.kind).reduce((n: Json, k: string) => ({ ...n, [k]: (n[k] ?? 0) + 1 }), {}),
    { direct: 8, partial: 2, paraphrase: 12 },
  )
})

t.test('GET /v1/quotes/{id}', async (t) => {
  const app = await build(t)
  const [first] = (await app.inject('/v1/quotes?limit=1')).json().data
  const res = await app.inject(`/v1/quotes/${first.id}`)
  t.equal(res.statusCode, 200)
  t.same(res.json().data, first)
  t.match(first, {
    text: "The TTP could not have directly caused these attacks but that still doesn't mean conditions in Pakistan are not sliding rapidly southwards.",
    kind: 'direct',
    cue: 'In the words of',
    source: { slug: 'top-western-diplomat', anonymous: true },
    saidTo: null,
  })
  const missing = await app.inject('/v1/quotes/quo_nothing')
  t.equal(missing.statusCode, 404)
  t.match(missing.headers['content-type'], /^application\/problem\+json/)
  t.match(missing.json(), { status: 404, detail: /quo_nothing/ })
})

t.test('partial quotes are fragments inside the writer\'s sentence', async (t) => {
  const app = await build(t)
  const { data } = (await app.inject('/v1/quotes?limit=100')).json()
  const partial = data.filter((q: Json) => q.kind === 'partial').map((q: Json) => q.text)
  t.same(partial.sort(), [
    'a huge exaggeration',
    'does have enough strong, joint cooperation and works closely, like one organization',
  ])
})
