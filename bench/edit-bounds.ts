// The heaviest edits a write key can send, and the diffs of them: how long each takes, and
// how long /health waits meanwhile (better-sqlite3, re-anchoring and diffing all run on the
// event loop, so a slow request holds up every other).
// Usage: node --import tsx bench/edit-bounds.ts [--block-chars 10000 --body-chars 200000 --quotes 1000
//        --timeout-seconds 120 --out bench/RESULTS.md --label after]
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Agent, fetch } from 'undici'
import { openDb } from '../src/db/client.js'
import type { ArticleDocument } from '../src/resources/articles/document.js'
import { recordRevision } from '../src/resources/articles/revisions.js'
import { createImporter } from '../src/resources/articles/importer.js'
import { appendReport, machine, NODE_TSX, pin, pinSelf, prepareDatabase, start, stop } from './lib.js'

const { values: args } = parseArgs({
  options: {
    'block-chars': { type: 'string', default: '10000' },
    // The caps on a block's and a body's text: the heaviest edit a request may now send.
    'body-chars': { type: 'string', default: '200000' },
    quotes: { type: 'string', default: '1000' },
    'timeout-seconds': { type: 'string', default: '120' },
    out: { type: 'string', default: '' },
    label: { type: 'string', default: '' },
  },
})
const BLOCK_CHARS = Number(args['block-chars'])
const QUOTES = Number(args.quotes)
const BODY_CHARS = Number(args['body-chars'])
const BLOCKS = Math.min(1000, Math.floor(BODY_CHARS / BLOCK_CHARS))
const TIMEOUT_MS = Number(args['timeout-seconds']) * 1000
pinSelf()
// Stopped early, still stop the servers (lib.ts kills them on exit).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130))

/** Deterministic text: words of 2–9 letters from a seeded generator, like prose to a diff. */
function prose(seed: number) {
  let state = seed >>> 0 || 1
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32
  const word = () => {
    const n = 2 + Math.floor(next() * 8)
    let w = ''
    for (let i = 0; i < n; i++) w += 'etaoinshrdlucmfwypvbgkqjxz'[Math.floor(next() ** 2 * 26)]
    return w
  }
  return (chars: number) => {
    let s = ''
    while (true) {
      const w = word() + (next() < 0.08 ? ', ' : next() < 0.06 ? '. ' : ' ')
      if (s.length + w.length > chars) return s.trimEnd()
      s += w
    }
  }
}

const paragraphs = (seed: number, count: number, chars: number) => {
  const text = prose(seed)
  return Array.from({ length: count }, () => ({ type: 'paragraph' as const, text: text(chars) }))
}

/** Quotes spread over the blocks, each located, so none has to be unique. */
function quotesOver(body: { text: string }[], count: number, length: (k: number) => number) {
  return Array.from({ length: count }, (_, k) => {
    const block = k % body.length
    const text = body[block]!.text
    const len = Math.min(length(k), text.length)
    const start = (Math.floor(k / body.length) * 97) % (text.length - len + 1)
    return { text: text.slice(start, start + len), kind: 'paraphrase', source: 'bench-source', location: { block, start } }
  })
}

const story = (slug: string, body: { type: 'paragraph'; text: string }[], quotes: unknown[]) => ({
  slug,
  headline: `Bench ${slug}`,
  language: 'en',
  status: 'published',
  publishedAt: '2026-01-01T00:00:00.000Z',
  body,
  sources: [{ slug: 'bench-source', description: 'an official', kind: 'person', anonymous: true }],
  quotes,
})

const correction = { kind: 'correction', note: 'An earlier version of this story was wrong throughout.' }

// The database: seeded, a write key, and a story written before block lengths were capped
// (straight into the file, as an import from then would have): two 60 kB paragraphs, then a
// version that replaced both, each kept as a revision, so the diff between them compares text
// no request could send today.
const dir = mkdtempSync(join(tmpdir(), 'byline-edit-bounds-'))
const database = join(dir, 'bench.db')
const { secret } = prepareDatabase(database, 'bench')
{
  const legacy = (seed: number) =>
    ({
      ...story('legacy-story', [...paragraphs(1, 1, 200), ...paragraphs(seed, 2, 60_000), ...paragraphs(3, 1, 200)], []),
      standfirst: null,
      publisher: null,
      media: [],
      notes: [],
      authors: [],
      sources: [],
      quotes: [],
      tags: [],
    }) as unknown as ArticleDocument
  const db = openDb(database)
  const importer = createImporter(db)
  for (const [seed, at] of [[2, '2026-01-01T00:00:00.000Z'], [4, '2026-01-02T00:00:00.000Z']] as const) {
    db.$client.transaction(() => {
      importer.writeDocument(legacy(seed), at)
      const id = db.$client.prepare("select id from articles where slug = 'legacy-story'").pluck().get() as string
      recordRevision(db, id, null, at)
    })()
  }
  db.$client.close()
}

// Load shedding off: it would answer 503 to the request after a slow one, and the point is
// to see how slow they are.
const launch = () =>
  start(pin('1', [...NODE_TSX, 'src/server.ts']), { DATABASE_PATH: database, LOG_LEVEL: 'warn', MAX_EVENT_LOOP_DELAY_MS: '0' }, '/ready')
let server = await launch()
let base = `http://127.0.0.1:${server.port}`
const auth = { authorization: `Bearer ${secret}` }
// Pages of a story with hundreds of quotes carry over 16 KiB of Surrogate-Key and Cache-Tag,
// past the default header limit of Node's fetch (a matter for the HTTP cache, not timed here).
const dispatcher = new Agent({ maxHeaderSize: 1024 * 1024 })

type Measured = { scenario: string; status: number; ms: number; healthMaxMs: number; detail: string }
const results: Measured[] = []

/** Times one request while a second client polls /health; the longest /health wait is kept. */
async function measure(scenario: string, path: string, init: Init = {}, detail = (_: any) => '') {
  let done = false
  let healthMax = 0
  const poller = (async () => {
    while (!done) {
      const t0 = performance.now()
      try {
        await (await fetch(`${base}/health`, { dispatcher })).arrayBuffer()
      } catch {
        // No answer at all: the server closed the connection once its loop turned again
        // (its keep-alive timeout had passed meanwhile), or it was stopped. Waited all the same.
      }
      healthMax = Math.max(healthMax, performance.now() - t0)
      await new Promise((r) => setTimeout(r, 5))
    }
  })()
  await new Promise((r) => setTimeout(r, 20))
  const t0 = performance.now()
  let res: Awaited<ReturnType<typeof fetch>>
  let text: string
  try {
    res = await fetch(`${base}${path}`, {
      ...init,
      headers: { ...auth, ...(init.headers as Record<string, string>) },
      signal: AbortSignal.timeout(TIMEOUT_MS),
      dispatcher,
    })
    text = await res.text()
  } catch (err) {
    // No answer in time (the event loop is blocked, so only SIGKILL stops it), or the server
    // closed the connection when its loop turned again, its timeouts long passed: start it
    // again for the next request.
    done = true
    const waited = performance.now() - t0
    const timedOut = (err as Error).name === 'TimeoutError'
    server.child.kill('SIGKILL')
    await poller
    const detail = timedOut
      ? `no answer within ${TIMEOUT_MS / 1000} s`
      : `no answer: the connection was closed after ${(waited / 1000).toFixed(0)} s (${String((err as Error).cause ?? err)})`
    const m = { scenario, status: 0, ms: waited, healthMaxMs: Math.max(healthMax, waited), detail }
    results.push(m)
    console.log(`${scenario}: ${m.detail}`)
    server = await launch()
    base = `http://127.0.0.1:${server.port}`
    return { res: { status: 0 } as Awaited<ReturnType<typeof fetch>>, body: undefined as any }
  }
  const ms = performance.now() - t0
  done = true
  await poller
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = text
  }
  const m = { scenario, status: res.status, ms, healthMaxMs: healthMax, detail: res.ok ? detail(body) : String((body as any)?.detail ?? '').slice(0, 80) }
  results.push(m)
  console.log(`${scenario}: ${m.status} in ${m.ms.toFixed(0)} ms, /health waited up to ${m.healthMaxMs.toFixed(0)} ms ${m.detail}`)
  return { res, body: body as any }
}

type Init = { method?: string; headers?: Record<string, string>; body?: string }
const json = (method: string, payload: unknown, headers: Record<string, string> = {}): Init => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(payload),
})

const diffDetail = (b: any) => {
  const blocks = b.data.blocks as { change: string; words?: unknown[] }[]
  const worded = blocks.filter((x) => x.words && !(x as { coarse?: true }).coarse).length
  const whole = blocks.filter((x) => (x as { coarse?: true }).coarse).length
  return `(${b.data.aligned === false ? 'paired in order: ' : ''}${blocks.length} block changes, ${worded} word by word, ${whole} whole)`
}
const patchDetail = (b: any) => {
  const anchors: Record<string, number> = {}
  for (const q of b.data.quotes as { anchor: string }[]) anchors[q.anchor] = (anchors[q.anchor] ?? 0) + 1
  return `(${JSON.stringify(anchors)}, correction blocks ${b.data.corrections[0]?.blocks.length})`
}

/** Creates a story, edits it with a correction, and diffs the edit. */
async function editAndDiff(name: string, body: { type: 'paragraph'; text: string }[], quotes: unknown[], next: (b: typeof body) => typeof body, orphan: boolean) {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
  const created = await measure(`${name}: POST`, '/v1/articles', json('POST', story(slug, body, quotes)))
  if (created.res.status !== 201) return
  // `*`: the story was just made. (An ETag answered to a client asking for compression does
  // not match If-Match yet; that is another issue.) The representation is built either way.
  const etag = '*'
  const patched = await measure(
    `${name}: PATCH + correction`,
    `/v1/articles/${slug}${orphan ? '?orphanQuotes=true' : ''}`,
    json('PATCH', { body: next(body), correction }, { 'if-match': etag }),
    patchDetail,
  )
  if (patched.res.status !== 200) return
  await measure(`${name}: diff`, `/v1/articles/${slug}/revisions/2/diff`, {}, diffDetail)
}

console.log(`${BLOCKS} blocks of ${BLOCK_CHARS} characters (${BLOCKS * BLOCK_CHARS} in all), ${QUOTES} quotes`)

// Every block rewritten with unrelated words: every quote orphaned (each one looked for in
// the whole body), every block diffed word by word against text it shares nothing with.
await editAndDiff(
  'rewritten',
  paragraphs(10, BLOCKS, BLOCK_CHARS),
  quotesOver(paragraphs(10, BLOCKS, BLOCK_CHARS), QUOTES, (k) => 40 + (k % 200)),
  () => paragraphs(11, BLOCKS, BLOCK_CHARS),
  true,
)

// The blocks rotated by half and each changed by a word: every quote moved to a block far
// from its own.
await editAndDiff(
  'rotated',
  paragraphs(20, BLOCKS, BLOCK_CHARS),
  quotesOver(paragraphs(20, BLOCKS, BLOCK_CHARS), QUOTES, (k) => 40 + (k % 200)),
  (b) => [...b.slice(BLOCKS >> 1), ...b.slice(0, BLOCKS >> 1)].map((p) => ({ ...p, text: `Now ${p.text.slice(4)}` })),
  true, // the few quotes that began with the four changed characters are orphaned
)

// The most blocks a body may hold, every other one rewritten: past the bound on aligning
// blocks, and hundreds of blocks to compare word by word.
{
  const many = Math.min(1000, Math.floor(BODY_CHARS / 200))
  const body = paragraphs(30, many, 200)
  const fresh = paragraphs(31, many, 200)
  await editAndDiff(
    'every other of 1,000 blocks',
    body,
    quotesOver(body, QUOTES, (k) => 20 + (k % 40)),
    (b) => b.map((p, i) => (i % 2 ? fresh[i]! : p)),
    true,
  )
}

// Repetitive text, the slow case of string search: each quote is "a a … a bN." (unique, so
// given without a location: anchoring searches the whole body for it) and the new body has
// no "b", so each search shifts a character or two at a time.
{
  const filler = (n: number) => 'a '.repeat(n)
  const body = Array.from({ length: BLOCKS }, (_, i) => ({ type: 'paragraph' as const, text: `${filler((BLOCK_CHARS >> 1) - 4)}b${i}.` }))
  const quotes = Array.from({ length: QUOTES }, (_, k) => ({
    text: `${filler(Math.min((BLOCK_CHARS >> 1) - 4, 1000 + k))}b${k % BLOCKS}.`,
    kind: 'paraphrase',
    source: 'bench-source',
  }))
  await editAndDiff('repetitive', body, quotes, (b) => b.map(() => ({ type: 'paragraph' as const, text: filler(BLOCK_CHARS >> 1).trimEnd() })), true)
}

// The issue's case: two 60 kB paragraphs replaced, with a correction (refused once blocks are
// capped), and the diff of such an edit stored before the cap.
{
  await measure(
    'two 60 kB paragraphs: PATCH + correction',
    '/v1/articles/legacy-story',
    json('PATCH', { body: [...paragraphs(1, 1, 200), ...paragraphs(5, 2, 60_000), ...paragraphs(3, 1, 200)], correction }, { 'if-match': '*' }),
    patchDetail,
  )
  await measure('two 60 kB paragraphs: diff of the stored edit', '/v1/articles/legacy-story/revisions/2/diff', {}, diffDetail)
}

stop(server.child)

if (args.out) {
  const ms = (r: Measured, v: number) => (r.status === 0 ? `> ${v.toFixed(0)}` : v.toFixed(0))
  const rows = results
    .map((r) => `| ${r.scenario} | ${r.status || 'none'} | ${ms(r, r.ms)} | ${ms(r, r.healthMaxMs)} | ${r.detail} |`)
    .join('\n')
  appendReport(
    args.out,
    `## ${new Date().toISOString().slice(0, 10)}: edit bounds${args.label ? ` (${args.label})` : ''}

Machine: ${machine().replace('autocannon', 'the bench client')}
\`node --import tsx bench/edit-bounds.ts\`: ${BLOCKS} blocks of ${BLOCK_CHARS} characters, ${QUOTES} quotes, each request alone while a second client polls \`/health\` every 5 ms; load shedding off. Times in ms, as the client saw them.

| request | status | ms | longest /health wait, ms | answer |
|---|---|---|---|---|
${rows}
`,
    '# Benchmark results\n\n',
  )
}
