import { z } from 'zod'
import { AUTHOR_ROLES } from '../../db/schema.js'
import { IsoDateTime } from '../../core/contract.js'

export const AuthorRole = z.enum(AUTHOR_ROLES).meta({
  id: 'AuthorRole',
  description: 'What the person did for the story.',
})

export const Author = z
  .object({
    id: z.string().meta({ examples: ['aut_01a2b3c4d5e6f7g8h9j0kmnpqr'] }),
    slug: z.string().meta({ examples: ['tucker-reals'] }),
    name: z.string().meta({ examples: ['Tucker Reals'] }),
    title: z.string().nullable().meta({ examples: ['foreign editor'] }),
    organization: z.string().nullable().meta({ examples: ['CBS News'] }),
    location: z.string().nullable().meta({ examples: ['London'] }),
    bio: z.string().nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    version: z.int().min(1),
  })
  .meta({ id: 'Author', description: 'A person who wrote, reported or made media for stories.' })
export type Author = z.infer<typeof Author>

/** An author as credited on one article. */
export const Credit = Author.extend({
  role: AuthorRole,
  position: z.int().min(0).meta({ description: 'Order of the credit on the article, from 0.' }),
}).meta({ id: 'Credit', description: 'An author credited on an article, with their role and order.' })
export type Credit = z.infer<typeof Credit>

export const AuthorRef = z
  .object({ id: z.string(), slug: z.string(), name: z.string() })
  .meta({ id: 'AuthorRef', description: 'An author named by reference.' })
export type AuthorRef = z.infer<typeof AuthorRef>
