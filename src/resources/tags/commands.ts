import { z } from 'zod'
import { articleTags, TAG_TYPES, tags } from '../../db/schema.js'
import { Slug, Text } from '../../core/fields.js'
import { taxonomyCommands } from '../taxonomy/commands.js'
import { newBody, patchBody } from '../taxonomy/schemas.js'
import { storedTag } from './queries.js'

const fields = {
  slug: Slug.meta({ description: 'Unique among tags; lowercase words joined by hyphens.', examples: ['lahore'] }),
  name: Text.meta({ examples: ['Lahore'] }),
  type: z.enum(TAG_TYPES),
}

export const NewTag = newBody(fields, { id: 'NewTag', description: 'A tag to create; the server assigns id, version and timestamps.' })
export type NewTag = z.infer<typeof NewTag>

export const TagPatch = patchBody(fields, { id: 'TagPatch', description: 'The fields to change; a field left out keeps its value.' })
export type TagPatch = z.infer<typeof TagPatch>

const articlesText = (n: number) => (n === 1 ? '1 article is' : `${n} articles are`)

export const tagCommands = taxonomyCommands(
  { one: 'tag', prefix: 'tag', table: tags, stored: storedTag, New: NewTag, Patch: TagPatch },
  {
    referrers: [{ resource: 'article', id: articleTags.articleId, column: articleTags.tagId, detail: () => 'is tagged with this tag' }],
    refusal: (slug, [n = 0]) => `${articlesText(n)} still tagged "${slug}"; untag them first.`,
  },
)

export const { create: createTag, update: updateTag, remove: deleteTag } = tagCommands
