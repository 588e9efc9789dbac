import { z } from 'zod'
import { quotes, SOURCE_KINDS, sources } from '../../db/schema.js'
import { Slug, Text } from '../../core/fields.js'
import { unprocessable } from '../../core/problem.js'
import { taxonomyCommands } from '../taxonomy/commands.js'
import { newBody, patchBody } from '../taxonomy/schemas.js'
import { storedSource } from './queries.js'

const fields = {
  slug: Slug.meta({ description: 'Unique among sources; lowercase words joined by hyphens.', examples: ['senior-western-diplomat'] }),
  name: Text.nullable().meta({ description: 'Null exactly when the source is anonymous.', examples: [null] }),
  description: Text.meta({ description: 'The source as the story describes them.', examples: ['a senior Western diplomat'] }),
  kind: z.enum(SOURCE_KINDS),
  anonymous: z.boolean().meta({ description: 'True exactly when name is null.' }),
  affiliation: Text.nullable().meta({ examples: ['Pakistani intelligence'] }),
}

export const NewSource = newBody(
  fields,
  {
    id: 'NewSource',
    description: 'A source to create; the server assigns id, version and timestamps. An anonymous source has no name.',
  },
  ['name', 'affiliation'],
)
export type NewSource = z.infer<typeof NewSource>

export const SourcePatch = patchBody(fields, {
  id: 'SourcePatch',
  description: 'The fields to change; a field left out keeps its value, null clears it.',
})
export type SourcePatch = z.infer<typeof SourcePatch>

/**
 * A named source has a name and an anonymous one has none (a CHECK in the table says so
 * too): refused here first, so the client learns which field to fix instead of getting a 500.
 * A create, or a change that names the name, is told about the name; else about anonymous.
 */
function checkAnonymity(source: { name: string | null; anonymous: boolean }, changes?: SourcePatch) {
  if (source.anonymous === (source.name === null)) return
  if (changes === undefined || changes.name !== undefined) {
    throw unprocessable(
      '/name',
      source.anonymous ? 'must be null for an anonymous source (anonymous: true)' : 'is required for a named source (anonymous: false)',
    )
  }
  throw unprocessable(
    '/anonymous',
    source.anonymous
      ? 'cannot be true while the source has a name; send "name": null with it'
      : 'cannot be false while the source has no name; send a name with it',
  )
}

const quotesText = (n: number) => (n === 1 ? '1 quote is' : `${n} quotes are`)

export const sourceCommands = taxonomyCommands(
  { one: 'source', prefix: 'src', table: sources, stored: storedSource, New: NewSource, Patch: SourcePatch },
  {
    referrers: [{ resource: 'quote', id: quotes.id, column: quotes.sourceId, detail: () => 'is attributed to this source' }],
    refusal: (slug, [n = 0]) => `${quotesText(n)} still attributed to the source "${slug}"; remove or reattribute them first.`,
    check: checkAnonymity,
  },
)

export const { create: createSource, update: updateSource, remove: deleteSource } = sourceCommands
