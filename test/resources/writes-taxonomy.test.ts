import type { LightMyRequestResponse } from 'fastify'
import t, { type Test } from 'tap'
import { createKey } from '../../src/core/keys.js'
import { etagOf } from '../../src/core/etag.js'
import { build, testDb, type Json } from '../helper.js'

type Resource = {
  name: 'authors' | 'sources' | 'tags'
  prefix: string
  /** A seeded row that stories still refer to. */
  seeded: string
  /** What a refused delete of `seeded` lists, in order. */
  references: { resource: string; id: string; detail: string }[]
  /** A valid new row; `n` keeps slugs apart. */
  fresh: (n: number) => Json
  /** Well-formed JSON with a value of the wrong type. */
  badTypes: Json[]
  /** A change to make with PATCH. */
  change: Json
  /** Whether the public can read a row no story uses. */
}

const SEED_ARTICLE = 'art_01kaxpqqj10zkxjgeck3za6c46'

const RESOURCES: Resource[] = [
  {
    name: 'authors',
    prefix: 'aut',
    seeded: 'sami-yousafzai',
    references: [
      { resource: 'article', id: SEED_ARTICLE, detail: 'credits this author as reporter' },
      { resource: 'quote', id: 'quo_01kaxpqqjn7vvnvqk28syg3x74', detail: 'was said to this author' },
      { resource: 'quote', id: 'quo_01kaxpqqjsskzyjbnn1tpayvde', detail: 'was said to this author' },
      { resource: 'quote', id: 'quo_01kaxpqqk2nh7f5pc9v35qt6g6', detail: 'was said to this author' },
    ],
    fresh: (n) => ({ slug: `new-author-${n}`, name: `New Author ${n}`, organization: 'Byline' }),
    badTypes: [{ slug: 'x', name: 42 }, { slug: 'Not A Slug', name: 'X' }, { slug: 'x', name: '' }, { name: 'No Slug' }, { slug: 'x', name: 'X', bio: false }],
    change: { title: 'senior correspondent', location: null },
  },
  {
    name: 'sources',
    prefix: 'src',
    seeded: 'senior-western-diplomat',
    references: [
      { resource: 'quote', id: 'quo_01kaxpqqjwt16brhqw0b3tp49s', detail: 'is attributed to this source' },
      { resource: 'quote', id: 'quo_01kaxpqqjx9176g7h1x9mj268d', detail: 'is attributed to this source' },
      { resource: 'quote', id: 'quo_01kaxpqqjy50eq8w37jbnjds91', detail: 'is attributed to this source' },
    ],
    fresh: (n) => ({ slug: `new-source-${n}`, description: `a new official ${n}`, kind: 'person', anonymous: true }),
    badTypes: [
      { slug: 'x', description: 'd', kind: 'person', anonymous: 'yes' },
      { slug: 'x', description: 'd', kind: 'robot', anonymous: true },
      { slug: 'x', description: 7, kind: 'person', anonymous: true },
      { slug: 'x', kind: 'person', anonymous: true },
    ],
    change: { description: 'a very senior Western diplomat', affiliation: 'NATO' },
  },
  {
    name: 'tags',
    prefix: 'tag',
    seeded: 'lahore',
    references: [{ resource: 'article', id: SEED_ARTICLE, detail: 'is tagged with this tag' }],
    fresh: (n) => ({ slug: `new-tag-${n}`, name: `New tag ${n}`, type: 'subject' }),
    badTypes: [{ slug: 'x', name: 'X', type: 'colour' }, { slug: 'x', name: ['X'], type: 'subject' }, { slug: 'x', type: 'subject' }],
    change: { name: 'Lahore, Punjab', type: 'place' },
  },
]

async function setup(t: Test) {
  const db = testDb(t)
  const app = await build(t, db)
  const writer = createKey(db, 'Writer', ['write'])
  const other = createKey(db, 'Other writer', ['write'])
  const reader = createKey(db, 'Reader', ['read'])
  const bearer = (key: { secret: string }) => ({ authorization: `Bearer ${key.secret}` })
  return { db, app, writer, other, reader, bearer, as: bearer(writer) }
}

function isProblem(t: Test, res: LightMyRequestResponse, status: number, what = '') {
  t.equal(res.statusCode, status, `${what} answers ${status}`)
  t.match(res.headers['content-type'], /^application\/problem\+json/, `${what} is a problem document`)
  t.equal(res.json().status, status, `${what}: status in the body is ${status}`)
  return res.json() as Json
}

const rows = (db: ReturnType<typeof testDb>, table: string, where = '1 = 1', ...args: unknown[]) =>
  db.$client.prepare(`select count(*) from ${table} where ${where}`).pluck().get(...args) as number

for (const r of RESOURCES) {
  const path = `/v1/${r.name}`

  t.test(`POST ${path} creates one, readable at its Location with the same ETag`, async (t) => {
    const { app, as } = await setup(t)
    const res = await app.inject({ method: 'POST', url: path, headers: as, payload: r.fresh(1) })
    t.equal(res.statusCode, 201)
    t.match(res.headers['content-type'], /^application\/json/)
    const created = res.json().data
    t.match(created.id, new RegExp(`^${r.prefix}_[0-9a-z]{26}$`))
    t.match(created, { ...r.fresh(1), version: 1 })
    t.equal(created.createdAt, created.updatedAt)
    t.equal(res.headers.location, `${path}/${created.id}`)
    t.equal(res.headers.etag, etagOf(res.body), 'the ETag is that of the bytes sent')

    for (const key of [created.id, created.slug]) {
      const read = await app.inject({ url: `${path}/${key}`, headers: as })
      t.equal(read.statusCode, 200, `an editor reads it by ${key}`)
      t.equal(read.body, res.body, 'the same representation, byte for byte')
      t.equal(read.headers.etag, res.headers.etag)
    }
    const pub = await app.inject(res.headers.location as string)
    isProblem(t, pub, 404, 'the public cannot see it until a published story uses it')
  })

  t.test(`POST ${path} refuses unknown fields, bad types and missing fields with 400`, async (t) => {
    const { app, as, db } = await setup(t)
    const before = rows(db, r.name)
    for (const extra of [{ id: `${r.prefix}_01kaxpqqj2a0g7gm4fyg70hjbc` }, { version: 3 }, { createdAt: '2020-01-01T00:00:00.000Z' }, { nonsense: 1 }]) {
      const res = await app.inject({ method: 'POST', url: path, headers: as, payload: { ...r.fresh(2), ...extra } })
      const problem = isProblem(t, res, 400, `with ${Object.keys(extra)[0]}`)
      t.match(problem.detail, `Unrecognized key: "${Object.keys(extra)[0]}"`)
    }
    for (const bad of r.badTypes) {
      const res = await app.inject({ method: 'POST', url: path, headers: as, payload: bad })
      const problem = isProblem(t, res, 400, JSON.stringify(bad))
      t.ok(problem.errors.every((e: Json) => e.in === 'body' && typeof e.pointer === 'string'), 'each error points into the body')
    }
    const json = { ...as, 'content-type': 'application/json' }
    isProblem(t, await app.inject({ method: 'POST', url: path, headers: json, payload: '[]' }), 400, 'an array')
    isProblem(t, await app.inject({ method: 'POST', url: path, headers: json, payload: '{"slug":' }), 400, 'broken JSON')
    const form = { ...as, 'content-type': 'application/x-www-form-urlencoded' }
    isProblem(t, await app.inject({ method: 'POST', url: path, headers: form, payload: 'slug=x' }), 415, 'a form')
    const text = { ...as, 'content-type': 'text/plain' }
    isProblem(t, await app.inject({ method: 'POST', url: path, headers: text, payload: JSON.stringify(r.fresh(3)) }), 415, 'text/plain')
    const big = JSON.stringify({ ...r.fresh(3), padding: 'x'.repeat(70 * 1024) })
    isProblem(t, await app.inject({ method: 'POST', url: path, headers: { ...as, 'content-type': 'application/json' }, payload: big }), 413, 'a body over 64 KiB')
    isProblem(t, await app.inject({ method: 'POST', url: `${path}?dryRun=true`, headers: as, payload: r.fresh(3) }), 400, 'an unknown query parameter')
    t.equal(rows(db, r.name), before, 'nothing was written')
  })

  t.test(`${path} writes need a key with the write scope`, async (t) => {
    const { app, reader, bearer, db } = await setup(t)
    const before = rows(db, r.name)
    const requests = [
      { method: 'POST' as const, url: path, payload: r.fresh(4) },
      { method: 'PATCH' as const, url: `${path}/${r.seeded}`, payload: r.change },
      { method: 'DELETE' as const, url: `${path}/${r.seeded}` },
    ]
    for (const req of requests) {
      const anonymous = isProblem(t, await app.inject({ ...req, headers: { 'if-match': '*' } }), 401, `${req.method} without a key`)
      t.match(anonymous.detail, /"write" scope/)
      const readOnly = isProblem(t, await app.inject({ ...req, headers: { ...bearer(reader), 'if-match': '*' } }), 403, `${req.method} with a read key`)
      t.match(readOnly.detail, /"Reader" does not have the "write" scope/)
    }
    t.equal(rows(db, r.name), before)
    t.equal(rows(db, r.name, 'version > 1'), 0, 'nothing was changed')
  })

  t.test(`a slug that is taken is a 409, on POST and on PATCH`, async (t) => {
    const { app, as, db } = await setup(t)
    const res = await app.inject({ method: 'POST', url: path, headers: as, payload: { ...r.fresh(5), slug: r.seeded } })
    const problem = isProblem(t, res, 409, 'POST')
    t.match(problem.detail, new RegExp(`"${r.seeded}" already belongs to another`))
    t.equal(rows(db, r.name, 'slug = ?', r.seeded), 1)

    const created = await app.inject({ method: 'POST', url: path, headers: as, payload: r.fresh(5) })
    const patch = await app.inject({
      method: 'PATCH',
      url: created.headers.location as string,
      headers: { ...as, 'if-match': created.headers.etag as string },
      payload: { slug: r.seeded },
    })
    isProblem(t, patch, 409, 'PATCH')
    t.equal((await app.inject({ url: created.headers.location as string, headers: as })).json().data.version, 1, 'unchanged')
  })

  t.test(`PATCH ${path}/{idOrSlug} needs the ETag last read`, async (t) => {
    const { app, as } = await setup(t)
    const url = `${path}/${r.seeded}`
    const read = await app.inject({ url, headers: as })
    t.equal(read.statusCode, 200)
    const etag = read.headers.etag as string
    t.equal(etag, etagOf(read.body), 'GET sends the ETag of its bytes')
    const before = read.json().data

    const missing = isProblem(t, await app.inject({ method: 'PATCH', url, headers: as, payload: r.change }), 428, 'no If-Match')
    t.match(missing.detail, /If-Match/)
    isProblem(t, await app.inject({ method: 'PATCH', url, headers: { ...as, 'if-match': '"stale"' }, payload: r.change }), 412, 'a stale ETag')
    const empty = isProblem(t, await app.inject({ method: 'PATCH', url, headers: { ...as, 'if-match': etag }, payload: {} }), 400, 'an empty change')
    t.match(empty.detail, /at least one field/)
    isProblem(t, await app.inject({ method: 'PATCH', url, headers: { ...as, 'if-match': etag }, payload: { version: 9 } }), 400, 'version')
    isProblem(t, await app.inject({ method: 'PATCH', url, headers: { ...as, 'if-match': etag }, payload: { id: 'x' } }), 400, 'id')
    isProblem(t, await app.inject({ method: 'PATCH', url: `${path}/nobody`, headers: { ...as, 'if-match': '*' }, payload: r.change }), 404, 'unknown')

    const res = await app.inject({ method: 'PATCH', url, headers: { ...as, 'if-match': etag }, payload: r.change })
    t.equal(res.statusCode, 200)
    const after = res.json().data
    t.match(after, { ...r.change, id: before.id, slug: before.slug, createdAt: before.createdAt, version: 2 })
    t.not(after.updatedAt, before.updatedAt)
    t.not(res.headers.etag, etag, 'a new ETag')
    t.equal(res.headers.etag, etagOf(res.body))
    const reread = await app.inject({ url: `${path}/${before.id}`, headers: as })
    t.equal(reread.body, res.body, 'GET now answers what PATCH did')
    t.equal(reread.headers.etag, res.headers.etag)

    isProblem(t, await app.inject({ method: 'PATCH', url, headers: { ...as, 'if-match': etag }, payload: r.change }), 412, 'the old ETag')
    const same = await app.inject({ method: 'PATCH', url, headers: { ...as, 'if-match': `"other", ${res.headers.etag}` }, payload: r.change })
    t.equal(same.statusCode, 200, 'a list of ETags may hold the current one')
    t.equal(same.json().data.version, 2, 'a change that changes nothing makes no new version')
    t.equal(same.headers.etag, res.headers.etag)
    const mergePatch = { ...as, 'if-match': '*', 'content-type': 'application/merge-patch+json' }
    const star = await app.inject({ method: 'PATCH', url, headers: mergePatch, payload: JSON.stringify({ slug: `${r.seeded}-renamed` }) })
    t.equal(star.statusCode, 200, 'If-Match: * takes any version; a merge-patch body is JSON too')
    t.equal(star.json().data.version, 3)
    isProblem(t, await app.inject({ url, headers: as }), 404, 'the old slug')
  })

  t.test(`DELETE ${path}/{idOrSlug}: 409 while referenced, else 204 and then 404`, async (t) => {
    const { app, as, db } = await setup(t)
    const url = `${path}/${r.seeded}`
    isProblem(t, await app.inject({ method: 'DELETE', url, headers: as }), 428, 'no If-Match')
    isProblem(t, await app.inject({ method: 'DELETE', url, headers: { ...as, 'if-match': '"stale"' } }), 412, 'a stale ETag')
    const etag = (await app.inject({ url, headers: as })).headers.etag as string
    const refused = isProblem(t, await app.inject({ method: 'DELETE', url, headers: { ...as, 'if-match': etag } }), 409, 'referenced')
    t.same(refused.conflicts, r.references)
    t.match(refused.detail, new RegExp(r.seeded))
    t.notMatch(refused.detail, /first 100/)
    t.equal(rows(db, r.name, 'slug = ?', r.seeded), 1, 'still there')

    const created = await app.inject({ method: 'POST', url: path, headers: as, payload: r.fresh(6) })
    const location = created.headers.location as string
    const gone = await app.inject({ method: 'DELETE', url: location, headers: { ...as, 'if-match': created.headers.etag as string } })
    t.equal(gone.statusCode, 204)
    t.equal(gone.body, '')
    isProblem(t, await app.inject({ url: location, headers: as }), 404, 'read after delete')
    isProblem(t, await app.inject({ method: 'DELETE', url: location, headers: { ...as, 'if-match': '*' } }), 404, 'delete again')
    isProblem(t, await app.inject({ method: 'PATCH', url: location, headers: { ...as, 'if-match': '*' }, payload: r.change }), 404, 'patch after delete')
    t.equal(rows(db, r.name, 'slug = ?', r.fresh(6).slug), 0)
  })

  t.test(`POST ${path} with an Idempotency-Key writes once`, async (t) => {
    const { app, as, db, other, bearer } = await setup(t)
    const post = (payload: Json, headers: Json = as, key = 'retry-me-1') =>
      app.inject({ method: 'POST', url: path, headers: { ...headers, 'idempotency-key': key }, payload })
    const first = await post(r.fresh(7))
    t.equal(first.statusCode, 201)
    t.notOk(first.headers['idempotent-replayed'])
    // The same fields in another order are the same request.
    const again = await post(Object.fromEntries(Object.entries(r.fresh(7)).reverse()))
    t.equal(again.statusCode, 201)
    t.equal(again.body, first.body, 'the first answer, byte for byte')
    t.equal(again.headers.location, first.headers.location)
    t.equal(again.headers.etag, first.headers.etag)
    t.equal(again.headers['idempotent-replayed'], 'true')
    t.equal(rows(db, r.name, 'slug = ?', r.fresh(7).slug), 1, 'one row')

    const changed = isProblem(t, await post(r.fresh(8)), 422, 'the key with another body')
    t.match(changed.errors, [{ in: 'header', parameter: 'idempotency-key' }])
    t.equal(rows(db, r.name, 'slug = ?', r.fresh(8).slug), 0)

    const theirs = await post(r.fresh(9), bearer(other))
    t.equal(theirs.statusCode, 201, "another API key's identical Idempotency-Key is its own")
    t.not(theirs.json().data.id, first.json().data.id)
    t.equal(rows(db, r.name, 'slug in (?, ?)', r.fresh(7).slug, r.fresh(9).slug), 2, 'two rows')

    // A refusal is not kept: the same key may carry the corrected request.
    const taken = await post({ ...r.fresh(10), slug: r.seeded }, as, 'retry-me-2')
    isProblem(t, taken, 409, 'taken slug')
    t.equal((await post(r.fresh(10), as, 'retry-me-2')).statusCode, 201)
    isProblem(t, await post(r.fresh(11), as, 'not ascii ✗'), 400, 'a key that is not visible ASCII')
  })
}

t.test('a source is anonymous exactly when it has no name: 422, never a 500', async (t) => {
  const { app, as, db } = await setup(t)
  const post = (payload: Json) => app.inject({ method: 'POST', url: '/v1/sources', headers: as, payload })
  const base = { slug: 'someone', description: 'someone', kind: 'person' }
  const named = isProblem(t, await post({ ...base, anonymous: true, name: 'Some One' }), 422, 'anonymous with a name')
  t.match(named.errors, [{ in: 'body', pointer: '/name', detail: /null for an anonymous source/ }])
  const unnamed = isProblem(t, await post({ ...base, anonymous: false }), 422, 'named without a name')
  t.match(unnamed.errors, [{ in: 'body', pointer: '/name', detail: /required for a named source/ }])
  t.equal(rows(db, 'sources', 'slug = ?', 'someone'), 0)

  const created = await post({ ...base, anonymous: false, name: 'Some One', affiliation: 'Acme' })
  t.equal(created.statusCode, 201)
  t.match(created.json().data, { name: 'Some One', anonymous: false, affiliation: 'Acme' })
  const url = created.headers.location as string
  const patch = (payload: Json) => app.inject({ method: 'PATCH', url, headers: { ...as, 'if-match': '*' }, payload })
  t.match(isProblem(t, await patch({ anonymous: true }), 422, 'anonymous, keeping the name').errors, [{ pointer: '/anonymous' }])
  t.match(isProblem(t, await patch({ name: null }), 422, 'no name, still named').errors, [{ pointer: '/name' }])
  const hidden = await patch({ anonymous: true, name: null })
  t.equal(hidden.statusCode, 200)
  t.match(hidden.json().data, { name: null, anonymous: true, version: 2 })
  const indexed = (id: string) => rows(db, 'search_rows', "kind = 'source' and ref = ?", id)
  const id = hidden.json().data.id
  t.equal(indexed(id), 1, 'the full-text index holds the new source')
  t.equal((await app.inject({ method: 'DELETE', url, headers: { ...as, 'if-match': hidden.headers.etag as string } })).statusCode, 204)
  t.equal(indexed(id), 0, 'and lets it go with it')
})

t.test('a refused delete lists at most 100 references and says how many there are', async (t) => {
  const { app, as, db } = await setup(t)
  // 120 more stories tagged lahore, copied from the seeded one.
  const sql = db.$client
  const copy = sql.prepare(`insert into articles (id, slug, headline, standfirst, body, language, status, published_at, publisher, media, notes,
    word_count, created_at, updated_at, version)
    select ?, ?, headline, standfirst, body, language, status, published_at, publisher, media, notes, word_count, created_at, updated_at, version
    from articles where id = ?`)
  const tag = sql.prepare("insert into article_tags (article_id, tag_id, position) select ?, id, 0 from tags where slug = 'lahore'")
  sql.transaction(() => {
    for (let i = 0; i < 120; i++) {
      const id = `art_zz${String(i).padStart(24, '0')}`
      copy.run(id, `copy-${i}`, SEED_ARTICLE)
      tag.run(id)
    }
  })()
  const res = await app.inject({ method: 'DELETE', url: '/v1/tags/lahore', headers: { ...as, 'if-match': '*' } })
  const problem = isProblem(t, res, 409, 'widely used tag')
  t.equal(problem.conflicts.length, 100)
  t.match(problem.detail, /121 articles are still tagged "lahore".*The first 100 are listed\./)
  t.equal(problem.conflicts[0].id, SEED_ARTICLE)
})

t.test("a refused author delete counts credits and quotes said to them, listing 100", async (t) => {
  const { app, as, db } = await setup(t)
  const sql = db.$client
  const columns = sql.prepare('select name from pragma_table_info(?)').pluck().all('quotes') as string[]
  const rest = columns.filter((c) => c !== 'id').join(', ')
  const copy = sql.prepare(`insert into quotes (id, ${rest}) select ?, ${rest} from quotes where id = 'quo_01kaxpqqjn7vvnvqk28syg3x74'`)
  sql.transaction(() => {
    for (let i = 0; i < 120; i++) copy.run(`quo_zz${String(i).padStart(24, '0')}`)
  })()
  const res = await app.inject({ method: 'DELETE', url: '/v1/authors/sami-yousafzai', headers: { ...as, 'if-match': '*' } })
  const problem = isProblem(t, res, 409, 'a much-quoted reporter')
  t.equal(problem.conflicts.length, 100)
  t.same(problem.conflicts[0], { resource: 'article', id: SEED_ARTICLE, detail: 'credits this author as reporter' })
  t.equal(problem.detail, 'The author "sami-yousafzai" still has 1 article credit and 123 quotes said to them; remove those references first. The first 100 are listed.')
})

t.test('the public still sees only sources and tags a published story uses', async (t) => {
  const { app, as } = await setup(t)
  for (const url of ['/v1/sources/senior-western-diplomat', '/v1/tags/lahore', '/v1/authors/tucker-reals']) {
    const pub = await app.inject(url)
    const editor = await app.inject({ url, headers: as })
    t.equal(pub.statusCode, 200, url)
    t.equal(pub.body, editor.body, 'one representation for everyone')
    t.equal(pub.headers.etag, editor.headers.etag)
  }
  const tag = await app.inject({ method: 'POST', url: '/v1/tags', headers: as, payload: { slug: 'unused', name: 'Unused', type: 'subject' } })
  t.equal(tag.statusCode, 201)
  isProblem(t, await app.inject('/v1/tags/unused'), 404, 'public, unused tag')
  isProblem(t, await app.inject('/v1/tags/unused/articles'), 404, 'public, articles of an unused tag')
  const articles = await app.inject({ url: '/v1/tags/unused/articles', headers: as })
  t.equal(articles.statusCode, 200, 'an editor lists its (no) articles')
  t.same(articles.json().data, [])
  t.notOk((await app.inject('/v1/tags')).json().data.some((x: Json) => x.slug === 'unused'), 'nor in the public list')

  // Editors list what they can read: a tag or source made before the story that will use it.
  const source = await app.inject({ method: 'POST', url: '/v1/sources', headers: as, payload: { slug: 'unquoted', description: 'a witness', kind: 'person', anonymous: true } })
  t.equal(source.statusCode, 201)
  for (const [list, slug] of [
    ['/v1/tags?limit=100', 'unused'],
    ['/v1/sources?limit=100', 'unquoted'],
    ['/v1/authors?limit=100', 'unused-author'],
  ] as const) {
    if (slug === 'unused-author') {
      const author = await app.inject({ method: 'POST', url: '/v1/authors', headers: as, payload: { slug, name: 'Unused Author' } })
      t.equal(author.statusCode, 201)
    }
    const editor = (await app.inject({ url: list, headers: as })).json()
    t.ok(editor.data.some((x: Json) => x.slug === slug), `an editor's ${list} lists ${slug}`)
    t.equal(editor.page.total, editor.data.length, 'and counts it')
    t.notOk((await app.inject(list)).json().data.some((x: Json) => x.slug === slug), `the public's does not`)
  }
  const seedSources = (await app.inject({ url: `/v1/articles/${SEED_ARTICLE}/sources?limit=100`, headers: as })).json()
  t.notOk(seedSources.data.some((x: Json) => x.slug === 'unquoted'), "a story's sources stay those it quotes, for editors too")
})
