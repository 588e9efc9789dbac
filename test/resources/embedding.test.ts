// What partners paste into their pages must not break out of it: JSON-LD and ninjs are safe
// inside <script type="application/ld+json">, and links lead only to web pages.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { buildApp } from '../../src/app.js'
import { createKey } from '../../src/core/keys.js'
import type { Block, Media } from '../../src/db/schema.js'
import { importDocument } from '../../src/resources/articles/importer.js'
import { fixtureDocument, testDb, type Json } from '../helper.js'

const HOSTILE = '</script><script>alert(1)</script> & <!-- more'

t.test('JSON-LD and ninjs carry no <, > or &, and parse to the original text', async (t) => {
  const db = testDb(t)
  const filler = 'The council met on Tuesday to discuss the flood wall. '.repeat(40) // over 1 KiB: sent compressed
  importDocument(
    db,
    fixtureDocument(51, {
      headline: `Flood wall ${HOSTILE}`,
      standfirst: `Standfirst ${HOSTILE}`,
      body: [
        { type: 'paragraph', text: `"Quote number 51 stands here," an official said. ${HOSTILE}` },
        { type: 'paragraph', text: filler },
      ],
    }),
  )
  const app = await buildApp({ db })
  t.teardown(() => app.close())
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as { port: number }
  const base = `http://127.0.0.1:${port}/v1/articles/fixture-story-51`

  const requests: [string, RequestInit][] = [
    ['?format=jsonld', {}],
    ['?format=ninjs', {}],
    ['', { headers: { accept: 'application/ld+json' } }],
    ['', { headers: { accept: 'application/ninjs+json' } }],
  ]
  for (const [query, init] of requests) {
    const label = query || JSON.stringify(init.headers)
    // Node's fetch asks for gzip, deflate and br, as a browser does, and decodes the answer.
    const res = await fetch(`${base}${query}`, init)
    t.equal(res.status, 200, label)
    t.match(res.headers.get('content-encoding'), /^(br|gzip)$/, `${label}: sent compressed`)
    const text = await res.text()
    t.notOk(/[<>&]/.test(text), `${label}: no <, > or & in the bytes served`)
    const doc = JSON.parse(text) as Json
    if (doc['@type'] === 'NewsArticle') {
      t.equal(doc.headline, `Flood wall ${HOSTILE}`, `${label}: the same headline once parsed`)
      t.equal(doc.description, `Standfirst ${HOSTILE}`)
      t.match(doc.articleBody, HOSTILE)
    } else {
      t.equal(doc.headlines[0].value, `Flood wall ${HOSTILE}`, `${label}: the same headline once parsed`)
      t.match(doc.bodies[0].value, '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!-- more', 'the HTML body escapes it as HTML')
    }
    // What a partner does with it: the script element ends only where the page ends it.
    const page = `<script type="application/ld+json">${text}</script>`
    t.equal(page.indexOf('</script>'), page.length - '</script>'.length, `${label}: one script element`)
  }
  const json = await fetch(base)
  t.match(json.headers.get('content-type'), /^application\/json/)
})

async function writer(t: Test) {
  const db = testDb(t)
  const app = await buildApp({ db })
  t.teardown(() => app.close())
  await app.ready()
  const { secret } = createKey(db, 'Newsroom', ['write'])
  return { db, app, w: { authorization: `Bearer ${secret}` } }
}

function story(slug: string, over: Json = {}): Json {
  return {
    slug,
    headline: `Story ${slug}`,
    language: 'en',
    status: 'published',
    publishedAt: '2026-02-01T00:00:00.000Z',
    body: [{ type: 'paragraph', text: 'The wall held.' }],
    ...over,
  }
}

const photo = (url: string | null) => ({ kind: 'photo', credit: 'Jane Doe', caption: null, url })
const link = (url: string | null) => ({ type: 'related-link', text: 'Earlier coverage', url })
const UNSAFE = ['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', '/relative/path', '//example.com/no-scheme', 'ftp://example.com/file', 'https://']

function refusedAt(t: Test, res: { statusCode: number; body: string }, pointer: string, label: string) {
  t.equal(res.statusCode, 400, `${label}: ${res.body.slice(0, 200)}`)
  const problem = JSON.parse(res.body) as Json
  t.ok(
    (problem.errors as Json[] | undefined)?.some((e) => e.in === 'body' && e.pointer === pointer),
    `${label}: names ${pointer} (${JSON.stringify(problem.errors)})`,
  )
}

t.test('media and related-link URLs must be absolute http: or https: URLs, on POST and PATCH', async (t) => {
  const { app, w } = await writer(t)
  const post = (payload: Json) => app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload })
  for (const [i, url] of UNSAFE.entries()) {
    refusedAt(t, await post(story(`photo-${i}`, { media: [photo('https://img.example/a.jpg'), photo(url)] })), '/media/1/url', `POST media ${url}`)
    refusedAt(
      t,
      await post(story(`link-${i}`, { body: [{ type: 'paragraph', text: 'The wall held.' }, link(url)] })),
      '/body/1/url',
      `POST link ${url}`,
    )
  }
  const ok = await post(
    story('safe-links', {
      media: [photo('https://img.example/a.jpg?w=800&h=600'), photo('http://img.example/b.jpg'), photo(null)],
      body: [{ type: 'paragraph', text: 'The wall held.' }, link('https://news.example/earlier'), link(null)],
    }),
  )
  t.equal(ok.statusCode, 201, ok.body.slice(0, 300))

  const patch = (payload: Json) =>
    app.inject({ method: 'PATCH', url: '/v1/articles/safe-links', headers: { ...w, 'if-match': '*' }, payload })
  refusedAt(t, await patch({ media: [photo('javascript:alert(1)')] }), '/media/0/url', 'PATCH media')
  refusedAt(t, await patch({ body: [link('data:text/html,hi')] }), '/body/0/url', 'PATCH link')
  t.equal((await patch({ media: [photo('https://img.example/c.jpg')] })).statusCode, 200)
})

t.test('the NDJSON import refuses a javascript: URL, naming it', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'byline-urls-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'in.ndjson')
  const bad = { ...fixtureDocument(52), media: [{ kind: 'photo', credit: null, caption: null, url: 'javascript:alert(1)' }] }
  writeFileSync(file, `${JSON.stringify(fixtureDocument(53))}\n${JSON.stringify(bad)}\n`)
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', file], {
    env: { ...process.env, DATABASE_PATH: join(dir, 'byline.db') },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const code = await new Promise((resolve) => child.on('close', resolve))
  t.equal(code, 1, stderr)
  t.match(stderr, /line 2: media\.0\.url: /)
})

t.test('a javascript: URL stored before the check is never served', async (t) => {
  const { db, app, w } = await writer(t)
  const doc = fixtureDocument(54)
  importDocument(db, {
    ...doc,
    media: [{ kind: 'photo', credit: 'AP', caption: null, url: 'javascript:alert(1)' } as Media],
    body: [...doc.body, { type: 'related-link', text: 'More', url: 'data:text/html,hi' } as Block],
  })
  for (const headers of [{}, w]) {
    const { data } = (await app.inject({ url: '/v1/articles/fixture-story-54', headers })).json() as Json
    t.same(data.media, [{ kind: 'photo', credit: 'AP', caption: null, url: null }])
    t.same(data.body.at(-1), { type: 'related-link', text: 'More', url: null })
    const listed = (await app.inject({ url: '/v1/articles?include=body&fields=media,body', headers })).json() as Json
    const item = (listed.data as Json[]).find((a) => a.id === data.id)!
    t.same(item.media[0].url, null, 'nor in lists')
    t.same(item.body.at(-1).url, null)
  }
})
