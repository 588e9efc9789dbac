import { z } from 'zod'
import { asList, BooleanParam, FullTextQuery, InstantParam, nameList, Repeatable, sortParam, splitNames, toInstant } from '../../core/listing.js'
import { PageQuery } from '../../core/pagination.js'
import { ARTICLE_INCLUDES, ARTICLE_SORTS, type ListOptions } from './queries.js'
import { ArticleSummary } from './schemas.js'

const summaryFieldNames = Object.keys(ArticleSummary.shape)

/** The query of every list of articles: pagination, order, shape and filters. */
export const ArticleListQuery = z.strictObject({
  ...PageQuery,
  sort: sortParam(ARTICLE_SORTS, '-publishedAt'),
  include: nameList('include', ARTICLE_INCLUDES).optional(),
  fields: nameList('field', summaryFieldNames).optional(),
  author: Repeatable('Credited author, by id or slug.').optional(),
  source: Repeatable('Source quoted in the story, by id or slug.').optional(),
  tag: Repeatable('Tag, by id or slug.').optional(),
  publishedAfter: InstantParam('Published at or after this time.').optional(),
  publishedBefore: InstantParam('Published before this time.').optional(),
  updatedSince: InstantParam('Changed at or after this time.').optional(),
  anonymousSources: BooleanParam('true: stories quoting at least one anonymous source; false: stories quoting none.').optional(),
  q: FullTextQuery.optional(),
})
type ArticleListQuery = z.infer<typeof ArticleListQuery>

/** Turns a validated list query into filters and options, scoped further by `extra`. */
export function articleListArgs(q: ArticleListQuery, extra: { author?: string; tag?: string } = {}) {
  const filters = {
    author: [...asList(q.author), ...(extra.author ? [extra.author] : [])],
    tag: [...asList(q.tag), ...(extra.tag ? [extra.tag] : [])],
    source: asList(q.source),
    publishedAfter: toInstant(q.publishedAfter),
    publishedBefore: toInstant(q.publishedBefore),
    updatedSince: toInstant(q.updatedSince),
    anonymousSources: q.anonymousSources === undefined ? undefined : q.anonymousSources === 'true',
    q: q.q,
  }
  const options: ListOptions = {
    limit: q.limit,
    cursor: q.cursor,
    sort: q.sort,
    include: splitNames(q.include),
    fields: splitNames(q.fields),
  }
  return [filters, options] as const
}
