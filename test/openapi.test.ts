import { readFileSync } from 'node:fs'
import t from 'tap'
import { openApiYaml } from '../scripts/openapi.js'
import { build } from './helper.js'

t.test('openapi.yaml is what the route schemas generate (run `npm run openapi` after changing a route)', async (t) => {
  const committed = readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8')
  t.equal(committed, await openApiYaml())
})

t.test('the server serves its OpenAPI 3.1 document and Swagger UI', async (t) => {
  const app = await build(t)
  const res = await app.inject('/openapi.json')
  t.equal(res.statusCode, 200)
  const doc = res.json()
  t.equal(doc.openapi, '3.1.0')
  t.equal(doc.info.title, 'Byline')
  const operations = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method, op })),
  )
  const ids = operations.map((o) => o.op.operationId)
  t.equal(new Set(ids).size, ids.length, 'operationIds are unique')
  // The inventory of the contract: an operation added or lost shows up here.
  t.same(ids.toSorted(), [
    'articlesFeedAtom', 'articlesFeedJson', 'articlesFeedRss', 'authorFeedAtom', 'authorFeedJson', 'authorFeedRss',
    'createArticle', 'createAuthor', 'createQuote', 'createSource', 'createTag', 'createWebhook',
    'deleteAuthor', 'deleteQuote', 'deleteSource', 'deleteTag', 'deleteWebhook', 'diffArticleRevisions',
    'getArticle', 'getArticleRevision', 'getAuthor', 'getElements', 'getHealth', 'getQuote', 'getReady', 'getSource', 'getTag', 'getWebhook',
    'listArticleAuthors', 'listArticleCorrections', 'listArticleQuotes', 'listArticleRevisions', 'listArticleSources',
    'listArticles', 'listAuthorArticles', 'listAuthors', 'listChanges', 'listCorrections', 'listQuotes', 'listSourceQuotes',
    'listSources', 'listTagArticles', 'listTags', 'listWebhookDeliveries', 'listWebhooks', 'search',
    'tagFeedAtom', 'tagFeedJson', 'tagFeedRss',
    'updateArticle', 'updateAuthor', 'updateQuote', 'updateSource', 'updateTag', 'withdrawArticle',
  ])
  for (const { path, method, op } of operations) {
    const name = `${method.toUpperCase()} ${path}`
    t.ok(op.operationId, `${name} has an operationId`)
    t.ok(op.tags?.length, `${name} has tags`)
    const success = op.responses['200'] ?? op.responses['201']
    if (method === 'delete') t.ok(op.responses['204'], `${name} documents its 204`)
    else t.ok(Object.values(success?.content ?? {}).some((c: any) => c.schema), `${name} documents its success`)
    // Writes are never open: each names the scope it needs.
    if (method !== 'get') t.match(op.security, [{ apiKey: [/^(write|admin)$/] }], `${name} needs a key scope`)
    if (path.startsWith('/v1/')) {
      t.ok(op.responses['400']?.content?.['application/problem+json'], `${name} documents its 400`)
      for (const status of ['401', '403', '429']) t.ok(op.responses[status], `${name} documents its ${status}`)
      if (path.includes('{')) t.ok(op.responses['404']?.content?.['application/problem+json'], `${name} documents its 404`)
    }
  }
  t.ok(doc.components.schemas.Problem.examples.length >= 2, 'problems come with examples')
  t.equal(doc.components.securitySchemes.apiKey.scheme, 'bearer')
  t.ok(doc.components.schemas.Quote.properties.location, 'quotes document their location')
  t.match(doc.components.schemas.QuoteLocation.description, /UTF-16 code units/)

  const ui = await app.inject('/docs/')
  t.equal(ui.statusCode, 200)
  t.match(ui.headers['content-type'], /text\/html/)
})
