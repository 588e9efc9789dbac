import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import formatsPlugin from 'ajv-formats'
import type { FastifyReply } from 'fastify'
import t, { type Test } from 'tap'
import { seedDocument } from '../../seed/load.js'
import { buildApp } from '../../src/app.js'
import { createKey } from '../../src/core/keys.js'
import { articleJson } from '../../src/resources/articles/queries.js'
import { chooseFormat, preferredType, varyOnAccept } from '../../src/resources/articles/formats/negotiate.js'
import { originOf } from '../../src/core/html.js'
import { importDocument } from '../../src/resources/articles/importer.js'
import { publicView } from '../../src/core/visibility.js'
import { Problem } from '../../src/core/problem.js'
import { build, fixtureDocument, testDb, type Json } from '../helper.js'

const seed = seedDocument()
const SEED = `/v1/articles/${seed.slug}`
const NINJS = 'application/ninjs+json'
const JSONLD = 'application/ld+json'
const OFFERED = ['application/json', NINJS, JSONLD]

// A CommonJS module: under NodeNext its default import is the module, the plugin is on it.
const addFormats = formatsPlugin.default

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'))

// IPTC's schema as published (vendored unchanged, with the GeoJSON schema it references, so
// no network is needed). Ajv's default strictness: `strict: true` would add strictRequired,
// which IPTC's `oneOf: [{ required: [...] }]` pattern trips although it is valid JSON Schema.
const ajv = new Ajv2020({ allErrors: true })
addFormats(ajv)
ajv.addSchema(fixture('GeoJSON-schema.json'))
ajv.addSchema(fixture('ninjs-schema_3.1.json'))
const validateNinjs = ajv.getSchema('http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json')!

function isNinjs(t: Test, doc: unknown, name = 'valid ninjs 3.1') {
  const ok = validateNinjs(doc)
  t.ok(ok, `${name}: ${ajv.errorsText(validateNinjs.errors)}`)
}

/** The text content of each top-level element of the ninjs HTML body. */
const blocksOf = (html: string) =>
  html.split('\n').map((el) =>
    el
      .replace(/<[^>]*>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  )

async function withKeys(t: Test, start = '2026-03-01T12:00:00.000Z') {
  const db = testDb(t)
  let now = new Date(start)
  const app = await buildApp({ db, clock: () => now })
  t.teardown(() => app.close())
  await app.ready()
  const writer = createKey(db, 'n', ['write'])
  return { db, app, w: { authorization: `Bearer ${writer.secret}` }, setNow: (iso: string) => (now = new Date(iso)) }
}

t.test('ninjs of the seeded story is valid IPTC ninjs 3.1 and carries its quotes', async (t) => {
  const app = await build(t)
  const json = (await app.inject(SEED)).json().data as Json
  const res = await app.inject(`${SEED}?format=ninjs`)
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'application/ninjs+json; charset=utf-8')
  t.match(res.headers.vary, /\bAccept\b/)
  t.match(res.headers.etag, /^"[\w-]+"$/)
  const doc = res.json() as Json
  isNinjs(t, doc)

  t.equal(doc.uri, `http://localhost/v1/articles/${seed.id}`)
  t.match(doc, {
    type: 'text',
    version: '1',
    pubStatus: 'usable',
    language: 'en',
    firstCreated: json.createdAt,
    versionCreated: json.updatedAt,
    headlines: [{ role: 'main', value: json.headline }],
    by: 'Tucker Reals; Sami Yousafzai, Farhan Bokhari',
    infoSources: [{ name: 'CBS News', role: 'publisher' }],
    standard: { name: 'ninjs', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#' },
  })
  t.notOk('embargoedUntil' in doc, 'a published story is not embargoed')
  t.notOk('copyrightHolder' in doc || 'usageTerms' in doc, 'rights are not stored, so not claimed')
  t.same(
    doc.people.filter((p: Json) => p.rel !== 'about').map((p: Json) => [p.name, p.rel]),
    [
      ['Tucker Reals', 'byline'],
      ['Sami Yousafzai', 'reporter'],
      ['Farhan Bokhari', 'reporter'],
      ['Maria Usman', 'producer'],
      ['K.M. Chaudary', 'photographer'],
    ],
  )
  const tagsOf = (type: string) => json.tags.filter((tag: Json) => tag.type === type).map((tag: Json) => tag.name)
  t.same(doc.places.map((p: Json) => p.name), tagsOf('place'))
  t.same(doc.organisations.map((p: Json) => p.name), tagsOf('organization'))
  t.same(doc.subjects.map((p: Json) => p.name), tagsOf('subject'))
  t.equal(doc.places.length + doc.organisations.length + doc.subjects.length, 14)

  const [body] = doc.bodies
  t.match(body, { role: 'main', contentType: 'text/html', wordCount: 787 })
  t.same(blocksOf(body.value), json.body.map((b: Json) => b.text), 'one element per block, its text unchanged')
  t.match(body.value, / &quot;This is rubbish,&quot; the diplomat told Bokhari\. /)

  const [photo, ...rest] = doc.associations
  t.match(photo, { rel: 'photo', type: 'picture', by: 'AP Photo/K.M. Chaudary', uri: `${doc.uri}#photo-1` })
  const quotes = rest.filter((a: Json) => a.rel === 'quote')
  t.equal(quotes.length, 22, 'every quote travels')
  t.equal(rest.length, 22)
  const blocks = json.body.map((b: Json) => b.text)
  json.quotes.forEach((q: Json, i: number) => {
    const a = quotes[i]
    t.equal(a.uri, `http://localhost/v1/quotes/${q.id}`)
    t.same(a.bodies, [{ role: 'main', contentType: 'text/plain', value: q.text }])
    t.equal(a.genres[0].literal, q.kind)
    const party = [...(a.people ?? []), ...(a.organisations ?? [])]
    t.same(party, [{ name: q.source.name ?? q.source.description, rel: 'speaker', uri: `http://localhost/v1/sources/${q.source.id}`, literal: q.source.slug }])
    t.equal(a.people !== undefined, q.source.kind === 'person', 'persons are people, organizations and groups organisations')
    const { block, start, end } = Object.fromEntries(new URLSearchParams(a.altIds[0].value))
    t.equal(a.altIds[0].role, 'location')
    t.same([Number(block), Number(start), Number(end)], [q.location.block, q.location.start, q.location.end])
    t.equal(blocks[Number(block)].slice(Number(start), Number(end)), q.text, 'the offsets point at the words')
  })
  const rubbish = quotes.find((a: Json) => a.bodies[0].value === 'This is rubbish')
  t.same(rubbish.people, [
    { name: 'a senior Western diplomat', rel: 'speaker', uri: rubbish.people[0].uri, literal: 'senior-western-diplomat' },
  ])
  t.equal(rubbish.genres[0].literal, 'direct')

  // The same bytes come from the cache the second time.
  t.equal((await app.inject(`${SEED}?format=ninjs`)).body, res.body)
})

t.test('the Byline profile schema narrows ninjs and the seeded story meets it', async (t) => {
  const app = await build(t)
  const doc = (await app.inject(`${SEED}?format=ninjs`)).json() as Json
  const res = await app.inject(doc.profile.replace('http://localhost', ''))
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'application/schema+json; charset=utf-8')
  const profile = res.json() as Json
  t.equal(profile.$id, doc.profile)
  const withProfile = new Ajv2020({ allErrors: true })
  addFormats(withProfile)
  withProfile.addSchema(fixture('GeoJSON-schema.json'))
  withProfile.addSchema(fixture('ninjs-schema_3.1.json'))
  const validate = withProfile.compile(profile)
  t.ok(validate(doc), withProfile.errorsText(validate.errors))
  const broken = structuredClone(doc)
  const quote = broken.associations.find((a: Json) => a.rel === 'quote')
  quote.altIds = [{ role: 'location', value: '3:10-45' }]
  delete quote.people
  delete quote.organisations
  t.notOk(validate(broken), 'a quote without a speaker or with a malformed location is refused')
  t.ok(validateNinjs(broken), '(while bare ninjs has no opinion)')
})

t.test('an embargoed story is previewed by write keys with embargoedUntil, until the embargo lifts', async (t) => {
  const { db, app, w, setNow } = await withKeys(t, '2998-12-31T00:00:00.000Z')
  importDocument(db, fixtureDocument(5, { publishedAt: '2999-01-01T00:00:00.000Z' }))
  const url = '/v1/articles/fixture-story-5?format=ninjs'
  t.equal((await app.inject(url)).statusCode, 404, 'the public does not see it')
  t.equal((await app.inject({ url: '/v1/articles/fixture-story-5', headers: { accept: JSONLD } })).statusCode, 404)
  const res = await app.inject({ url, headers: w })
  t.equal(res.statusCode, 200)
  const doc = res.json() as Json
  isNinjs(t, doc)
  t.equal(doc.embargoedUntil, '2999-01-01T00:00:00.000Z')
  t.equal(doc.pubStatus, 'usable')
  t.equal(doc.associations.length, 1)
  t.equal((await app.inject({ url, headers: w })).json().embargoedUntil, '2999-01-01T00:00:00.000Z', 'cached, still embargoed')

  setNow('2999-01-01T00:00:01.000Z')
  const lifted = (await app.inject({ url, headers: w })).json() as Json
  t.notOk('embargoedUntil' in lifted, 'the cached preview does not outlive the embargo')
  t.notOk('embargoedUntil' in (await app.inject(url)).json(), 'and the public now sees it, without one')
})

t.test('a draft previewed by a write key is withheld', async (t) => {
  const { db, app, w } = await withKeys(t)
  importDocument(db, fixtureDocument(6, { status: 'draft', publishedAt: null }))
  const res = await app.inject({ url: '/v1/articles/fixture-story-6', headers: { ...w, accept: NINJS } })
  t.equal(res.statusCode, 200)
  isNinjs(t, res.json())
  t.equal(res.json().pubStatus, 'withheld')
  t.notOk('embargoedUntil' in res.json())
})

t.test('body text is escaped and only web links are linked', async (t) => {
  const db = testDb(t)
  const text = 'Tom & Jerry said "<b>bold</b> move" at 5 > 4.'
  const document = fixtureDocument(7, {
    body: [
      { type: 'paragraph', text },
      { type: 'related-link', text: 'Safe <link>', url: 'https://news.example/a?b=1&c="2"' },
    ],
    quotes: [{ text: '<b>bold</b> move', kind: 'partial', source: 'fixture-official-7', saidTo: null, channel: null, cue: 'said' }],
  })
  // Stored before writes refused such URLs: output must still never link it.
  document.body.push({ type: 'related-link', text: 'Unsafe', url: 'javascript:alert(1)' })
  importDocument(db, document)
  const app = await build(t, db)
  const doc = (await app.inject('/v1/articles/fixture-story-7?format=ninjs')).json() as Json
  isNinjs(t, doc)
  const html = doc.bodies[0].value as string
  t.equal(
    html,
    [
      '<p>Tom &amp; Jerry said &quot;&lt;b&gt;bold&lt;/b&gt; move&quot; at 5 &gt; 4.</p>',
      '<p class="related-link"><a href="https://news.example/a?b=1&amp;c=&quot;2&quot;">Safe &lt;link&gt;</a></p>',
      '<p class="related-link">Unsafe</p>',
    ].join('\n'),
  )
  const [quote] = doc.associations
  const { block, start, end } = Object.fromEntries(new URLSearchParams(quote.altIds[0].value))
  t.equal(blocksOf(html)[Number(block)]!.slice(Number(start), Number(end)), '<b>bold</b> move', 'offsets apply to the text content')
  const ld = (await app.inject('/v1/articles/fixture-story-7?format=jsonld')).json() as Json
  t.equal(ld.articleBody, text, 'articleBody is the paragraphs, as plain text')
})

t.test('JSON-LD is a schema.org NewsArticle with its quotations', async (t) => {
  const app = await build(t)
  const json = (await app.inject(SEED)).json().data as Json
  const res = await app.inject({ url: SEED, headers: { accept: JSONLD } })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'application/ld+json; charset=utf-8')
  t.match(res.headers.vary, /\bAccept\b/)
  const doc = res.json() as Json
  const uri = `http://localhost/v1/articles/${seed.id}`
  t.match(doc, {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': uri,
    url: uri,
    headline: json.headline,
    inLanguage: 'en',
    dateModified: json.updatedAt,
    publisher: { '@type': 'Organization', name: 'CBS News' },
    wordCount: 787,
  })
  t.notOk('datePublished' in doc, 'the publication time is not known')
  t.same(
    doc.author.map((a: Json) => [a['@type'], a.name, a.jobTitle, a.worksFor?.name]),
    [
      ['Person', 'Tucker Reals', 'foreign editor', 'CBS News'],
      ['Person', 'Sami Yousafzai', 'reporter', 'CBS News'],
      ['Person', 'Farhan Bokhari', 'reporter', 'CBS News'],
    ],
  )
  t.same(doc.contributor.map((a: Json) => [a.name, a.jobTitle]), [
    ['Maria Usman', 'producer'],
    ['K.M. Chaudary', 'photographer'],
  ])
  t.same(doc.image, [{ '@type': 'ImageObject', creditText: 'AP Photo/K.M. Chaudary' }])
  t.equal(doc.articleBody, json.body.filter((b: Json) => b.type === 'paragraph').map((b: Json) => b.text).join('\n\n'))
  t.equal(doc.keywords.length, 14)
  t.match(doc.about, [{ '@type': 'Place', name: 'Pakistan' }])
  t.same(new Set(doc.about.map((a: Json) => a['@type'])), new Set(['Place', 'Organization', 'Thing']))

  const quotations = doc.hasPart.filter((p: Json) => p['@type'] === 'Quotation')
  t.equal(quotations.length, 22)
  t.same(quotations.map((q: Json) => q.text), json.quotes.map((q: Json) => q.text))
  for (const [i, q] of quotations.entries()) {
    const source = json.quotes[i].source
    t.same(q.creator, q.spokenByCharacter)
    t.equal(q.creator['@type'], source.kind === 'person' ? 'Person' : 'Organization')
    t.equal(q.creator.description, source.description)
    t.equal(q.creator.name, source.name ?? undefined, 'anonymous sources have no name')
  }
  const rubbish = quotations.find((q: Json) => q.text === 'This is rubbish')
  t.same(rubbish.creator, {
    '@type': 'Person',
    '@id': rubbish.creator['@id'],
    description: 'a senior Western diplomat',
  })
  t.notOk('correction' in doc, 'no corrections yet')
})

t.test('a published correction reaches ninjs and JSON-LD', async (t) => {
  const { app, w } = await withKeys(t)
  const before = await app.inject(SEED)
  const note = 'An earlier version misspelt the headline.'
  const patch = await app.inject({
    method: 'PATCH',
    url: `/v1/articles/${seed.id}`,
    headers: { ...w, 'if-match': before.headers.etag as string },
    payload: { headline: 'Islamic Militant Threat Grows in the Pakistani Heartland', correction: { kind: 'correction', note } },
  })
  t.equal(patch.statusCode, 200, patch.body)
  const { createdAt } = patch.json().data.corrections[0]
  const ld = (await app.inject(`${SEED}?format=jsonld`)).json() as Json
  t.same(ld.correction, [{ '@type': 'CorrectionComment', text: note, datePublished: createdAt }])
  t.equal(ld.headline, 'Islamic Militant Threat Grows in the Pakistani Heartland')
  const ninjs = (await app.inject(`${SEED}?format=ninjs`)).json() as Json
  isNinjs(t, ninjs)
  t.equal(ninjs.version, '2')
  t.same(ninjs.descriptions, [{ role: 'correction', value: note }])
})

t.test('the representation follows ?format=, then Accept', async (t) => {
  const app = await build(t)
  const cases: [string, Record<string, string>, string][] = [
    ['?format=ninjs', {}, NINJS],
    ['?format=jsonld', {}, JSONLD],
    ['?format=json', { accept: NINJS }, 'application/json'],
    ['', { accept: NINJS }, NINJS],
    ['', { accept: JSONLD }, JSONLD],
    ['', { accept: 'application/json;q=0.5, application/ld+json;q=0.9' }, JSONLD],
    ['', { accept: 'application/json, application/ld+json' }, 'application/json'],
    ['', { accept: 'text/html, application/xhtml+xml, */*;q=0.8' }, 'application/json'],
    ['', { accept: '*/*' }, 'application/json'],
    ['', { accept: 'application/*' }, 'application/json'],
    ['', { accept: '*/*, application/ninjs+json;q=0' }, 'application/json'],
    ['', { accept: 'application/json;q=0, */*' }, NINJS],
    ['', { accept: '' }, 'application/json'],
    ['?format=ninjs', { accept: 'text/html' }, NINJS],
  ]
  for (const [query, headers, type] of cases) {
    const res = await app.inject({ url: `${SEED}${query}`, headers })
    t.equal(res.statusCode, 200, `${query} ${JSON.stringify(headers)}`)
    t.equal(res.headers['content-type'], `${type}; charset=utf-8`, `${query} ${JSON.stringify(headers)} is ${type}`)
    t.match(res.headers.vary, /\bAccept\b/)
  }
})

t.test('Vary gains Accept and keeps what others put there', async (t) => {
  const headers: Record<string, unknown> = {}
  const reply = {
    getHeader: (name: string) => headers[name],
    header(name: string, value: unknown) {
      headers[name] = value
      return reply
    },
  } as unknown as FastifyReply
  varyOnAccept(reply)
  t.equal(headers.vary, 'Accept')
  headers.vary = 'Origin'
  varyOnAccept(reply)
  t.equal(headers.vary, 'Origin, Accept', 'CORS with a list of origins varies on Origin')
  varyOnAccept(reply)
  t.equal(headers.vary, 'Origin, Accept', 'named once')
  headers.vary = '*'
  varyOnAccept(reply)
  t.equal(headers.vary, '*')
})

t.test('the JSON stays byte for byte what it was', async (t) => {
  const db = testDb(t)
  const app = await build(t, db)
  const expected = articleJson(db, publicView(), seed.slug)
  for (const headers of [{}, { accept: '*/*' }, { accept: 'application/json' }, { accept: 'application/json; charset=utf-8' }]) {
    const res = await app.inject({ url: SEED, headers })
    t.equal(res.body, expected, JSON.stringify(headers))
    t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
  }
  const etags = new Set<unknown>()
  for (const query of ['', '?format=json', '?format=ninjs', '?format=jsonld']) etags.add((await app.inject(`${SEED}${query}`)).headers.etag)
  t.equal(etags.size, 3, 'each representation has its own entity tag; ?format=json is the JSON')
})

t.test('what is not offered is a 406 problem that lists what is', async (t) => {
  const app = await build(t)
  for (const [query, headers, where] of [
    ['', { accept: 'text/html' }, 'header'],
    ['', { accept: 'application/xml' }, 'header'],
    ['', { accept: 'application/ld+json;q=0' }, 'header'],
    ['?format=xml', {}, 'query'],
    ['?format=NINJS', {}, 'query'],
  ] as const) {
    const res = await app.inject({ url: `${SEED}${query}`, headers })
    t.equal(res.statusCode, 406, `${query} ${JSON.stringify(headers)}`)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.match(res.headers.vary, /\bAccept\b/)
    const problem = res.json() as Json
    t.match(problem, { status: 406, title: 'Not Acceptable', errors: [{ in: where }] })
    for (const type of OFFERED) t.match(problem.detail, type)
  }
  const long = await app.inject(`${SEED}?format=${'x'.repeat(41)}`)
  t.equal(long.statusCode, 400, 'an absurd format is a bad request')
  t.equal((await app.inject(`${SEED}?format=ninjs&other=1`)).statusCode, 400, 'unknown parameters are still refused')
})

t.test('missing and withdrawn stories answer as the JSON does, in every format', async (t) => {
  const db = testDb(t)
  const app = await build(t, db)
  for (const query of ['', '?format=ninjs', '?format=jsonld']) {
    const res = await app.inject(`/v1/articles/no-such-story${query}`)
    t.equal(res.statusCode, 404, query)
    t.match(res.json(), { status: 404, detail: 'No article with id or slug "no-such-story".' })
    t.match(res.headers.vary, /\bAccept\b/)
  }
  for (const query of ['?format=ninjs', '?format=jsonld']) t.equal((await app.inject(`${SEED}${query}`)).statusCode, 200)
  db.$client.prepare("update articles set status = 'withdrawn'").run()
  for (const query of ['', '?format=ninjs', '?format=jsonld']) {
    const res = await app.inject(`${SEED}${query}`)
    t.equal(res.statusCode, 410, `${query}: the cached document is not served after the withdrawal`)
    t.match(res.json(), { status: 410 })
  }
})

t.test('absolute URIs name the host asked, and each host has its own cache entry', async (t) => {
  const app = await build(t)
  const at = (host: string, format: string) => app.inject({ url: `${SEED}?format=${format}`, headers: { host } })
  t.equal((await at('news.example', 'ninjs')).json().uri, `http://news.example/v1/articles/${seed.id}`)
  t.equal((await at('api.example:8443', 'ninjs')).json().uri, `http://api.example:8443/v1/articles/${seed.id}`)
  t.equal((await at('news.example', 'jsonld')).json()['@id'], `http://news.example/v1/articles/${seed.id}`)
  t.equal((await at('localhost', 'jsonld')).json()['@id'], `http://localhost/v1/articles/${seed.id}`)
  const bad = await at('evil.example/"><script>', 'ninjs')
  t.equal(bad.statusCode, 400)
  t.equal((await at('evil.example/x', 'json')).statusCode, 200, 'the JSON names no host')
})

t.test('Accept negotiation', async (t) => {
  const pick = (accept: string) => preferredType(accept, OFFERED)
  t.equal(pick('application/*;q=0.2, application/ld+json;q=0.1'), 'application/json', 'a specific range overrides a wildcard')
  t.equal(pick('application/*;q=0.2, application/json;q=0.1'), NINJS, '... both ways')
  t.equal(pick('application/ld+json;q=0.9, application/ninjs+json;q=0.9'), JSONLD, 'equal weights: the first named')
  t.equal(pick('*/*;q=0.5, application/ninjs+json;q=0.5'), NINJS, 'equal weights: the more specific')
  t.equal(pick('application/ld+json;charset=UTF-8'), JSONLD, 'UTF-8 is what we send')
  t.equal(pick('application/ld+json;charset=latin1'), null, 'another charset is not')
  t.equal(pick('application/ld+json;profile="https://www.w3.org/ns/activitystreams"'), null, 'nor a profile we do not follow')
  t.equal(pick('text/*, image/png'), null)
  t.equal(pick('application/json;q=0.001'), 'application/json')

  t.equal(chooseFormat(undefined, undefined), 'json')
  t.equal(chooseFormat('jsonld', 'text/html'), 'jsonld')
  const refusal = (format: string | undefined, accept: string | undefined) => {
    try {
      return chooseFormat(format, accept)
    } catch (err) {
      return err
    }
  }
  t.ok(refusal(undefined, 'text/html') instanceof Problem)
  t.match(refusal(undefined, 'text/html'), { status: 406, detail: /^Accept names none/, extra: { errors: [{ in: 'header', parameter: 'accept' }] } })
  t.match(refusal('rss', undefined), { status: 406, detail: /^The format "rss" is not offered/, extra: { errors: [{ in: 'query', parameter: 'format' }] } })

  t.equal(originOf('https', 'News.Example:443'), 'https://news.example')
  t.equal(originOf('http', '[::1]:3000'), 'http://[::1]:3000')
  t.equal(originOf('http', 'a b'), undefined)
  t.equal(originOf('http', undefined), undefined)
})
