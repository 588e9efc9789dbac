import { z } from 'zod'
import { ANCHORS, QUOTE_KINDS } from '../../db/schema.js'
import { IsoDateTime } from '../../core/contract.js'
import { AuthorRef } from '../authors/schemas.js'
import { Source } from '../sources/schemas.js'

/** The most quotes one story holds: the other factor of re-anchoring's cost. */
export const MAX_QUOTES = 1000

export const QuoteHint = z
  .strictObject({ block: z.int().min(0), start: z.int().min(0).optional() })
  .meta({ description: 'Where the text stands: needed only when it occurs more than once in the body.' })

export const QuoteLocation = z
  .object({
    block: z.int().min(0).meta({ description: "Index into the article's `body`." }),
    start: z.int().min(0),
    end: z.int().min(1),
  })
  .meta({
    id: 'QuoteLocation',
    description:
      "Where the quote stands: `body[block].text.slice(start, end) === text`. Offsets count UTF-16 code units, as JavaScript's String.prototype.slice does.",
  })

export const Quote = z
  .object({
    id: z.string().meta({ examples: ['quo_01a2b3c4d5e6f7g8h9j0kmnpqr'] }),
    articleId: z.string(),
    text: z.string().meta({
      description: 'The words exactly as the story has them, without quotation marks.',
      examples: ['This is rubbish'],
    }),
    kind: z.enum(QUOTE_KINDS).meta({
      description: 'direct: a full quotation; partial: a quoted fragment inside the writer\'s sentence; paraphrase: reported speech.',
    }),
    location: QuoteLocation.nullable().meta({
      description: 'Null when an edit of the story removed these words (`anchor: orphaned`): a quote never points at other text.',
    }),
    anchor: z.enum(ANCHORS).meta({
      description:
        'exact: where it was written; moved: an edit of the body moved these words and they were found again; orphaned: an edit removed them.',
    }),
    source: Source,
    saidTo: AuthorRef.nullable().meta({ description: 'The journalist it was said to, where the story says so.' }),
    channel: z.string().nullable().meta({ examples: ['in a phone call'] }),
    cue: z.string().nullable().meta({ description: 'The attribution verb as the text has it.', examples: ['told'] }),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    version: z.int().min(1),
    article: z
      .object({ id: z.string(), slug: z.string(), headline: z.string(), publishedAt: z.string().nullable() })
      .optional()
      .meta({ description: 'The story the quote stands in; present with `include=article`.' }),
  })
  .meta({ id: 'Quote', description: "A verbatim slice of a story's text, attributed to a source." })
export type Quote = z.infer<typeof Quote>
