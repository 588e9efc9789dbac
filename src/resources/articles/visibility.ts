import { eq } from 'drizzle-orm'
import { articles } from '../../db/schema.js'

/** What the public API may show: the one place that decides it. */
export const isPublic = eq(articles.status, 'published')
