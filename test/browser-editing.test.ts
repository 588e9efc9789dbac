// An editor in a real browser: a page on another origin reads a story from the API and
// changes its headline with the ETag the browser was given (Debian's Chromium, driven by
// playwright-core). Chromium must be installed (.ci/run installs it): without it this fails.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { seedDocument } from '../seed/load.js'
import { launchChromium } from './lib/chromium.js'
import { prepareDatabase, startServer } from './lib/server-process.js'

t.setTimeout(120_000)

const seed = seedDocument()

type Outcome = { etag: string | null; coding: string | null; read: number; status: number; headline?: string; error?: string }

/** The editor's page: read the story, PATCH its headline with If-Match from the ETag header. */
const page = (api: string, secret: string, headline: string) => `<!doctype html>
<meta charset="utf-8">
<title>Editor</title>
<script type="module">
  const story = ${JSON.stringify(`${api}/v1/articles/${seed.slug}`)}
  const auth = { authorization: ${JSON.stringify(`Bearer ${secret}`)} }
  try {
    const read = await fetch(story, { headers: auth })
    const etag = read.headers.get('etag')
    await read.json()
    const res = await fetch(story, {
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'application/json', 'if-match': etag },
      body: JSON.stringify({ headline: ${JSON.stringify(headline)} }),
    })
    const body = await res.json()
    // The coding is not exposed to scripts; the ETag's suffix says which one was sent.
    const coding = /-(br|gzip)"$/.exec(etag ?? '')?.[1] ?? null
    window.outcome = { etag, coding, read: read.status, status: res.status, headline: body.data?.headline }
  } catch (err) {
    window.outcome = { etag: null, coding: null, read: 0, status: 0, error: String(err) }
  }
</script>`

t.test('a page on another origin edits a story through CORS with the ETag it read', async (t) => {
  const { path, secret } = prepareDatabase(t, 'browser')
  const api = await startServer(t, { DATABASE_PATH: path })
  const headline = 'Edited in a browser'

  const site = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(api.url, secret, headline))
  })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => site.close(() => resolve())))
  const origin = `http://localhost:${(site.address() as AddressInfo).port}`
  t.not(new URL(origin).origin, new URL(api.url).origin, 'the page is on another origin')

  const browser = await launchChromium(t)
  const tab = await browser.newPage()
  await tab.goto(`${origin}/editor.html`)
  await tab.waitForFunction(() => (globalThis as { outcome?: unknown }).outcome !== undefined, undefined, { timeout: 30_000 })
  const outcome = (await tab.evaluate(() => (globalThis as { outcome?: unknown }).outcome)) as Outcome

  t.equal(outcome.error, undefined, 'no network or CORS error')
  t.equal(outcome.read, 200)
  t.match(outcome.etag, /^"[A-Za-z0-9_-]{27}-(br|gzip)"$/, 'the browser read a coded body, and its ETag through CORS')
  t.equal(outcome.status, 200, 'PATCH with that ETag in If-Match')
  t.equal(outcome.headline, headline)

  const after = await fetch(`${api.url}/v1/articles/${seed.slug}`)
  t.equal(((await after.json()) as { data: { headline: string } }).data.headline, headline, 'the change is stored')
})
