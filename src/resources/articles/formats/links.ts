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

// A URL a consumer may follow: a stored related link or photo URL that is not http(s)
// (javascript:, data:) would be unsafe in their pages and is left out.
export function webUrl(url: string | null): string | undefined {
  if (url === null || !URL.canParse(url)) return undefined
  const { protocol } = new URL(url)
  return protocol === 'http:' || protocol === 'https:' ? url : undefined
}

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/

/**
 * The origin requests reached us at, for absolute URIs in the output; undefined when the
 * Host header is not a host name, so nothing the client sent lands unchecked in a document.
 */
export function originOf(protocol: string, host: string | undefined): string | undefined {
  if (!host || !HOST.test(host) || !URL.canParse(`${protocol}://${host}`)) return undefined
  return new URL(`${protocol}://${host}`).origin
}
