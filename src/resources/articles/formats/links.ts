/**
 * Absolute URIs of the API's resources, as syndication formats need them: identifiers that
 * stay the same across versions of a story and resolve to its data here.
 */
export type Links = ReturnType<typeof linksFor>

export function linksFor(origin: string) {
  const at = (collection: string) => (id: string) => `${origin}/v1/${collection}/${encodeURIComponent(id)}`
  return {
    article: at('articles'),
    author: at('authors'),
    source: at('sources'),
    quote: at('quotes'),
    tag: at('tags'),
    ninjsProfile: `${origin}${NINJS_PROFILE_PATH}`,
  }
}

export const NINJS_PROFILE_PATH = '/v1/schemas/ninjs-byline.json'
