import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { openDb, type Db } from '../../src/db/client.js'
import { ArticleDocument } from '../../src/resources/articles/document.js'
import { build, fixtureDocument } from '../helper.js'

type Run = { code: number | null; stdout: string; stderr: string }

/** Runs a CLI as `npm run import|export` does, against the database file given. */
function cli(script: 'import' | 'export', args: string[], env: Record<string, string>, input?: string): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  child.stdin.end(input)
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}

function tempDir(t: Test) {
  const dir = mkdtempSync(join(tmpdir(), 'byline-import-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** Opens a database file the CLI wrote, closed when the test ends. */
function open(t: Test, file: string): Db {
  const db = openDb(file)
  t.teardown(() => db.$client.close())
  return db
}

const articleCount = (db: Db) => db.$client.prepare('select count(*) from articles').pluck().get()
const line = (n: number, over: Partial<ArticleDocument> = {}) => JSON.stringify(fixtureDocument(n, over))
/** A story whose quote is not in its body: valid JSON and schema, refused by documentRows. */
const unanchored = (n: number) =>
  line(n, { quotes: [{ text: 'words the story lacks', kind: 'direct', source: `fixture-official-${n}`, saidTo: null, channel: null, cue: null }] })

const SUMMARY = /^imported (\d+) articles? in \d+\.\d\d s \(\d+\/s\), (\d+) lines? rejected \((\d+) new, (\d+) updated, (\d+) unchanged\)$/

t.test('a good file is imported, served by the API, and importing it again changes nothing', async (t) => {
  const dir = tempDir(t)
  const env = { DATABASE_PATH: join(dir, 'byline.db') }
  const file = join(dir, 'good.ndjson')
  writeFileSync(file, [line(1), line(2), '', line(3, { status: 'draft' })].join('\n') + '\n')

  const first = await cli('import', [file], env)
  t.equal(first.code, 0)
  t.equal(first.stdout, '')
  const lines = first.stderr.split('\n').filter(Boolean)
  t.equal(lines.length, 1, 'no progress noise when stderr is not a terminal: one summary line')
  t.match(lines[0], SUMMARY)
  t.same(SUMMARY.exec(lines[0]!)!.slice(1).map(Number), [3, 0, 3, 0, 0])

  const db = open(t, env.DATABASE_PATH)
  const app = await build(t, db)
  const res = await app.inject('/v1/articles/fixture-story-2')
  t.equal(res.statusCode, 200)
  t.equal(res.json().data.quotes[0].text, 'Quote number 2 stands here')
  t.equal(res.json().data.authors[0].slug, 'fixture-reporter')
  t.equal((await app.inject('/v1/articles/islamic-militant-threat-grows-in-pakistani-heartland')).statusCode, 404, 'not seeded')
  const before = db.$client.prepare('select id, version, updated_at from articles order by id').all()
  t.equal(before.length, 3)

  // The same documents again, from standard input this time.
  const again = await cli('import', ['-'], env, readFileSync(file, 'utf8'))
  t.equal(again.code, 0)
  t.same(SUMMARY.exec(again.stderr.trim())!.slice(1).map(Number), [3, 0, 0, 0, 3])
  t.same(db.$client.prepare('select id, version, updated_at from articles order by id').all(), before)
})

t.test('bad lines are reported with their numbers and reasons and skipped; the status is 1', async (t) => {
  const dir = tempDir(t)
  const env = { DATABASE_PATH: join(dir, 'byline.db') }
  const file = join(dir, 'mixed.ndjson')
  const noSlug = JSON.stringify({ ...fixtureDocument(4), slug: 'Not A Slug', language: 7 })
  writeFileSync(file, [line(1), '', '{"slug": ', noSlug, unanchored(5), line(6)].join('\n'))

  const run = await cli('import', [file], env)
  t.equal(run.code, 1)
  const lines = run.stderr.trim().split('\n')
  t.equal(lines.length, 4)
  t.match(lines[0], /^line 3: not JSON: /)
  t.match(lines[1], /^line 4: slug: must be lowercase words joined by hyphens; language: .*expected string/)
  t.equal(lines[2], 'line 5: quotes[0]: "words the story lacks" is not in the article body')
  t.same(SUMMARY.exec(lines[3]!)!.slice(1).map(Number), [2, 3, 2, 0, 0])
  const db = open(t, env.DATABASE_PATH)
  t.same(db.$client.prepare('select slug from articles order by slug').pluck().all(), ['fixture-story-1', 'fixture-story-6'])
})

t.test('--strict imports nothing when any line is bad, and everything when none is', async (t) => {
  const dir = tempDir(t)
  const env = { DATABASE_PATH: join(dir, 'byline.db') }
  // The bad line is found only when written (its quote is not in its body), after two good
  // lines went to the database in the same transaction.
  const bad = join(dir, 'bad.ndjson')
  writeFileSync(bad, [line(1), line(2), unanchored(3), '{oops', line(4)].join('\n'))
  const strict = await cli('import', ['--strict', bad], env)
  t.equal(strict.code, 1)
  t.same(strict.stderr.trim().split('\n'), [
    'line 3: quotes[0]: "words the story lacks" is not in the article body',
    'nothing imported: a line was rejected and --strict was given',
  ])
  t.equal(articleCount(open(t, env.DATABASE_PATH)), 0)

  const good = join(dir, 'good.ndjson')
  writeFileSync(good, [line(1), line(2)].join('\n'))
  const ok = await cli('import', ['--strict', good], env)
  t.equal(ok.code, 0)
  t.match(ok.stderr.trim(), SUMMARY)
  t.equal(articleCount(open(t, env.DATABASE_PATH)), 2)
})

t.test('usage errors exit with status 2', async (t) => {
  const dir = tempDir(t)
  const env = { DATABASE_PATH: join(dir, 'byline.db') }
  const none = await cli('import', [], env)
  t.equal(none.code, 2)
  t.match(none.stderr, /no file given\nusage: npm run import -- \[--strict\] FILE\.ndjson/)
  const missing = await cli('import', [join(dir, 'missing.ndjson')], env)
  t.equal(missing.code, 2)
  t.match(missing.stderr, /^cannot read .*missing\.ndjson: ENOENT/)
})

t.test('export writes every article, and importing it into an empty database reproduces it', async (t) => {
  const dir = tempDir(t)
  const source = { DATABASE_PATH: join(dir, 'source.db') }
  const copy = { DATABASE_PATH: join(dir, 'copy.db') }
  const file = join(dir, 'stories.ndjson')
  writeFileSync(file, [line(1), line(2, { status: 'withdrawn' }), line(3)].join('\n'))
  t.equal((await cli('import', [file], source)).code, 0)

  const exported = join(dir, 'export.ndjson')
  const out = await cli('export', [exported], source)
  t.equal(out.code, 0)
  t.equal(out.stderr.trim().split('\n').length, 1)
  t.match(out.stderr, /^exported 3 articles in \d+\.\d\d s\n$/)
  const text = readFileSync(exported, 'utf8')
  const docs = text.trimEnd().split('\n').map((l) => ArticleDocument.parse(JSON.parse(l)))
  t.same(docs.map((d) => d.slug).sort(), ['fixture-story-1', 'fixture-story-2', 'fixture-story-3'])
  t.ok(docs.every((d) => d.id && d.quotes.every((q) => q.id && q.location?.start !== undefined)), 'ids and locations')

  t.equal((await cli('import', [exported], copy)).code, 0)
  const again = await cli('export', [], copy)
  t.equal(again.code, 0)
  t.equal(again.stdout, text, 'the copy exports the same bytes to standard output')
})
