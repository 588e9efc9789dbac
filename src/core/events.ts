import { EventEmitter } from 'node:events'
import { z } from 'zod'
import { EVENT_RESOURCES, EVENT_TYPES } from '../db/schema.js'
import { EMBEDS } from './cache-keys.js'
import { encodeCursor } from './pagination.js'

export type EventRow = { seq: number; type: string; resource: string; resource_id: string; version: number; at: string }

const COLLECTIONS: Record<string, string> = { article: 'articles', author: 'authors', source: 'sources', quote: 'quotes', tag: 'tags' }

export const ChangeEvent = z
  .object({
    seq: z.int().min(1).meta({ description: 'Position in the feed; strictly increasing.' }),
    type: z.enum(EVENT_TYPES).meta({
      description: 'created: now public; updated: changed; withdrawn (articles) or deleted (the rest): gone, remove it.',
    }),
    resource: z.enum(EVENT_RESOURCES),
    id: z.string(),
    version: z.int().min(1),
    at: z.string().meta({ description: 'When the change became public (an embargoed story: its publication instant).' }),
    surrogateKeys: z.array(z.string()).meta({
      description:
        'The Surrogate-Key values a CDN should purge: the resource id, its collection (every list of it: a change may move it into a list that never showed it), and `embeds`, the key of pages too big to name every resource they show (a long list with its includes).',
    }),
    token: z.string().meta({
      description:
        'Pass as `since` to resume the changes feed after this event: a partner that records it with each event it has applied (or with each webhook it has received) loses nothing and applies nothing twice.',
    }),
  })
  .meta({ id: 'ChangeEvent' })
export type ChangeEvent = z.infer<typeof ChangeEvent>

/** The `since` value that resumes the changes feed after event `seq`. */
export const changesToken = (seq: number) => encodeCursor('changes', [seq])

/** An event as the changes feed and webhooks carry it. */
export function toEvent(r: EventRow): ChangeEvent {
  // An update can move a resource into a list that never showed it (a story newly tagged joins
  // its tag's page), so every event names the collection, as a write already empties the
  // origin's own cache of every list.
  const keys = [r.resource_id, COLLECTIONS[r.resource]!, EMBEDS]
  return {
    seq: r.seq,
    type: r.type as ChangeEvent['type'],
    resource: r.resource as ChangeEvent['resource'],
    id: r.resource_id,
    version: r.version,
    at: r.at,
    surrogateKeys: keys,
    token: changesToken(r.seq),
  }
}

/**
 * Told after a transaction that wrote events commits, in this process: long-polling
 * requests and the webhook worker wake at once instead of at their next poll.
 */
export const eventsWritten = new EventEmitter()
eventsWritten.setMaxListeners(0)
