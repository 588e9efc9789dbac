import { CORRECTION_KINDS, QUOTE_KINDS } from '../../../db/schema.js'
import type { Links } from './links.js'
import { NINJS_SCHEMA_ID } from './ninjs.js'

const NUMBER = '(?:0|[1-9][0-9]*)'

/**
 * The Byline profile of ninjs 3.x as a JSON Schema. ninjs leaves no room for extra
 * properties (IPTC's way to extend it is a schema that adds some, which the bare schema
 * would then refuse), so the profile only narrows: it says which standard properties carry
 * a story's quotes, speakers and offsets, and every document it accepts is plain ninjs.
 */
export function ninjsProfileSchema(links: Links) {
  const hasRel = (rel: string) => ({ properties: { rel: { const: rel } }, required: ['rel'] })
  const spokenBy = { contains: hasRel('speaker') }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: links.ninjsProfile,
    title: 'Byline profile of IPTC ninjs 3.x',
    description:
      'A Byline story as ninjs: valid against IPTC ninjs 3.1 (and later 3.x) as it is. `uri` is the story in this API; `by` names the byline credits, then the reporters; `people` holds every credit with its role as `rel`. Tags are subjects, places, organisations and people with `rel: "about"`.',
    allOf: [{ $ref: NINJS_SCHEMA_ID }],
    required: ['uri', 'profile', 'type', 'version', 'pubStatus', 'headlines', 'bodies'],
    properties: {
      profile: { const: links.ninjsProfile },
      bodies: {
        description:
          'The `main` body is HTML with one top-level element per block of the story, in order: the text content of element n is block n of the JSON representation, to which quote offsets apply.',
      },
      descriptions: {
        description: `\`summary\` is the standfirst; the roles ${CORRECTION_KINDS.join(', ')} are the published corrections, newest first, as printed with the story.`,
      },
      associations: {
        items: {
          if: hasRel('quote'),
          then: {
            description:
              'A quote: its words, its kind, who said them, and where they stand. `uri` is the quote in this API, with its full attribution.',
            required: ['bodies', 'genres'],
            properties: {
              bodies: {
                description: 'The words exactly as the story has them, without quotation marks.',
                minItems: 1,
                maxItems: 1,
                items: { properties: { contentType: { const: 'text/plain' } } },
              },
              genres: {
                description: 'direct: a full quotation; partial: a quoted fragment; paraphrase: reported speech, not to be set in quotation marks.',
                minItems: 1,
                maxItems: 1,
                items: { properties: { literal: { enum: [...QUOTE_KINDS] } }, required: ['literal'] },
              },
              altIds: {
                items: {
                  if: { properties: { role: { const: 'location' } }, required: ['role'] },
                  then: {
                    description:
                      'block=B&start=S&end=E: the words are `text.slice(S, E)` of block B of the main body, counted in UTF-16 code units. Absent when an edit of the story removed the words.',
                    properties: { value: { pattern: `^block=${NUMBER}&start=${NUMBER}&end=${NUMBER}$` } },
                  },
                },
              },
            },
            anyOf: [
              {
                description: 'A person said it; for an anonymous source `name` is how the story describes them.',
                required: ['people'],
                properties: { people: spokenBy },
              },
              {
                description: 'An organization or a group said it.',
                required: ['organisations'],
                properties: { organisations: spokenBy },
              },
            ],
          },
        },
      },
    },
  }
}
