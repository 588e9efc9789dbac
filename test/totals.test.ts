// A list's total is counted up to 10,000 items: past that the page says so rather than
// counting a million rows for every first page. Read as clients read, over a socket.
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { buildApp } from '../src/app.js'
import { COUNTED_UP_TO } from '../src/db/cache.js'
import { ArticleDocument } from '../src/resources/articles/document.js'
import { createImporter } from '../src/resources/articles/importer.js'
import { createGenerator } from '../tools/generate.js'
import { testDb, type Json } from './helper.js'

const db = testDb(t)
const generator = createGenerator(5)
// About nine quotes a story: past 10,000 quotes in all.
const importer = createImporter(db)
for (let from = 1; from <= 1300; from += 100) {
  importer.importBatch(Array.from({ length: 100 }, (_, i) => ArticleDocument.parse(JSON.parse(generator.line(from + i)))))
}
const quotes = db.$client.prepare('select count(*) from quotes').pluck().get() as number
const app = await buildApp({ db })
t.teardown(() => app.close())
await app.listen({ port: 0, host: '127.0.0.1' })
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
const page = async (url: string) => ((await (await fetch(`${base}${url}`)).json()) as Json).page

t.test('a list longer than the count goes says so', async (t) => {
  t.ok(quotes > COUNTED_UP_TO + 500, `${quotes} quotes stored`)
  const info = await page('/v1/quotes?limit=5')
  t.equal(info.total, COUNTED_UP_TO, 'total stops at the cap')
  t.equal(info.totalIsExact, false, 'and says it is not exact')
  t.type(info.nextCursor, 'string', 'pages go on past it')
})

t.test('a shorter list is counted exactly, and says nothing more', async (t) => {
  const stories = (await page('/v1/articles?limit=5'))
  const published = db.$client.prepare("select count(*) from articles where status = 'published'").pluck().get() as number
  t.equal(stories.total, published, 'every public story counted')
  t.notOk('totalIsExact' in stories, 'no totalIsExact without a cap or a search')
})
