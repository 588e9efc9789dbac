import { z } from 'zod'
import { ARTICLE_STATUSES } from '../../db/schema.js'
import { IsoDateTime } from '../../core/contract.js'
import { Credit } from '../authors/schemas.js'
import { Correction } from '../corrections/schemas.js'
import { Quote } from '../quotes/schemas.js'
import { Tag } from '../tags/schemas.js'

export const Paragraph = z
  .object({ type: z.literal('paragraph'), text: z.string() })
  .meta({ id: 'Paragraph', description: 'A paragraph of the story, verbatim.' })

export const RelatedLink = z
  .object({
    type: z.literal('related-link'),
    text: z.string().meta({ examples: ["Read more on Thursday's wave of attacks across Pakistan"] }),
    url: z.string().nullable().meta({ description: 'Null when the published story does not give the target.' }),
  })
  .meta({ id: 'RelatedLink', description: 'A link to related coverage placed inside the story.' })

export const Block = z.discriminatedUnion('type', [Paragraph, RelatedLink]).meta({ id: 'Block' })

export const Media = z
  .object({
    kind: z.literal('photo'),
    credit: z.string().nullable().meta({ examples: ['AP Photo/K.M. Chaudary'] }),
    caption: z.string().nullable(),
    url: z.string().nullable(),
  })
  .meta({ id: 'Media' })

/**
 * A URL a reader may follow or a page may load: absolute, http: or https:. A javascript: or
 * data: URL would run or render in the partner's page.
 */
export const WebUrl = z
  .url({ protocol: /^https?$/, error: 'must be an absolute http: or https: URL' })
  .meta({ description: 'An absolute http: or https: URL.', examples: ['https://www.example.com/news/2026/11/earlier-coverage'] })

// What writers send. The response schemas above describe what is stored, which may predate
// a rule here, so they are not held to these.

/**
 * The most text a body block and a whole body may hold, in UTF-16 code units (as offsets
 * count). A news paragraph is well under the first and a long read under the second; both
 * bound what an edit costs: re-anchoring is at worst quotes × body length, and a revision
 * diff compares blocks of at most this length word by word.
 */
export const MAX_BLOCK_CHARS = 10_000
export const MAX_BODY_CHARS = 200_000
export const MAX_BODY_BLOCKS = 1000

const BlockText = z
  .string()
  .max(MAX_BLOCK_CHARS)
  .meta({ description: `At most ${MAX_BLOCK_CHARS.toLocaleString('en')} characters (UTF-16 code units).` })

export const NewParagraph = z
  .object({ type: z.literal('paragraph'), text: BlockText })
  .meta({ id: 'NewParagraph', description: 'A paragraph of the story, verbatim.' })

export const NewRelatedLink = z
  .object({
    type: z.literal('related-link'),
    text: BlockText.meta({ examples: ["Read more on Thursday's wave of attacks across Pakistan"] }),
    url: WebUrl.nullable().meta({ description: 'Null when the published story does not give the target.' }),
  })
  .meta({ id: 'NewRelatedLink', description: 'A link to related coverage placed inside the story.' })

export const NewBlock = z.discriminatedUnion('type', [NewParagraph, NewRelatedLink]).meta({ id: 'NewBlock' })

export const NewBody = z
  .array(NewBlock)
  .min(1)
  .max(MAX_BODY_BLOCKS)
  .superRefine((blocks, ctx) => {
    const length = blocks.reduce((sum, b) => sum + b.text.length, 0)
    if (length > MAX_BODY_CHARS) {
      ctx.addIssue({
        code: 'custom',
        message: `holds ${length.toLocaleString('en')} characters of text; a body holds at most ${MAX_BODY_CHARS.toLocaleString('en')}`,
        input: blocks,
      })
    }
  })
  .meta({
    description: `At most ${MAX_BODY_BLOCKS.toLocaleString('en')} blocks of at most ${MAX_BLOCK_CHARS.toLocaleString('en')} characters each, and ${MAX_BODY_CHARS.toLocaleString('en')} characters of text in all.`,
  })

export const NewMedia = z
  .object({ ...Media.shape, url: WebUrl.nullable() })
  .meta({ id: 'NewMedia' })

export const Note = z
  .object({
    field: z.string().nullable().meta({ description: 'The field the note is about, or null for the whole article.' }),
    text: z.string(),
  })
  .meta({ id: 'Note', description: 'Where a fact the story itself does not state comes from, or why it is missing.' })

export const Sourcing = z
  .object({
    sources: z.object({ total: z.int(), named: z.int(), anonymous: z.int() }),
    quotes: z.object({
      total: z.int(),
      direct: z.int(),
      partial: z.int(),
      paraphrase: z.int(),
      fromAnonymousSources: z.int(),
    }),
  })
  .meta({ id: 'Sourcing', description: 'How the story is sourced, counted from its quotes and their sources.' })
export type Sourcing = z.infer<typeof Sourcing>

const summaryFields = {
  id: z.string().meta({ examples: ['art_01a2b3c4d5e6f7g8h9j0kmnpqr'] }),
  slug: z.string().meta({ examples: ['islamic-militant-threat-grows-in-pakistani-heartland'] }),
  headline: z.string(),
  standfirst: z.string().nullable(),
  language: z.string().meta({ description: 'BCP 47 language tag.', examples: ['en'] }),
  status: z.enum(ARTICLE_STATUSES),
  publishedAt: IsoDateTime.nullable().meta({ description: 'Null when the publication time is not known.' }),
  publisher: z.string().nullable().meta({ examples: ['CBS News'] }),
  wordCount: z.int().min(0),
  media: z.array(Media),
  authors: z.array(Credit),
  tags: z.array(Tag),
  sourcing: Sourcing,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.int().min(1),
}

export const ArticleSummary = z
  .object({
    ...summaryFields,
    body: z.array(Block).optional().meta({ description: 'Present with `include=body`.' }),
    quotes: z.array(Quote).optional().meta({ description: 'Present with `include=quotes` (each quote carries its source).' }),
  })
  .meta({
    id: 'ArticleSummary',
    description: 'An article without its body and quotes unless included, for lists. With `fields`, only the named fields and `id`.',
  })
export type ArticleSummary = z.infer<typeof ArticleSummary>

export const Article = z
  .object({
    ...summaryFields,
    body: z.array(Block),
    quotes: z.array(Quote).meta({ description: 'Every quote in reading order, each with its source.' }),
    notes: z.array(Note),
    corrections: z.array(Correction).meta({ description: 'Published corrections, newest first, as printed with the story.' }),
  })
  .meta({ id: 'Article', description: 'A whole story: everything a page needs in one request.' })
export type Article = z.infer<typeof Article>
