import { z } from 'zod'
import { TAG_TYPES } from '../../db/schema.js'
import { IsoDateTime } from '../../core/contract.js'

export const Tag = z
  .object({
    id: z.string().meta({ examples: ['tag_01kaxpqqm1a2b3c4d5e6f7g8h9'] }),
    slug: z.string().meta({ examples: ['lahore'] }),
    name: z.string().meta({ examples: ['Lahore'] }),
    type: z.enum(TAG_TYPES),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    version: z.int().min(1),
  })
  .meta({ id: 'Tag', description: 'A subject, place, organization or person stories are about.' })
export type Tag = z.infer<typeof Tag>
