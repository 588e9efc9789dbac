import { z } from 'zod'
import { CORRECTION_KINDS } from '../../db/schema.js'
import { IsoDateTime } from '../../core/contract.js'

export const CorrectionNote = z
  .strictObject({
    kind: z.enum(CORRECTION_KINDS).meta({
      description:
        'correction: a fact was wrong; clarification: it was right but unclear; update: news since; retraction: the story or a part of it is withdrawn as untrue.',
    }),
    note: z.string().min(1).max(2000).meta({ description: 'The text printed with the story.' }),
  })
  .meta({ id: 'CorrectionNote', description: 'A public correction carried by a change.' })
export type CorrectionNote = z.infer<typeof CorrectionNote>

export const Correction = z
  .object({
    id: z.string().meta({ examples: ['cor_01a2b3c4d5e6f7g8h9j0kmnpqr'] }),
    articleId: z.string(),
    kind: z.enum(CORRECTION_KINDS),
    note: z.string(),
    revision: z.int().min(1).meta({ description: 'The revision of the article that made the correction.' }),
    blocks: z.array(z.int().min(0)).meta({ description: 'The body blocks the change touched, as indexes into that revision.' }),
    quotes: z.array(z.string()).meta({ description: 'The ids of the quotes the change touched.' }),
    createdAt: IsoDateTime,
    article: z
      .object({ id: z.string(), slug: z.string(), headline: z.string() })
      .optional()
      .meta({ description: 'The corrected story; present in the list across all articles.' }),
  })
  .meta({ id: 'Correction', description: 'A published correction, clarification, update or retraction.' })
export type Correction = z.infer<typeof Correction>
