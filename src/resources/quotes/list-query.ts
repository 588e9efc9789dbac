import { z } from 'zod'
import { nameList, sortParam, splitNames } from '../../core/listing.js'
import { PageQuery } from '../../core/pagination.js'
import { QUOTE_INCLUDES, QUOTE_SORTS, type QuoteListOptions, type QuoteSort } from './queries.js'
import { Quote } from './schemas.js'

/** The query of every list of quotes: pagination, order and shape, then the list's own filters. */
export const quoteListQuery = <F extends z.ZodRawShape>(defaultSort: QuoteSort, filters: F) =>
  z.strictObject({
    ...PageQuery,
    sort: sortParam(QUOTE_SORTS, defaultSort),
    include: nameList('include', QUOTE_INCLUDES).optional(),
    fields: nameList('field', Object.keys(Quote.shape)).optional(),
    ...filters,
  })

type ListQuery = { limit: number; cursor?: string | undefined; sort: QuoteSort; include?: string | undefined; fields?: string | undefined }

/** A validated list query as the list takes it. */
export const quoteListOptions = ({ limit, cursor, sort, include, fields }: ListQuery): QuoteListOptions => ({
  limit,
  cursor,
  sort,
  include: splitNames(include),
  fields: splitNames(fields),
})
