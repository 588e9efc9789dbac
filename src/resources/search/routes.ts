import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { SEARCH_KINDS } from '../../db/schema.js'
import { FullTextQuery, nameList, splitNames } from '../../core/listing.js'
import { PageQuery } from '../../core/pagination.js'
import { sendJson } from '../../http/reply.js'
import { list, problemResponses } from '../../core/contract.js'
import { RANKED_TERM_POSTINGS, SEARCH_CANDIDATES, searchJson } from './queries.js'
import { SearchHit } from './schemas.js'

export const searchRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        operationId: 'search',
        summary: 'Search articles, quotes and sources together, best match first',
        description: `Ranks by BM25 over what the public API shows (write keys search drafts too). A search considers at most the ${SEARCH_CANDIDATES.toLocaleString('en')} most recently indexed matches: when more matched, \`page.total\` is ${SEARCH_CANDIDATES.toLocaleString('en')} and \`page.totalIsExact\` is false. Words in more than ${RANKED_TERM_POSTINGS.toLocaleString('en')} items match but do not weigh in the ranking, as stop words; a hit that only such words matched scores 0, the newest first.`,
        querystring: z.strictObject({
          ...PageQuery,
          q: FullTextQuery,
          type: nameList('type', SEARCH_KINDS).optional().meta({ description: 'What to search; all three by default.' }),
          fields: nameList('field', Object.keys(SearchHit.shape)).optional(),
        }),
        response: { 200: list(SearchHit, 'A page of hits, best first'), ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (req, reply) => {
      const { q, type, fields, ...page } = req.query
      const types = type === undefined ? [...SEARCH_KINDS] : (splitNames(type) as (typeof SEARCH_KINDS)[number][])
      return sendJson(reply, searchJson(db, req.view, { q, types, fields: splitNames(fields), ...page }))
    },
  )
}
