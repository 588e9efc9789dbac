import type { LightMyRequestResponse } from 'fastify'
import t, { type Test } from 'tap'
import { etagOf } from '../../src/core/etag.js'
import { createKey } from '../../src/core/keys.js'
import { importDocument } from '../../src/resources/articles/importer.js'
import { build, fixtureDocument, testDb, type Json } from '../helper.js'

const SEED_ARTICLE = 'art_01kaxpqqj10zkxjgeck3za6c46'
const SEED_SLUG = 'islamic-militant-threat-grows-in-pakistani-heartland'
const LAHORE = 'tag_01kaxpqqn7ky3sm7kvh40yktab'

function isProblem(t: Test, res: LightMyRequestResponse, status: number, what = '') {
  t.equal(res.statusCode, status, `${what} answers ${status}`)
  t.match(res.headers['content-type'], /^application\/problem\+json/, `${what} is a problem document`)
  t.equal(res.json().status, status, `${what}: status in the body is ${status}`)
  return res.json() as Json
}

const slugs = (res: LightMyRequestResponse) => res.json().data.map((x: Json) => x.slug)

t.test('GET /v1/tags lists the seeded story\'s 14 tags by name, filtered and sorted on request', async (t) => {
  const app = await build(t)
  const res = await app.inject('/v1/tags?limit=100')
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^application\/json/)
  const { data, page } = res.json()
  t.same(page, { limit: 100, nextCursor: null, total: 14 })
  // Names compare by code point: capitals first, so "al Qaeda" comes last.
  t.same(
    data.map((x: Json) => x.name),
    [
      'Afghanistan', 'Islamabad', 'Islamist militancy', 'Kohat', 'Lahore', 'Pakistan', 'Pakistani Taliban (TTP)',
      'Pakistani army', 'Peshawar', 'Punjab', 'Rawalpindi', 'Terrorism', 'Waziristan', 'al Qaeda',
    ],
  )
  t.same(slugs(await app.inject('/v1/tags?type=organization&sort=slug')), ['al-qaeda', 'pakistani-army', 'pakistani-taliban'])
  t.same(slugs(await app.inject('/v1/tags?q=PAKI&sort=-slug')), ['pakistani-taliban', 'pakistani-army', 'pakistan'])
  t.same(slugs(await app.inject('/v1/tags?type=subject&fields=slug')), ['islamist-militancy', 'terrorism'])
  t.same((await app.inject('/v1/tags?type=subject&fields=name')).json().data[0], { id: 'tag_01kaxpqqnhv0pn9y8xv9qx9kea', name: 'Islamist militancy' })

  const first = (await app.inject('/v1/tags?limit=5')).json()
  t.equal(first.data.length, 5)
  t.equal(first.page.total, 14)
  const second = (await app.inject(`/v1/tags?limit=5&cursor=${first.page.nextCursor}`)).json()
  t.same(second.data.map((x: Json) => x.name), ['Pakistan', 'Pakistani Taliban (TTP)', 'Pakistani army', 'Peshawar', 'Punjab'])

  for (const bad of ['type=colour', 'sort=type', 'limit=0', 'include=articles', 'cursor=nonsense', 'unknown=1']) {
    isProblem(t, await app.inject(`/v1/tags?${bad}`), 400, bad)
  }
})

t.test('GET /v1/tags/{idOrSlug} reads one tag by id or slug, with the ETag of its bytes', async (t) => {
  const app = await build(t)
  const bySlug = await app.inject('/v1/tags/lahore')
  t.equal(bySlug.statusCode, 200)
  t.match(bySlug.headers['content-type'], /^application\/json/)
  t.match(bySlug.json().data, { id: LAHORE, slug: 'lahore', name: 'Lahore', type: 'place', version: 1 })
  t.equal(bySlug.headers.etag, etagOf(bySlug.body))
  const byId = await app.inject(`/v1/tags/${LAHORE}`)
  t.equal(byId.statusCode, 200)
  t.equal(byId.body, bySlug.body, 'the same representation, byte for byte')
  t.equal(byId.headers.etag, bySlug.headers.etag)
})

t.test('an unknown tag is a 404 problem, and so are its articles', async (t) => {
  const app = await build(t)
  for (const url of ['/v1/tags/nowhere', '/v1/tags/nowhere/articles']) {
    const problem = isProblem(t, await app.inject(url), 404, url)
    t.match(problem, { title: 'Not Found', instance: url, detail: 'No tag with id or slug "nowhere".' })
  }
})

t.test("GET /v1/tags/{idOrSlug}/articles lists the tag's published stories, newest first", async (t) => {
  const db = testDb(t)
  const lahore = { tags: [{ slug: 'lahore', name: 'Lahore', type: 'place' as const }] }
  importDocument(db, fixtureDocument(1, lahore))
  importDocument(db, fixtureDocument(2))
  importDocument(db, fixtureDocument(3, { ...lahore, status: 'draft' }))
  const app = await build(t, db)

  const res = await app.inject('/v1/tags/lahore/articles')
  t.equal(res.statusCode, 200)
  t.same(slugs(res), ['fixture-story-1', SEED_SLUG], 'the draft and the untagged story are left out')
  t.equal(res.json().page.total, 2)
  t.same(slugs(await app.inject(`/v1/tags/${LAHORE}/articles?author=tucker-reals`)), [SEED_SLUG], 'with the filters of /v1/articles')
  t.same(slugs(await app.inject('/v1/tags/terrorism/articles')), [SEED_SLUG])
  isProblem(t, await app.inject('/v1/tags/lahore/articles?limit=0'), 400, 'a bad page size')
})

t.test('a tag is created, changed and deleted under If-Match', async (t) => {
  const db = testDb(t)
  const app = await build(t, db)
  const as = { authorization: `Bearer ${createKey(db, 'Writer', ['write']).secret}` }
  const payload = { slug: 'karachi', name: 'Karachi', type: 'place' }

  const post = () => app.inject({ method: 'POST', url: '/v1/tags', headers: { ...as, 'idempotency-key': 'karachi-1' }, payload })
  const created = await post()
  t.equal(created.statusCode, 201)
  const tag = created.json().data
  t.match(tag, { ...payload, version: 1 })
  t.match(tag.id, /^tag_[0-9a-z]{26}$/)
  t.equal(created.headers.location, `/v1/tags/${tag.id}`)
  t.equal(created.headers.etag, etagOf(created.body))
  const replay = await post()
  t.equal(replay.statusCode, 201, 'the same Idempotency-Key answers again')
  t.equal(replay.body, created.body, 'with the first answer, not a second tag')
  isProblem(t, await app.inject('/v1/tags/karachi'), 404, 'unused, the public cannot see it')
  isProblem(t, await app.inject({ method: 'POST', url: '/v1/tags', headers: as, payload }), 409, 'a taken slug')

  const patch = (ifMatch: string | undefined, body: Json) =>
    app.inject({ method: 'PATCH', url: '/v1/tags/karachi', headers: ifMatch === undefined ? as : { ...as, 'if-match': ifMatch }, payload: body })
  isProblem(t, await patch(undefined, { name: 'Karachi, Sindh' }), 428, 'no If-Match')
  isProblem(t, await patch(created.headers.etag as string, {}), 400, 'an empty change')
  const same = await patch(created.headers.etag as string, { name: 'Karachi' })
  t.equal(same.statusCode, 200)
  t.equal(same.headers.etag, created.headers.etag, 'a change that changes nothing keeps the version and the ETag')
  const changed = await patch(created.headers.etag as string, { name: 'Karachi, Sindh', type: 'subject' })
  t.equal(changed.statusCode, 200)
  t.match(changed.json().data, { id: tag.id, slug: 'karachi', name: 'Karachi, Sindh', type: 'subject', version: 2 })
  t.not(changed.headers.etag, created.headers.etag)
  const stale = isProblem(t, await patch(created.headers.etag as string, { name: 'Karachi' }), 412, 'a stale ETag')
  t.match(stale.detail, /changed since the ETag/)
  isProblem(t, await patch(changed.headers.etag as string, { slug: 'lahore' }), 409, 'a slug another tag has')

  const remove = (ifMatch: string) => app.inject({ method: 'DELETE', url: `/v1/tags/${tag.id}`, headers: { ...as, 'if-match': ifMatch } })
  isProblem(t, await remove(created.headers.etag as string), 412, 'delete with a stale ETag')
  const deleted = await remove(changed.headers.etag as string)
  t.equal(deleted.statusCode, 204)
  t.equal(deleted.body, '')
  isProblem(t, await app.inject({ url: '/v1/tags/karachi', headers: as }), 404, 'gone, even for an editor')
})

t.test('a tag the seeded story carries cannot be deleted: 409 with the story listed', async (t) => {
  const db = testDb(t)
  const app = await build(t, db)
  const as = { authorization: `Bearer ${createKey(db, 'Writer', ['write']).secret}` }
  const current = await app.inject('/v1/tags/terrorism')
  const res = await app.inject({ method: 'DELETE', url: '/v1/tags/terrorism', headers: { ...as, 'if-match': current.headers.etag as string } })
  const problem = isProblem(t, res, 409, 'a tag in use')
  t.equal(problem.detail, '1 article is still tagged "terrorism"; untag them first.')
  t.same(problem.conflicts, [{ resource: 'article', id: SEED_ARTICLE, detail: 'is tagged with this tag' }])
  const after = await app.inject('/v1/tags/terrorism')
  t.equal(after.statusCode, 200, 'still there')
  t.equal(after.body, current.body, 'unchanged')
  t.same(slugs(await app.inject('/v1/tags/terrorism/articles')), [SEED_SLUG])
})
