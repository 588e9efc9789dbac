// @byline/client in a real browser (Debian's Chromium through playwright-core): the package as
// built, loaded by a page on another origin with an import map, reading, editing and following
// the API across origins. Chromium must be installed (.ci/run installs it): without it this fails.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { seedDocument } from '../seed/load.js'
import { launchChromium } from './lib/chromium.js'
import { prepareDatabase, startServer } from './lib/server-process.js'

t.setTimeout(180_000)

const seed = seedDocument()

/** The page: the client from its build, openapi-fetch from node_modules, as a bundler-free site would load them. */
const page = (api: string, secret: string) => `<!doctype html>
<meta charset="utf-8">
<title>Client</title>
<link rel="icon" href="data:,">
<script type="importmap">{ "imports": { "@byline/client": "/client/index.js", "openapi-fetch": "/openapi-fetch.mjs" } }</script>
<script type="module">
  import { BylineError, createBylineClient } from '@byline/client'
  const outcome = {}
  try {
    const byline = createBylineClient({ baseUrl: ${JSON.stringify(api)}, apiKey: ${JSON.stringify(secret)} })
    const slugs = []
    for await (const article of byline.articles.all({ limit: 1 })) slugs.push(article.slug)
    outcome.slugs = slugs
    const abort = new AbortController()
    const since = (await (await fetch(${JSON.stringify(`${api}/v1/changes?limit=1000`)})).json()).nextToken
    const followed = (async () => {
      for await (const event of byline.changes.follow({ since, signal: abort.signal, wait: 5 })) {
        abort.abort()
        return event
      }
    })()
    const updated = await byline.articles.update(${JSON.stringify(seed.slug)}, { headline: 'Edited through the client in a browser' })
    outcome.headline = updated.data.headline
    outcome.event = await followed
    try {
      await byline.articles.update(${JSON.stringify(seed.slug)}, { headline: 'Too late' }, { etag: '"stale"' })
    } catch (err) {
      outcome.stale = { isBylineError: err instanceof BylineError, status: err.status, title: err.problem.title }
    }
  } catch (err) {
    outcome.error = String(err && err.stack || err)
  }
  window.outcome = outcome
</script>`

t.test('the built client runs in a browser page on another origin', async (t) => {
  const { path, secret } = prepareDatabase(t, 'browser-client')
  const api = await startServer(t, { DATABASE_PATH: path })
  const built = mkdtempSync(join(tmpdir(), 'byline-client-'))
  t.teardown(() => rmSync(built, { recursive: true, force: true }))
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'clients/typescript', '--outDir', built])

  const files: Record<string, string> = {
    '/client.html': page(api.url, secret),
    '/client/index.js': readFileSync(join(built, 'index.js'), 'utf8'),
    '/openapi-fetch.mjs': readFileSync('node_modules/openapi-fetch/dist/index.mjs', 'utf8'),
  }
  const site = createServer((req, res) => {
    const body = files[(req.url ?? '/').split('?', 1)[0]!]
    if (body === undefined) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': req.url!.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8' }).end(body)
  })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => site.close(() => resolve())))
  const origin = `http://localhost:${(site.address() as AddressInfo).port}`

  const browser = await launchChromium(t)
  const tab = await browser.newPage()
  const errors: string[] = []
  tab.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  tab.on('pageerror', (err) => errors.push(err.message))
  await tab.goto(`${origin}/client.html`)
  await tab.waitForFunction(() => (globalThis as { outcome?: unknown }).outcome !== undefined, undefined, { timeout: 60_000 })
  const outcome = (await tab.evaluate(() => (globalThis as { outcome?: unknown }).outcome)) as Record<string, unknown>

  t.equal(outcome.error, undefined, 'no error in the page')
  t.same(outcome.slugs, [seed.slug], 'all() read the list')
  t.equal(outcome.headline, 'Edited through the client in a browser', 'update() read the ETag across origins and sent it as If-Match')
  t.match(outcome.event, { type: 'updated', resource: 'article', token: String }, 'follow() long-polled the changes feed and yielded the edit')
  t.same(outcome.stale, { isBylineError: true, status: 412, title: 'Precondition Failed' }, 'a stale ETag throws BylineError with the problem')
  t.same(
    errors.filter((e) => !e.includes('status of 412')),
    [],
    'nothing logged but the 412 the page asked for',
  )
})
