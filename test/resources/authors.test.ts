import t from 'tap'
import { importDocument } from '../../src/resources/articles/importer.js'
import { build, fixtureDocument, testDb, type Json } from '../helper.js'

t.test('GET /v1/authors lists every credited person by name', async (t) => {
  const app = await build(t)
  const res = await app.inject('/v1/authors')
  t.equal(res.statusCode, 200)
  const { data, page } = res.json()
  t.same(
    data.map((a: Json) => a.name),
    ['Farhan Bokhari', 'K.M. Chaudary', 'Maria Usman', 'Sami Yousafzai', 'Tucker Reals'],
  )
  t.same(page, { limit: 20, nextCursor: null, total: 5 })
})

t.test('GET /v1/authors/{idOrSlug}', async (t) => {
  const app = await build(t)
  const res = await app.inject('/v1/authors/tucker-reals')
  t.equal(res.statusCode, 200)
  const author = res.json().data
  t.match(author, {
    slug: 'tucker-reals',
    name: 'Tucker Reals',
    title: 'foreign editor',
    organization: 'CBS News',
    location: 'London',
    bio: 'Tucker Reals is the foreign editor, based at the CBS News London bureau.',
    version: 1,
  })
  t.same((await app.inject(`/v1/authors/${author.id}`)).json(), res.json())
  const photographer = (await app.inject('/v1/authors/k-m-chaudary')).json().data
  t.match(photographer, { name: 'K.M. Chaudary', organization: 'AP' })

  const missing = await app.inject('/v1/authors/nobody')
  t.equal(missing.statusCode, 404)
  t.match(missing.headers['content-type'], /^application\/problem\+json/)
  t.match(missing.json(), { status: 404, instance: '/v1/authors/nobody', detail: /nobody/ })
})

t.test("GET /v1/authors/{idOrSlug}/articles lists an author's published stories, newest first", async (t) => {
  const db = testDb(t)
  importDocument(db, fixtureDocument(1))
  importDocument(db, fixtureDocument(2))
  importDocument(db, fixtureDocument(3, { status: 'draft' }))
  const app = await build(t, db)
  const reals = await app.inject('/v1/authors/tucker-reals/articles')
  t.equal(reals.statusCode, 200)
  t.same(reals.json().data.map((a: Json) => a.slug), ['islamic-militant-threat-grows-in-pakistani-heartland'])
  const fixture = (await app.inject('/v1/authors/fixture-reporter/articles')).json()
  t.same(fixture.data.map((a: Json) => a.slug), ['fixture-story-2', 'fixture-story-1'])
  t.equal(fixture.page.total, 2)
  t.equal((await app.inject('/v1/authors/nobody/articles')).statusCode, 404)
  t.equal((await app.inject('/v1/authors/tucker-reals/articles?limit=0')).statusCode, 400)
})
