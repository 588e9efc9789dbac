// The work one write may cause is bounded: body blocks and bodies have a length cap on every
// input path, a revision diff falls back to whole blocks past its bound, corrections never
// compare words, and re-anchoring finds what it always found.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import t, { type Test } from 'tap'
import { buildApp } from '../../src/app.js'
import { createKey } from '../../src/core/keys.js'
import type { Block } from '../../src/db/schema.js'
import { ArticleDocument } from '../../src/resources/articles/document.js'
import { importDocument } from '../../src/resources/articles/importer.js'
import { AnchorError, anchorQuote, reanchoring, type Anchored, type Location } from '../../src/resources/quotes/anchor.js'
import { fixtureDocument, testDb, type Json } from '../helper.js'

// The contract (README, openapi.yaml): a block holds at most 10,000 characters, a body 200,000.
const BLOCK_CAP = 10_000
const BODY_CAP = 200_000

async function setup(t: Test) {
  const db = testDb(t)
  const app = await buildApp({ db })
  t.teardown(() => app.close())
  await app.ready()
  const { secret } = createKey(db, 'Newsroom', ['write'])
  return { db, app, w: { authorization: `Bearer ${secret}` } }
}

const words = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ')
const paragraph = (text: string) => ({ type: 'paragraph', text })

function story(slug: string, body: Json[], over: Json = {}): Json {
  return {
    slug,
    headline: `Story ${slug}`,
    language: 'en',
    status: 'published',
    publishedAt: '2026-02-01T00:00:00.000Z',
    body,
    ...over,
  }
}

function badRequest(t: Test, res: { statusCode: number; body: string }, pointer: string) {
  t.equal(res.statusCode, 400, res.body.slice(0, 300))
  const problem = JSON.parse(res.body) as Json
  t.ok(
    (problem.errors as Json[]).some((e) => e.in === 'body' && e.pointer === pointer),
    `names ${pointer}: ${JSON.stringify(problem.errors)}`,
  )
}

t.test('a body block over 10,000 characters is a 400 naming it, on POST and PATCH', async (t) => {
  const { app, w } = await setup(t)
  const post = (payload: Json) => app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload })

  const atCap = await post(story('at-the-cap', [paragraph('x'.repeat(BLOCK_CAP)), paragraph('A short one.')]))
  t.equal(atCap.statusCode, 201, 'exactly at the cap is accepted')

  badRequest(t, await post(story('over-1', [paragraph('Short.'), paragraph('x'.repeat(BLOCK_CAP + 1))])), '/body/1/text')
  badRequest(
    t,
    await post(story('over-2', [paragraph('Short.'), { type: 'related-link', text: 'y'.repeat(BLOCK_CAP + 1), url: null }])),
    '/body/1/text',
  )
  const manyBlocks = Array.from({ length: BODY_CAP / BLOCK_CAP + 1 }, () => paragraph('z'.repeat(BLOCK_CAP)))
  badRequest(t, await post(story('over-3', manyBlocks)), '/body')
  t.equal((await app.inject({ url: '/v1/articles/over-1', headers: w })).statusCode, 404, 'nothing was written')

  const created = atCap.json() as Json
  const patch = (payload: Json) =>
    app.inject({
      method: 'PATCH',
      url: `/v1/articles/${created.data.id}`,
      headers: { ...w, 'if-match': atCap.headers.etag as string },
      payload,
    })
  badRequest(t, await patch({ body: [paragraph('x'.repeat(BLOCK_CAP + 1))] }), '/body/0/text')
  badRequest(t, await patch({ body: manyBlocks }), '/body')
  t.equal((await patch({ headline: 'Still editable' })).statusCode, 200)
})

t.test('a story stored before the cap is still served and editable: responses are not held to input caps', async (t) => {
  const { db, app, w } = await setup(t)
  const long = words(3000, 'legacy') // about 23,000 characters
  importDocument(db, { ...fixtureDocument(41), quotes: [], body: [paragraph(long) as Block, paragraph('A second paragraph.') as Block] })
  const read = await app.inject({ url: '/v1/articles/fixture-story-41', headers: w })
  t.equal(read.statusCode, 200, read.body.slice(0, 300))
  t.equal((read.json() as Json).data.body[0].text, long)
  const edited = await app.inject({
    method: 'PATCH',
    url: '/v1/articles/fixture-story-41',
    headers: { ...w, 'if-match': read.headers.etag as string },
    payload: { headline: 'A new headline' },
  })
  t.equal(edited.statusCode, 200, edited.body.slice(0, 300))
})

/** Runs `npm run import` on the lines given, against a fresh database file. */
function importLines(t: Test, lines: string[]): Promise<{ code: number | null; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'byline-caps-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'in.ndjson')
  writeFileSync(file, lines.join('\n') + '\n')
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', file], {
    env: { ...process.env, DATABASE_PATH: join(dir, 'byline.db') },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })))
}

t.test('the NDJSON import refuses an over-long block, naming it', async (t) => {
  const good = fixtureDocument(42)
  const over = { ...fixtureDocument(43), body: [fixtureDocument(43).body[0]!, paragraph('x'.repeat(BLOCK_CAP + 1))] }
  const run = await importLines(t, [JSON.stringify(good), JSON.stringify(over)])
  t.equal(run.code, 1, run.stderr)
  t.match(run.stderr, /line 2: body\.1\.text: /)
  t.match(run.stderr, /1 line rejected/)
  t.notOk(ArticleDocument.safeParse(over).success, 'the seed goes through the same schema')
})

t.test('a revision diff compares words within its bound and shows whole blocks past it', async (t) => {
  const { app, w } = await setup(t)
  const before = [paragraph(words(150, 'alpha')), paragraph('The river peaked at 4.2 metres on Tuesday night.')]
  const created = await app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload: story('diffed', before) })
  t.equal(created.statusCode, 201, created.body.slice(0, 300))
  const after = [paragraph(words(150, 'omega')), paragraph('The river peaked at 4.4 metres on Tuesday night.')]
  const patched = await app.inject({
    method: 'PATCH',
    url: '/v1/articles/diffed',
    headers: { ...w, 'if-match': created.headers.etag as string },
    payload: { body: after, correction: { kind: 'correction', note: 'Figures fixed.' } },
  })
  t.equal(patched.statusCode, 200, patched.body.slice(0, 300))
  t.same((patched.json() as Json).data.corrections[0].blocks, [0, 1], 'the correction names both blocks')

  const res = await app.inject({ url: '/v1/articles/diffed/revisions/2/diff', headers: w })
  t.equal(res.statusCode, 200, res.body.slice(0, 300))
  const { data } = res.json() as Json
  t.equal(data.aligned, true)
  t.same(data.blocks[0], {
    change: 'changed',
    from: 0,
    to: 0,
    coarse: true,
    words: [
      { text: before[0]!.text, removed: true },
      { text: after[0]!.text, added: true },
    ],
  }, '150 words replaced: over the bound, so the block is shown whole')
  t.same(data.blocks[1], {
    change: 'changed',
    from: 1,
    to: 1,
    words: [{ text: 'The river peaked at 4.' }, { text: '2', removed: true }, { text: '4', added: true }, { text: ' metres on Tuesday night.' }],
  }, 'a small edit is still shown word by word')
})

t.test('a diff of blocks stored before the cap shows them whole', async (t) => {
  const { db, app, w } = await setup(t)
  const long = words(3000, 'legacy')
  importDocument(db, { ...fixtureDocument(44), quotes: [], body: [paragraph(long) as Block, paragraph('A second paragraph.') as Block] })
  const read = await app.inject({ url: '/v1/articles/fixture-story-44', headers: w })
  const edited = `${long.slice(0, 20)}X${long.slice(21, BLOCK_CAP)}`
  const patched = await app.inject({
    method: 'PATCH',
    url: '/v1/articles/fixture-story-44',
    headers: { ...w, 'if-match': read.headers.etag as string },
    payload: { body: [paragraph(edited), paragraph('A second paragraph.')] },
  })
  t.equal(patched.statusCode, 200, patched.body.slice(0, 300))
  const { data } = (await app.inject({ url: '/v1/articles/fixture-story-44/revisions/2/diff', headers: w })).json() as Json
  t.same(data.blocks, [
    { change: 'changed', from: 0, to: 0, coarse: true, words: [{ text: long, removed: true }, { text: edited, added: true }] },
  ])
})

t.test('bodies too different to align are paired in order, and the diff says so', async (t) => {
  const { app, w } = await setup(t)
  // 600 blocks, every other one rewritten: 600 block edits, past the alignment bound.
  const before = Array.from({ length: 600 }, (_, i) => paragraph(`Paragraph ${i}.`))
  const after = before.map((p, i) => (i % 2 ? paragraph(`Rewritten paragraph ${i}.`) : p))
  const created = await app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload: story('realigned', before) })
  t.equal(created.statusCode, 201, created.body.slice(0, 300))
  const patched = await app.inject({
    method: 'PATCH',
    url: '/v1/articles/realigned',
    headers: { ...w, 'if-match': created.headers.etag as string },
    payload: { body: after },
  })
  t.equal(patched.statusCode, 200, patched.body.slice(0, 300))
  const { data } = (await app.inject({ url: '/v1/articles/realigned/revisions/2/diff', headers: w })).json() as Json
  t.equal(data.aligned, false)
  const changed = (data.blocks as Json[]).filter((b) => b.change === 'changed')
  t.equal(changed.length, 300, 'each rewritten block is one change')
  t.ok(changed.every((b) => b.from === b.to && b.from % 2 === 1), 'paired with the block in its place')
})

t.test('a correction finds the blocks it touched without comparing words', async (t) => {
  const throwing = () => {
    throw new Error('a word diff was computed')
  }
  const { touchedBlocks } = await t.mockImport<typeof import('../../src/resources/articles/revisions.js')>(
    '../../src/resources/articles/revisions.js',
    { diff: { ...(await import('diff')), diffWordsWithSpace: throwing, diffWords: throwing, diffChars: throwing } },
  )
  const a = [paragraph('One.'), paragraph('Two.'), paragraph('Three.')] as Block[]
  const b = [paragraph('Zero.'), paragraph('One.'), paragraph('Two, changed.'), paragraph('Three.')] as Block[]
  t.same(touchedBlocks(a, b), [0, 2])
})

t.test('a story holds at most 1,000 quotes: POST /v1/quotes refuses the next', async (t) => {
  const { app, w } = await setup(t)
  const body = Array.from({ length: 100 }, (_, b) => paragraph(Array.from({ length: 11 }, (_, q) => `Quote ${b}-${q} here.`).join(' ')))
  const quotes = Array.from({ length: 1000 }, (_, k) => ({
    text: `Quote ${Math.floor(k / 10)}-${k % 10} here`,
    kind: 'paraphrase',
    source: 'an-official',
  }))
  const sources = [{ slug: 'an-official', description: 'an official', kind: 'person', anonymous: true }]
  const created = await app.inject({ method: 'POST', url: '/v1/articles', headers: w, payload: story('quoted', body, { sources, quotes }) })
  t.equal(created.statusCode, 201, created.body.slice(0, 300))
  const res = await app.inject({
    method: 'POST',
    url: '/v1/quotes',
    headers: w,
    payload: { article: 'quoted', text: 'Quote 0-10 here', kind: 'paraphrase', source: 'an-official' },
  })
  t.equal(res.statusCode, 409, res.body.slice(0, 300))
  t.match(res.json(), { status: 409, detail: /1,000 quotes/ })
})

// Re-anchoring as it was before its work was bounded: every occurrence in every block, the
// nearest kept. The bounded search must find exactly the same place.
function reference(body: Block[], text: string, old: Location): Anchored {
  const b0 = body[old.block]
  if (b0 !== undefined && old.end - old.start === text.length && b0.text.slice(old.start, old.end) === text) {
    return { anchor: 'exact', location: old }
  }
  let best: Location | null = null
  let bestDistance = Infinity
  body.forEach((b, block) => {
    for (let start = b.text.indexOf(text); start !== -1; start = b.text.indexOf(text, start + 1)) {
      const distance = Math.abs(block - old.block) * 1e9 + Math.abs(start - old.start)
      if (distance < bestDistance) {
        best = { block, start, end: start + text.length }
        bestDistance = distance
      }
    }
  })
  return best ? { anchor: 'moved', location: best } : { anchor: 'orphaned', location: null }
}

// Few letters, so words recur within and across blocks and ties are common; NUL too, which
// the searches use to join blocks and must never match across.
const blockText = fc.stringMatching(/^[ab \u0000]{0,30}$/)
const bodyArb = fc.array(blockText.map((text) => ({ type: 'paragraph' as const, text })), { minLength: 1, maxLength: 8 })
const quoteArb = fc.oneof(fc.stringMatching(/^[ab]{1,4}$/), fc.stringMatching(/^[ab \u0000]{1,8}$/))

t.test('bounded re-anchoring finds the place the exhaustive search found', async (t) => {
  const old = fc.record({ block: fc.nat(9), start: fc.nat(35) })
  const same = (blocks: Block[], q: string, olds: { block: number; start: number }[]) => {
    const find = reanchoring(blocks)
    return olds.every((o) => {
      const at = { block: o.block, start: o.start, end: o.start + q.length }
      return JSON.stringify(find(q, at)) === JSON.stringify(reference(blocks, q, at))
    })
  }
  t.doesNotThrow(() => fc.assert(fc.property(bodyArb, quoteArb, fc.array(old, { minLength: 1, maxLength: 5 }), same), { numRuns: 3000 }))
  // Surrogate pairs: offsets count UTF-16 code units, in both directions.
  const emoji = [{ type: 'paragraph' as const, text: '📰 a 📰 b 📰 a 📰' }]
  t.same(reanchoring(emoji)('📰 a', { block: 0, start: 5, end: 9 }), reference(emoji, '📰 a', { block: 0, start: 5, end: 9 }))
})

t.test('anchoring a new quote finds what the exhaustive search found', async (t) => {
  const exhaustive = (body: Block[], text: string, block?: number) => {
    const found: Location[] = []
    body.forEach((b, i) => {
      if (block !== undefined && block !== i) return
      for (let start = b.text.indexOf(text); start !== -1; start = b.text.indexOf(text, start + 1)) found.push({ block: i, start, end: start + text.length })
    })
    return found.length === 1 ? found[0] : found.length === 0 ? 'not in the article body' : `occurs ${found.length < 100 ? found.length : '100 or more'} times`
  }
  const outcome = (body: Block[], text: string, block?: number) => {
    try {
      return anchorQuote(body, text, block === undefined ? undefined : { block })
    } catch (err) {
      if (!(err instanceof AnchorError)) throw err
      return /not in the article body|occurs .* times/.exec(err.message)![0]
    }
  }
  const same = (blocks: Block[], q: string, block: number | null) =>
    JSON.stringify(outcome(blocks, q, block ?? undefined)) === JSON.stringify(exhaustive(blocks, q, block ?? undefined))
  t.doesNotThrow(() => fc.assert(fc.property(bodyArb, quoteArb, fc.option(fc.nat(9)), same), { numRuns: 3000 }))
})
