import { z } from 'zod'
import { SOURCE_KINDS } from '../../db/schema.js'
import { BooleanParam, FullTextQuery } from '../../core/listing.js'
import { taxonomyRoutes } from '../taxonomy/route-factory.js'
import { sourceCommands } from './commands.js'
import { findSource, listSourcesJson, SOURCE_SORTS } from './queries.js'
import { Source } from './schemas.js'

export const sourceRoutes = taxonomyRoutes({
  noun: 'a source',
  item: Source,
  read: findSource,
  commands: sourceCommands,
  list: {
    summary: 'List the sources published stories attribute quotes to',
    sort: [SOURCE_SORTS, 'slug'],
    filters: {
      kind: z.enum(SOURCE_KINDS).optional(),
      anonymous: BooleanParam('true: unnamed sources only; false: named ones only.').optional(),
      affiliation: z.string().min(1).max(200).optional().meta({ description: 'Exact affiliation, e.g. Pakistani intelligence.' }),
      q: FullTextQuery.optional(),
    },
    json: (db, view, { anonymous, ...f }, opts) =>
      listSourcesJson(db, view, { ...f, anonymous: anonymous === undefined ? undefined : anonymous === 'true' }, opts),
  },
  deleteSummary: 'Delete a source no quote is attributed to; needs If-Match',
})
