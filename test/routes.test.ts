import t from 'tap'
import { seedDocument } from '../seed/load.js'
import { build } from './helper.js'

const seed = seedDocument()
const quote = seed.quotes[0]!.id!

// Every public route with a path that exists and one that does not.
const ROUTES: [string, string | null][] = [
  ['/v1/articles', null],
  [`/v1/articles/${seed.slug}`, '/v1/articles/missing'],
  [`/v1/articles/${seed.slug}/authors`, '/v1/articles/missing/authors'],
  [`/v1/articles/${seed.slug}/sources`, '/v1/articles/missing/sources'],
  [`/v1/articles/${seed.slug}/quotes`, '/v1/articles/missing/quotes'],
  ['/v1/authors', null],
  ['/v1/authors/farhan-bokhari', '/v1/authors/missing'],
  ['/v1/authors/farhan-bokhari/articles', '/v1/authors/missing/articles'],
  ['/v1/sources', null],
  ['/v1/sources/pakistani-taliban', '/v1/sources/missing'],
  ['/v1/sources/pakistani-taliban/quotes', '/v1/sources/missing/quotes'],
  ['/v1/quotes', null],
  [`/v1/quotes/${quote}`, '/v1/quotes/quo_missing'],
  ['/v1/tags', null],
  ['/v1/tags/lahore', '/v1/tags/missing'],
  ['/v1/tags/lahore/articles', '/v1/tags/missing/articles'],
  ['/v1/search?q=Punjab', null],
  ['/v1/corrections', null],
  [`/v1/articles/${seed.slug}/corrections`, '/v1/articles/missing/corrections'],
  ['/v1/changes', null],
]

t.test('every route answers 200, 404 for what does not exist, and 400 for a bad parameter', async (t) => {
  const app = await build(t)
  // Public JSON reads: the GET operations that need no key (revisions are for write keys,
  // webhooks for admin keys) and answer JSON (feeds have their own test).
  type Op = { security?: unknown; responses: Record<string, { content?: Record<string, unknown> }> }
  const paths = (await app.inject('/openapi.json')).json().paths as Record<string, Record<string, Op>>
  const documented = Object.entries(paths).filter(
    ([p, ops]) => p.startsWith('/v1/') && ops.get && !ops.get.security && ops.get.responses['200']?.content?.['application/json'],
  )
  t.equal(ROUTES.length, documented.length, 'this table covers every documented public /v1 JSON read')
  for (const [path, missing] of ROUTES) {
    const ok = await app.inject(path)
    t.equal(ok.statusCode, 200, path)
    t.match(ok.headers['content-type'], /^application\/json/)
    t.ok(ok.json().data, `${path} has data`)
    if (missing) {
      const res = await app.inject(missing)
      t.equal(res.statusCode, 404, missing)
      t.match(res.json(), { status: 404, instance: missing })
    }
    const bad = await app.inject(`${path}${path.includes('?') ? '&' : '?'}unexpected=1`)
    t.equal(bad.statusCode, 400, `${path} with unexpected=1`)
    t.match(bad.headers['content-type'], /^application\/problem\+json/)
    t.match(bad.json(), { status: 400, errors: [{ in: 'query', parameter: 'unexpected' }] })
  }
})
