// @byline/client against a running server, over sockets, as a frontend or partner uses it.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { BylineError, createBylineClient } from '../clients/typescript/src/index.js'
import { clientTypes } from '../scripts/client-types.js'
import { buildApp } from '../src/app.js'
import { createKey } from '../src/core/keys.js'
import { createImporter } from '../src/resources/articles/importer.js'
import { fixtureDocument, testDb } from './helper.js'

t.test('the generated types are those of openapi.yaml as it stands', async (t) => {
  const stored = readFileSync(new URL('../clients/typescript/src/schema.ts', import.meta.url), 'utf8')
  t.ok(stored === (await clientTypes()), 'clients/typescript/src/schema.ts is current (run `npm run client:types`)')
})

t.test('the package builds for browsers: ESM with declarations, no Node types', async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'byline-client-'))
  t.teardown(() => rmSync(out, { recursive: true, force: true }))
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'clients/typescript', '--outDir', out])
  t.ok(existsSync(join(out, 'index.js')) && existsSync(join(out, 'index.d.ts')), 'index.js and index.d.ts')
})

t.test('list, all, get and errors against a running server', async (t) => {
  const db = testDb(t)
  createImporter(db).importBatch(Array.from({ length: 5 }, (_, i) => fixtureDocument(i + 1)))
  const app = await buildApp({ db })
  t.teardown(() => app.close())
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' })
  const byline = createBylineClient({ baseUrl })

  const page = await byline.articles.list({ limit: 2 })
  t.equal(page.data.length, 2)
  t.equal(page.page.total, 6, 'the seed and five fixtures')
  t.ok(page.page.nextCursor)
  const all: string[] = []
  for await (const article of byline.articles.all({ limit: 2 })) all.push(article.slug)
  t.equal(all.length, 6, 'all() follows the cursor over three pages')
  t.equal(new Set(all).size, 6, 'each story once')
  const one = await byline.articles.get('fixture-story-3')
  t.equal(one.data.slug, 'fixture-story-3')
  t.equal(one.data.quotes[0]?.text, 'Quote number 3 stands here')

  const missing = await byline.articles.get('no-such-story').catch((err: unknown) => err)
  t.ok(missing instanceof BylineError, 'a 404 throws BylineError')
  t.match(missing, { status: 404, problem: { status: 404, title: 'Not Found' } })

  const locked = await buildApp({ db, readRequiresKey: true })
  t.teardown(() => locked.close())
  const lockedUrl = await locked.listen({ port: 0, host: '127.0.0.1' })
  const refused = await createBylineClient({ baseUrl: lockedUrl }).articles.list().catch((err: unknown) => err)
  t.match(refused, { name: 'BylineError', status: 401, problem: { status: 401 } }, 'a 401 carries the problem')
})

t.test('429 and 503 are retried after Retry-After, three times at most, or not at all', async (t) => {
  let answers = 0
  let busyFor = 2
  const server = createServer((req, res) => {
    answers++
    if (answers <= busyFor) {
      res.writeHead(answers % 2 ? 429 : 503, { 'retry-after': '0', 'content-type': 'application/problem+json' })
      res.end(JSON.stringify({ status: 429, title: 'Too Many Requests' }))
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ data: [], page: { limit: 20, nextCursor: null, total: 0 } }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => server.close())
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  t.same((await createBylineClient({ baseUrl }).articles.list()).data, [], 'answered after two refusals')
  t.equal(answers, 3)
  answers = 0
  busyFor = 10
  const gaveUp = await createBylineClient({ baseUrl }).articles.list().catch((err: unknown) => err)
  t.match(gaveUp, { name: 'BylineError' })
  t.equal(answers, 4, 'the first try and three retries')
  answers = 0
  const once = await createBylineClient({ baseUrl, retry: false }).articles.list().catch((err: unknown) => err)
  t.match(once, { status: 429 })
  t.equal(answers, 1, 'retry: false sends once')
})

t.test('writes as an editor makes them: a replayed create, an update after a compressed read, a stale ETag, a withdrawal', async (t) => {
  const db = testDb(t)
  const { secret } = createKey(db, 'Newsroom', ['write'])
  const app = await buildApp({ db })
  t.teardown(() => app.close())
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' })
  const byline = createBylineClient({ baseUrl, apiKey: secret })
  const SEED = 'islamic-militant-threat-grows-in-pakistani-heartland'

  const doc = { ...fixtureDocument(7), slug: 'client-story' }
  const created = await byline.articles.create(doc as never, { idempotencyKey: 'client-create-1' })
  const replayed = await byline.articles.create(doc as never, { idempotencyKey: 'client-create-1' })
  t.equal(replayed.data.id, created.data.id, 'the replay answers the first create')
  t.equal(db.$client.prepare("select count(*) from articles where slug = 'client-story'").pluck().get(), 1, 'one story written')

  // The seed story is long enough that a fetch (which asks for br and gzip) reads it compressed.
  const read = await fetch(`${baseUrl}/v1/articles/${SEED}`, { headers: { authorization: `Bearer ${secret}` } })
  t.match(read.headers.get('content-encoding'), /^(br|gzip)$/, 'the read the client makes is compressed')
  const staleTag = read.headers.get('etag')!
  await read.arrayBuffer()
  const updated = await byline.articles.update(SEED, { headline: 'Edited from the client' })
  t.equal(updated.data.headline, 'Edited from the client', 'update reads the ETag itself and sends it as If-Match')
  const stale = await byline.articles.update(SEED, { headline: 'Too late' }, { etag: staleTag }).catch((err: unknown) => err)
  t.match(stale, { name: 'BylineError', status: 412 }, 'a stale ETag is a 412')
  t.equal((await byline.articles.get(SEED)).data.headline, 'Edited from the client')
  const revisions = await byline.articles.revisions(SEED)
  t.ok(revisions.data.length >= 2, `${revisions.data.length} revisions`)

  await byline.articles.withdraw('client-story')
  t.match(await byline.articles.get('client-story').catch((err: unknown) => err), { status: 410 }, 'withdrawn: 410 Gone')
})
