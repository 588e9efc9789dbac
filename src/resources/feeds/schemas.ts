import { z } from 'zod'
import { IsoDateTime } from '../../core/contract.js'

const JsonFeedAuthor = z.object({ name: z.string() }).meta({ id: 'JsonFeedAuthor' })

export const JsonFeedItem = z
  .object({
    id: z.string().meta({ description: "The story's API URL, by id: stable when the slug changes." }),
    url: z.string(),
    title: z.string().meta({ description: 'The headline.' }),
    summary: z.string().optional().meta({ description: 'The standfirst, when the story has one.' }),
    content_html: z.string().meta({ description: 'The body as HTML, one <p> per paragraph; story text is escaped.' }),
    date_published: IsoDateTime.optional().meta({ description: 'Absent when the publication time is not known.' }),
    date_modified: IsoDateTime,
    authors: z.array(JsonFeedAuthor).optional().meta({ description: 'The byline and reporters; absent for an uncredited story.' }),
    tags: z.array(z.string()),
    language: z.string(),
  })
  .meta({ id: 'JsonFeedItem' })

export const JsonFeed = z
  .object({
    version: z.literal('https://jsonfeed.org/version/1.1'),
    title: z.string(),
    home_page_url: z.string().meta({ description: 'The same stories as an API list.' }),
    feed_url: z.string().meta({ description: 'The URL this feed was fetched from.' }),
    description: z.string(),
    authors: z.array(JsonFeedAuthor),
    items: z.array(JsonFeedItem).max(50),
  })
  .meta({ id: 'JsonFeed', description: 'A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/), newest stories first.' })
export type JsonFeed = z.infer<typeof JsonFeed>
