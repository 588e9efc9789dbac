import { z } from 'zod'
import { AUTHOR_ROLES } from '../../db/schema.js'
import { NameQuery } from '../../core/listing.js'
import { taxonomyRoutes } from '../taxonomy/route-factory.js'
import { authorCommands } from './commands.js'
import { AUTHOR_SORTS, findAuthor, listAuthorsJson } from './queries.js'
import { Author } from './schemas.js'

const filters = {
  organization: z.string().min(1).max(200).optional().meta({ description: 'Exact organization, e.g. CBS News.' }),
  role: z.enum(AUTHOR_ROLES).optional().meta({ description: 'Credited in this role on a published story.' }),
  q: NameQuery.optional(),
}

export const authorRoutes = taxonomyRoutes({
  noun: 'an author',
  item: Author,
  read: findAuthor,
  commands: authorCommands,
  list: { summary: 'List authors, by name by default', sort: [AUTHOR_SORTS, 'name'], filters, json: listAuthorsJson },
  deleteSummary: 'Delete an author no article credits and no quote was said to; needs If-Match',
})
