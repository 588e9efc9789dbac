import { z } from 'zod'
import { SOURCE_KINDS } from '../../db/schema.js'
import { IsoDateTime } from '../../core/contract.js'

export const Source = z
  .object({
    id: z.string().meta({ examples: ['src_01a2b3c4d5e6f7g8h9j0kmnpqr'] }),
    slug: z.string().meta({ examples: ['senior-western-diplomat'] }),
    name: z.string().nullable().meta({ description: 'Null when the source is anonymous.', examples: [null] }),
    description: z.string().meta({
      description: 'The source as the story describes them.',
      examples: ['a senior Western diplomat'],
    }),
    kind: z.enum(SOURCE_KINDS),
    anonymous: z.boolean(),
    affiliation: z.string().nullable().meta({ examples: ['Pakistani intelligence'] }),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    version: z.int().min(1),
  })
  .meta({
    id: 'Source',
    description: 'A person, organization or group a story attributes information to, named or anonymous.',
  })
export type Source = z.infer<typeof Source>
