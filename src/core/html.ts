/**
 * The one set of HTML and URL helpers: every format that writes markup (ninjs bodies, feeds,
 * search snippets) escapes and links the same way.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Safe in element content and in double-quoted attributes. */
export const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ENTITIES[c]!)

/** Safe in single-quoted attributes too: for markup a client pastes wherever it likes. */
export const escapeHtmlEverywhere = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!)

// Characters XML 1.0 forbids, even escaped (C0 controls but tab and newlines, lone
// surrogates, U+FFFE/U+FFFF): a story pasted from elsewhere may carry them.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Text made safe as HTML and as XML, in element content and in double-quoted attributes alike. */
export const escapeMarkup = (text: string) => escapeHtml(text.replace(NOT_XML, ''))

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
  if (!host || !HOST.test(host)) return undefined
  try {
    return new URL(`${protocol}://${host}`).origin
  } catch {
    return undefined
  }
}

type BodyBlock = { type: 'paragraph'; text: string } | { type: 'related-link'; text: string; url: string | null }

/**
 * The body as HTML: one top-level element per block, in order, so that the text content of
 * the n-th element is `body[n].text` and quote offsets apply to it unchanged (with `escape`
 * = escapeHtml; feeds pass escapeMarkup, which also drops what XML cannot carry).
 */
export function bodyHtml(body: BodyBlock[], escape: (text: string) => string = escapeHtml): string {
  return body
    .map((block) => {
      const text = escape(block.text)
      if (block.type === 'paragraph') return `<p>${text}</p>`
      const href = webUrl(block.url)
      return `<p class="related-link">${href ? `<a href="${escape(href)}">${text}</a>` : text}</p>`
    })
    .join('\n')
}

/** `{ [key]: items }` when there are items, else nothing: formats that omit empty lists. */
export const nonEmpty = <K extends string, T>(key: K, items: T[]): { [P in K]?: T[] } =>
  (items.length > 0 ? { [key]: items } : {}) as { [P in K]?: T[] }
