// <byline-story> and <byline-sourcing> in a real browser (Debian's Chromium through
// playwright-core): examples/story.html, served from another origin, against a server process.
// Chromium must be installed (.ci/run installs it): without it this fails.
import { mkdirSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import t, { type Test } from 'tap'
import { seedDocument } from '../seed/load.js'
import { launchChromium } from './lib/chromium.js'
import { prepareDatabase, startServer } from './lib/server-process.js'

t.setTimeout(180_000)

const seed = seedDocument()
const EXAMPLE = readFileSync(new URL('../examples/story.html', import.meta.url), 'utf8')
// Where the screenshot is kept for a person to look at (.tap/ is the test run's output).
const SCREENSHOTS = join(process.cwd(), '.tap', 'screenshots')

// The page's side, typed as far as these tests reach into it (tests compile without the DOM library).
type El = { dataset: Record<string, string | undefined>; tabIndex: number; getAttribute(name: string): string | null }
type Win = {
  document: { querySelectorAll(selector: string): Iterable<El>; activeElement: El | null; getElementById(id: string): { textContent: string | null } | null }
  getComputedStyle(element: unknown): { backgroundColor: string }
}

type Quote = { id: string; text: string; kind: string; location: unknown; source: { id: string; description: string | null; name: string | null; anonymous: boolean }; saidTo: { name: string } | null }
type Article = { id: string; headline: string; quotes: Quote[]; sourcing: { sources: { total: number; named: number; anonymous: number }; quotes: { total: number; fromAnonymousSources: number } } }

/** A site on another origin than the API: the example page pointed at the API, and any extra pages. */
async function site(t: Test, api: string, pages: Record<string, string> = {}) {
  const example = EXAMPLE.replaceAll('http://127.0.0.1:3000', api)
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0]!
    const page = path === '/story.html' ? example : pages[path]
    if (page === undefined) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  // localhost and 127.0.0.1 are different origins: the page reads the API across origins.
  return `http://localhost:${(server.address() as AddressInfo).port}`
}

/** A tab that records what a reader would not see: console errors, page errors, every URL it asked for. */
async function watchedTab(context: BrowserContext) {
  const tab = await context.newPage()
  const errors: string[] = []
  const requests: string[] = []
  tab.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()} (${m.location().url})`)
  })
  tab.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`))
  tab.on('request', (r) => requests.push(r.url()))
  return { tab, errors, requests }
}

const ready = (tab: Page) =>
  tab.waitForFunction(() => [...(globalThis as unknown as Win).document.querySelectorAll('byline-story, byline-sourcing')].every((e) => (e as unknown as El).dataset.state === 'ready'), undefined, {
    timeout: 30_000,
  })

t.test('the example page renders the seeded story with its quotes marked and its sourcing', async (t) => {
  const { path } = prepareDatabase(t, 'elements')
  const api = await startServer(t, { DATABASE_PATH: path })
  const origin = await site(t, api.url)
  const article = ((await (await fetch(`${api.url}/v1/articles/${seed.slug}`)).json()) as { data: Article }).data
  const { tab, errors, requests } = await watchedTab(await launchChromium(t, { viewport: { width: 1280, height: 900 } }))
  await tab.goto(`${origin}/story.html`)
  await ready(tab)

  t.equal(await tab.locator('byline-story h1').textContent(), article.headline)
  const marks = await tab.$$eval('byline-story mark', (ms) =>
    ms.map((m) => {
      const { dataset, tabIndex } = m as unknown as El
      return { text: m.textContent, quoteId: dataset.quoteId, sourceId: dataset.sourceId, kind: dataset.kind, tabIndex, described: m.getAttribute('aria-describedby') }
    }),
  )
  t.equal(marks.length, 22, '22 marks')
  t.equal(article.quotes.filter((q) => q.location).length, 22, 'as many as the story has located quotes')
  const byId = new Map(article.quotes.map((q) => [q.id, q]))
  t.same(
    marks.map((m) => [m.text, m.sourceId, m.kind]),
    marks.map((m) => [byId.get(m.quoteId!)?.text, byId.get(m.quoteId!)?.source.id, byId.get(m.quoteId!)?.kind]),
    "each mark's text is its quote's text, with the quote's source and kind",
  )
  t.equal(new Set(marks.map((m) => m.quoteId)).size, 22, 'every quote once')
  t.ok(
    marks.every((m) => m.tabIndex === 0 && m.described),
    'every mark is in the tab order and described',
  )
  const paragraphs = await tab.$$eval('byline-story .byline-body > *', (ps) => ps.map((p) => p.textContent))
  t.same(
    paragraphs,
    seed.body.map((b) => b.text),
    'the paragraphs read verbatim, marks and all',
  )

  const counts = await tab.$$eval('byline-sourcing [data-count]', (cs) => Object.fromEntries(cs.map((c) => [(c as unknown as El).dataset.count, c.textContent])))
  t.match(counts, { sources: '13', named: '4', anonymous: '9', 'anonymous-quotes': '16', 'anonymous-share': '73%' }, '13 sources, 9 anonymous')
  t.match(article.sourcing, { sources: { total: 13, named: 4, anonymous: 9 }, quotes: { total: 22, fromAnonymousSources: 16 } }, 'as the API counts them')
  t.equal(await tab.locator('byline-sourcing li.byline-source').count(), 13, 'each source listed')
  t.equal(await tab.locator('byline-sourcing li.byline-source[data-anonymous="true"]').count(), 9)
  t.equal(await tab.locator('byline-sourcing .byline-source-quotes > li').count(), 22, 'with its quotes')

  await keyboardAndPointer(t, tab, article)
  await styling(t, tab)

  mkdirSync(SCREENSHOTS, { recursive: true })
  const shot = join(SCREENSHOTS, 'story-elements.png')
  await tab.screenshot({ path: shot, fullPage: true })
  t.ok(statSync(shot).size > 50_000, `screenshot saved: ${shot}`)

  t.same(errors, [], 'no console errors or warnings')
  const origins = new Set(requests.map((u) => new URL(u).origin))
  t.same([...origins].sort(), [new URL(api.url).origin, origin].sort(), 'nothing loaded but from the page and the API')
  t.equal(requests.filter((u) => u.includes('/v1/articles/')).length, 1, 'both elements share one request for the story')
})

/** Tab reaches the marks; focus and hover show who said it, Escape hides it. */
async function keyboardAndPointer(t: Test, tab: Page, article: Article) {
  const tooltip = tab.locator('byline-story [role="tooltip"]')
  t.equal(await tooltip.isVisible(), false, 'no attribution shown before a mark is reached')
  await tab.keyboard.press('Tab')
  await tab.keyboard.press('Tab')
  const focused = await tab.evaluate(() => (globalThis as unknown as Win).document.activeElement?.dataset.quoteId)
  const second = article.quotes.find((q) => q.id === focused)
  t.ok(second, 'the second Tab stops on a mark')
  t.equal(await tooltip.isVisible(), true, 'focus shows the attribution')
  const shown = (await tooltip.textContent()) ?? ''
  t.ok(shown.includes(second!.source.description ?? second!.source.name!), `it names the source as the story describes it: ${shown}`)
  if (second!.saidTo) t.ok(shown.includes(`to ${second!.saidTo.name}`), 'and whom it was said to')
  t.ok(shown.includes(second!.source.anonymous ? 'anonymous' : ''), 'and whether the source is anonymous')
  const description = await tab.evaluate(() => {
    const { document } = globalThis as unknown as Win
    const id = document.activeElement?.getAttribute('aria-describedby')
    return id ? document.getElementById(id)?.textContent : null
  })
  t.equal(description, shown, 'assistive technology is given the same attribution')
  await tab.keyboard.press('Escape')
  t.equal(await tooltip.isVisible(), false, 'Escape hides it')

  const named = article.quotes.find((q) => !q.source.anonymous)!
  await tab.hover(`byline-story mark[data-quote-id="${named.id}"]`)
  t.equal(await tooltip.isVisible(), true, 'hovering shows it too')
  t.ok(((await tooltip.textContent()) ?? '').includes(named.source.name!), 'with the named source')
}

/** The default stylesheet styles the marks; `unstyled` leaves them to the page. */
async function styling(t: Test, tab: Page) {
  const background = () => tab.$eval('byline-story mark', (m) => (globalThis as unknown as Win).getComputedStyle(m).backgroundColor)
  const styled = await background()
  await tab.$eval('byline-story', (e) => e.setAttribute('unstyled', ''))
  const plain = await background()
  t.not(plain, styled, `unstyled drops the default style (${styled} → ${plain})`)
  await tab.$eval('byline-story', (e) => e.removeAttribute('unstyled'))
  t.equal(await background(), styled, 'and removing it brings it back')
}

t.test("a story's text stays text, and the module is served for other origins to cache", async (t) => {
  const { path, secret } = prepareDatabase(t, 'elements-hostile')
  const api = await startServer(t, { DATABASE_PATH: path })
  const hostile = '<img src="http://evil.invalid/x.png" onerror="window.pwned = 1">'
  const created = await fetch(`${api.url}/v1/articles`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      slug: 'markup-in-text',
      headline: hostile,
      language: 'en',
      status: 'published',
      body: [{ type: 'paragraph', text: `"${hostile} is not markup," the source said.` }],
      sources: [{ slug: 'a-source', description: '<b onmouseover="window.pwned = 2">a source</b>', kind: 'person', anonymous: true }],
      quotes: [{ text: `${hostile} is not markup`, kind: 'direct', source: 'a-source', cue: 'said' }],
    }),
  })
  t.equal(created.status, 201, 'a story whose text looks like HTML')
  const corrected = await fetch(`${api.url}/v1/articles/markup-in-text`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', 'if-match': '*' },
    body: JSON.stringify({ standfirst: 'A standfirst', correction: { kind: 'clarification', note: 'The <i>standfirst</i> was missing.' } }),
  })
  t.equal(corrected.status, 200, 'and a correction')
  const page = `<!doctype html><meta charset="utf-8"><title>Hostile</title>
<script type="module" src="${api.url}/elements/byline.js"></script>
<byline-story api="${api.url}" story="markup-in-text"></byline-story>
<byline-sourcing api="${api.url}" story="markup-in-text"></byline-sourcing>
<byline-story api="${api.url}" story="no-such-story"></byline-story>`
  const origin = await site(t, api.url, { '/hostile.html': page })
  const { tab, requests } = await watchedTab(await launchChromium(t, { viewport: { width: 1280, height: 900 } }))
  await tab.goto(`${origin}/hostile.html`)
  await tab.waitForFunction(() => [...(globalThis as unknown as Win).document.querySelectorAll('byline-story, byline-sourcing')].every((e) => (e as unknown as El).dataset.state !== 'loading'))

  t.equal(await tab.locator('byline-story h1').first().textContent(), hostile, 'the headline reads as written')
  t.equal(await tab.locator('byline-story mark').textContent(), `${hostile} is not markup`, 'the quote is marked, as text')
  t.match(await tab.locator('byline-story .byline-corrections li').first().textContent(), /^Clarification \(.+\): The <i>standfirst<\/i> was missing\.$/, 'the correction is listed at the end')
  t.equal(await tab.locator('img, b, i').count(), 0, 'no element made from the text')
  await tab.hover('byline-story mark')
  t.equal(await tab.evaluate(() => (globalThis as { pwned?: number }).pwned), undefined, 'nothing ran')
  t.notOk(
    requests.some((u) => u.includes('evil.invalid')),
    'nothing fetched from the text',
  )
  t.equal(await tab.locator('byline-story[data-state="error"] [role="alert"]').count(), 1, 'a missing story is reported in its element')
  await tab.$eval('byline-story[data-state="error"]', (e) => e.setAttribute('story', 'markup-in-text'))
  await tab.waitForFunction(() => [...(globalThis as unknown as Win).document.querySelectorAll('byline-story')].every((e) => e.dataset.state === 'ready'))
  t.equal(await tab.locator('byline-story h1').nth(1).textContent(), hostile, 'a new `story` attribute renders again')

  const module = await fetch(`${api.url}/elements/byline.js`, { headers: { origin } })
  t.equal(module.status, 200)
  t.match(module.headers.get('content-type'), /^text\/javascript/)
  t.equal(module.headers.get('access-control-allow-origin'), '*')
  t.equal(module.headers.get('cross-origin-resource-policy'), 'cross-origin')
  t.match(module.headers.get('cache-control'), /max-age=86400/)
  const etag = module.headers.get('etag')
  t.match(await module.text(), /customElements\.define\('byline-story'/)
  const again = await fetch(`${api.url}/elements/byline.js?v=2`, { headers: { 'if-none-match': etag! } })
  t.equal(again.status, 304, 'revalidated with its ETag, a query string ignored')
})
