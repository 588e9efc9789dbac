import { readFileSync } from 'node:fs'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'

/** The elements' module, as shipped beside the typed client: read once, served as it is. */
const MODULE = readFileSync(new URL('../../../clients/elements/byline.js', import.meta.url), 'utf8')

// The URL carries no version, so a day fresh and a week stale while revalidating: a fix
// reaches every page within a day, and a revalidation is a 304 on the ETag.
const CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800'

export const elementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/elements/byline.js',
    {
      config: { scope: 'public' },
      schema: {
        tags: ['elements'],
        operationId: 'getElements',
        summary: 'The <byline-story> and <byline-sourcing> custom elements, one ES module',
        description:
          'A dependency-free ES module for any page: `<script type="module" src="{api}/elements/byline.js">`. `<byline-story api story>` renders a story with every located quote marked at its offsets and attributed on hover or focus; `<byline-sourcing api story>` renders who the story quotes, named and anonymous. Public, cross-origin (CORS and `Cross-Origin-Resource-Policy: cross-origin`), cached for a day with an ETag. A query string is ignored, so a page may add one to pass its own cache.',
        response: {
          200: {
            description: 'The module',
            content: { 'text/javascript': { schema: z.string().meta({ description: 'JavaScript (an ES module).' }) } },
          },
        },
      },
    },
    async (_req, reply) => {
      // A string is sent as it is: the response serializer does not run on it.
      return reply.type('text/javascript; charset=utf-8').header('cache-control', CACHE_CONTROL).send(MODULE)
    },
  )
}
