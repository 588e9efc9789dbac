// What partners paste into their pages must not break out of it: JSON-LD and ninjs are safe
// inside <script type="application/ld+json">, and links lead only to web pages.
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { insertMissing } from '../../src/resources/articles/store.js'
import { fixtureDocument, testDb, type Json } from '../helper.js'

const HOSTILE = '</script><script>alert(1)</script> & <!-- more'

t.test('JSON-LD and ninjs carry no <, > or &, and parse to the original text', async (t) => {
  const db = testDb(t)
  const filler = 'The council met on Tuesday to discuss the flood wall. '.repeat(40) // over 1 KiB: sent compressed
  insertMissing(
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
