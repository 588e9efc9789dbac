import { z } from 'zod'
import { TAG_TYPES } from '../../db/schema.js'
import { NameQuery } from '../../core/listing.js'
import { taxonomyRoutes } from '../taxonomy/route-factory.js'
import { tagCommands } from './commands.js'
import { findTag, listTagsJson, TAG_SORTS } from './queries.js'
import { Tag } from './schemas.js'

export const tagRoutes = taxonomyRoutes({
  noun: 'a tag',
  item: Tag,
  read: findTag,
  commands: tagCommands,
  list: {
    summary: 'List the tags of published stories, by name by default',
    sort: [TAG_SORTS, 'name'],
    filters: { type: z.enum(TAG_TYPES).optional(), q: NameQuery.optional() },
    json: listTagsJson,
  },
  deleteSummary: 'Delete a tag no article carries; needs If-Match',
})
