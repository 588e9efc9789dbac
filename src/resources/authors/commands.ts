import { z } from 'zod'
import { articleAuthors, authors, quotes } from '../../db/schema.js'
import { Slug, Text } from '../../core/fields.js'
import { taxonomyCommands } from '../taxonomy/commands.js'
import { newBody, patchBody } from '../taxonomy/schemas.js'
import { storedAuthor } from './queries.js'

const fields = {
  slug: Slug.meta({ description: 'Unique among authors; lowercase words joined by hyphens.', examples: ['tucker-reals'] }),
  name: Text.meta({ examples: ['Tucker Reals'] }),
  title: Text.nullable().meta({ examples: ['foreign editor'] }),
  organization: Text.nullable().meta({ examples: ['CBS News'] }),
  location: Text.nullable().meta({ examples: ['London'] }),
  bio: Text.nullable(),
}

export const NewAuthor = newBody(
  fields,
  { id: 'NewAuthor', description: 'An author to create; the server assigns id, version and timestamps.' },
  ['title', 'organization', 'location', 'bio'],
)
export type NewAuthor = z.infer<typeof NewAuthor>

export const AuthorPatch = patchBody(fields, {
  id: 'AuthorPatch',
  description: 'The fields to change; a field left out keeps its value, null clears it.',
})
export type AuthorPatch = z.infer<typeof AuthorPatch>

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

export const authorCommands = taxonomyCommands(
  { one: 'author', prefix: 'aut', table: authors, stored: storedAuthor, New: NewAuthor, Patch: AuthorPatch },
  {
    // The articles crediting an author and the quotes said to them: a delete must wait for both to go.
    referrers: [
      {
        resource: 'article',
        id: articleAuthors.articleId,
        column: articleAuthors.authorId,
        note: articleAuthors.role,
        detail: (role) => `credits this author as ${role}`,
      },
      { resource: 'quote', id: quotes.id, column: quotes.saidToId, detail: () => 'was said to this author' },
    ],
    refusal: (slug, [credits = 0, saidTo = 0]) => {
      const what = [
        credits > 0 ? plural(credits, 'article credit', 'article credits') : '',
        saidTo > 0 ? `${plural(saidTo, 'quote', 'quotes')} said to them` : '',
      ].filter(Boolean)
      return `The author "${slug}" still has ${what.join(' and ')}; remove those references first.`
    },
  },
)

export const { create: createAuthor, update: updateAuthor, remove: deleteAuthor } = authorCommands
