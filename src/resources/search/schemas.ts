import { z } from 'zod'
import { SEARCH_KINDS } from '../../db/schema.js'

export const SearchHit = z
  .object({
    type: z.enum(SEARCH_KINDS),
    id: z.string(),
    slug: z.string().nullable().meta({ description: 'The slug of an article or source; null for quotes.' }),
    title: z.string().meta({ description: "An article's headline, a quote's text, a source's name or description." }),
    articleId: z.string().nullable().meta({ description: 'For a quote, the story it stands in.' }),
    snippet: z.string().meta({
      description: 'The best-matching passage, HTML-escaped, with matched words in <mark>…</mark>.',
      examples: ["The Punjab is Pakistan's <mark>nerve</mark> <mark>centre</mark>. This…"],
    }),
    score: z.number().meta({ description: 'Relevance (BM25); higher is better. Comparable within one search.' }),
  })
  .meta({ id: 'SearchHit' })
export type SearchHit = z.infer<typeof SearchHit>
