// Byline's elements: <byline-story> and <byline-sourcing>, for any page, with no build step.
//
//   <script type="module" src="https://api.example/elements/byline.js"></script>
//   <byline-story api="https://api.example" story="a-slug-or-id"></byline-story>
//   <byline-sourcing api="https://api.example" story="a-slug-or-id"></byline-sourcing>
//
// Both render into the light DOM, so a page styles them with ordinary CSS; `unstyled` turns
// the small default stylesheet off. Everything is built with DOM methods and textContent, never
// from HTML strings: a story's text cannot become markup. Nothing is fetched but the story, from
// `api`, once per page however many elements show it.

const KIND_LABELS = { direct: 'Direct quote', partial: 'Partial quote', paraphrase: 'Paraphrase' }
const ROLE_LABELS = { byline: 'By', reporter: 'Reporting', producer: 'Producer', photographer: 'Photo', editor: 'Editor' }

const STYLE = `
:where(byline-story, byline-sourcing):not([unstyled]) { display: block; font: inherit; color: inherit; line-height: 1.55; }
byline-story:not([unstyled]) .byline-story { position: relative; max-width: 42rem; }
byline-story:not([unstyled]) .byline-headline { font-size: 1.9em; line-height: 1.2; margin: 0 0 .4em; }
byline-story:not([unstyled]) .byline-credits,
byline-story:not([unstyled]) .byline-dateline { color: #555; font-size: .9em; margin: .2em 0; }
byline-story:not([unstyled]) mark { background: #fff1b8; color: inherit; border-bottom: 2px solid #e0b400; padding: 0 .05em; cursor: help; }
byline-story:not([unstyled]) mark[data-kind="paraphrase"] { background: #eef3ff; border-bottom-color: #7d9be8; }
byline-story:not([unstyled]) mark[data-anonymous="true"] { border-bottom-style: dashed; }
byline-story:not([unstyled]) mark:focus-visible { outline: 2px solid #1a56db; outline-offset: 1px; }
byline-story:not([unstyled]) .byline-attribution { position: absolute; z-index: 10; max-width: 22rem; padding: .45em .65em;
  background: #1f2933; color: #fff; border-radius: 4px; font-size: .85em; line-height: 1.35; box-shadow: 0 2px 8px rgb(0 0 0 / .25); }
byline-story:not([unstyled]) .byline-corrections { border-top: 1px solid #ddd; margin-top: 1.5em; font-size: .9em; }
:where(byline-story, byline-sourcing):not([unstyled]) [role="alert"] { color: #a11; }
byline-sourcing:not([unstyled]) .byline-sourcing { border: 1px solid #ddd; border-radius: 6px; padding: .75em 1em; max-width: 42rem; font-size: .92em; }
byline-sourcing:not([unstyled]) .byline-sourcing h2 { font-size: 1.1em; margin: 0 0 .4em; }
byline-sourcing:not([unstyled]) .byline-sources { padding-left: 1.1em; }
byline-sourcing:not([unstyled]) .byline-badge { font-size: .75em; text-transform: uppercase; letter-spacing: .04em; padding: 0 .35em;
  border-radius: 3px; background: #eee; color: #333; margin-left: .4em; }
byline-sourcing:not([unstyled]) .byline-badge[data-anonymous="true"] { background: #fde8e8; color: #8a1c1c; }
`

/** The default stylesheet, once per document or shadow root the elements stand in. */
function adoptStyle(root) {
  const target = root instanceof ShadowRoot || root instanceof Document ? root : document
  if (target.__bylineStyled) return
  target.__bylineStyled = true
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(STYLE)
  target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet]
}

// One request per story and page: both elements of a story share the answer.
const loads = new Map()

/** The story as JSON, with its body, quotes (each with its source) and corrections. */
function loadStory(api, story) {
  const base = new URL(api.endsWith('/') ? api : `${api}/`)
  if (base.protocol !== 'https:' && base.protocol !== 'http:') return Promise.reject(new Error('api must be an http: or https: URL'))
  const url = new URL(`v1/articles/${encodeURIComponent(story)}`, base).href
  if (!loads.has(url)) {
    const load = fetch(url, { headers: { accept: 'application/json' }, credentials: 'omit' }).then(async (res) => {
      const body = await res.json().catch(() => ({}))
      if (!res.ok) throw new Error(body.detail || body.title || `HTTP ${res.status}`)
      return body.data
    })
    // A failed load is asked again by the next element that renders, not remembered.
    load.catch(() => loads.delete(url))
    loads.set(url, load)
  }
  return loads.get(url)
}

/** An element with a class and text: the only way text enters the page. */
function el(tag, className, text) {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

/** Who a source is, as the story describes them. */
function sourceName(source) {
  return source.name ?? source.description ?? 'an unnamed source'
}

/** "Paraphrase · a senior militant commander … (anonymous, Taliban) · to Sami Yousafzai, in a phone call" */
function attribution(quote) {
  const { source } = quote
  const who = sourceName(source)
  const about = [source.anonymous ? 'anonymous source' : null, source.name && source.description ? source.description : null, source.affiliation]
  const detail = about.filter(Boolean).join(', ')
  const parts = [KIND_LABELS[quote.kind] ?? quote.kind, detail ? `${who} (${detail})` : who]
  const to = [quote.saidTo ? `to ${quote.saidTo.name}` : null, quote.channel].filter(Boolean).join(', ')
  if (to) parts.push(to)
  return parts.join(' · ')
}

/** The quotes that can be marked in one block, in order: located, verbatim, not overlapping. */
function marksOf(text, quotes) {
  const honest = quotes
    .filter((q) => q.location && text.slice(q.location.start, q.location.end) === q.text)
    .sort((a, b) => a.location.start - b.location.start || b.location.end - a.location.end)
  const kept = []
  for (const q of honest) if (!kept.length || q.location.start >= kept.at(-1).location.end) kept.push(q)
  return kept
}

/** Base class: renders when connected or when `api` or `story` change; reports its state. */
class BylineElement extends HTMLElement {
  static observedAttributes = ['api', 'story']

  connectedCallback() {
    adoptStyle(this.getRootNode())
    this.#render()
  }

  attributeChangedCallback(_name, before, after) {
    if (this.isConnected && before !== after) this.#render()
  }

  async #render() {
    const api = this.getAttribute('api')
    const story = this.getAttribute('story')
    if (!api || !story) return
    const token = (this.#renders += 1)
    this.dataset.state = 'loading'
    this.setAttribute('aria-busy', 'true')
    try {
      const article = await loadStory(api, story)
      if (token !== this.#renders) return
      this.replaceChildren(this.build(article))
      this.dataset.state = 'ready'
      this.dispatchEvent(new CustomEvent('byline-ready', { detail: { article } }))
    } catch (err) {
      if (token !== this.#renders) return
      const alert = el('p', 'byline-error', `The story could not be shown: ${err.message}`)
      alert.setAttribute('role', 'alert')
      this.replaceChildren(alert)
      this.dataset.state = 'error'
      this.dispatchEvent(new CustomEvent('byline-error', { detail: { error: err } }))
    } finally {
      if (token === this.#renders) this.removeAttribute('aria-busy')
    }
  }

  #renders = 0
}

class BylineStory extends BylineElement {
  build(article) {
    const root = el('article', 'byline-story')
    const headline = el('h1', 'byline-headline', article.headline)
    headline.id = `byline-${article.id}-headline`
    root.setAttribute('aria-labelledby', headline.id)
    root.append(headline)
    if (article.standfirst) root.append(el('p', 'byline-standfirst', article.standfirst))
    root.append(this.credits(article))
    const dateline = [article.publisher, article.publishedAt ? new Date(article.publishedAt).toLocaleDateString(undefined, { dateStyle: 'long' }) : null]
    root.append(el('p', 'byline-dateline', dateline.filter(Boolean).join(' · ')))

    const tooltip = el('div', 'byline-attribution')
    tooltip.id = `byline-${article.id}-attribution`
    tooltip.setAttribute('role', 'tooltip')
    tooltip.hidden = true
    const descriptions = el('div', 'byline-descriptions')
    descriptions.hidden = true
    root.append(this.body(article, descriptions), descriptions, tooltip)
    if (article.corrections?.length) root.append(this.corrections(article.corrections))
    this.wireTooltip(root, tooltip)
    return root
  }

  credits(article) {
    // A photo's published credit ("AP Photo/K.M. Chaudary") stands for its photographer.
    const photoCredits = (article.media ?? []).map((m) => m.credit).filter(Boolean)
    const byRole = new Map()
    for (const a of article.authors ?? []) {
      if (a.role === 'photographer' && photoCredits.length) continue
      byRole.set(a.role, [...(byRole.get(a.role) ?? []), a])
    }
    const lines = [...byRole].map(([role, people]) => {
      const names = people.map((p) => (role === 'byline' && p.title ? `${p.name}, ${p.title}` : p.name)).join(', ')
      return `${ROLE_LABELS[role] ?? role[0].toUpperCase() + role.slice(1)}: ${names}`.replace(/^By: /, 'By ')
    })
    if (photoCredits.length) lines.push(`Photo: ${photoCredits.join(', ')}`)
    return el('p', 'byline-credits', lines.join(' · '))
  }

  body(article, descriptions) {
    const body = el('div', 'byline-body')
    const byBlock = new Map()
    for (const q of article.quotes ?? []) if (q.location) byBlock.set(q.location.block, [...(byBlock.get(q.location.block) ?? []), q])
    article.body.forEach((block, index) => {
      if (block.type === 'related-link') {
        const p = el('p', 'byline-related')
        p.append(block.url ? Object.assign(el('a', '', block.text), { href: block.url }) : el('span', '', block.text))
        body.append(p)
        return
      }
      const p = el('p', 'byline-paragraph')
      let offset = 0
      for (const q of marksOf(block.text, byBlock.get(index) ?? [])) {
        p.append(block.text.slice(offset, q.location.start), this.mark(q, descriptions))
        offset = q.location.end
      }
      p.append(block.text.slice(offset))
      body.append(p)
    })
    return body
  }

  mark(quote, descriptions) {
    const mark = el('mark', 'byline-quote', quote.text)
    Object.assign(mark.dataset, { quoteId: quote.id, sourceId: quote.source.id, kind: quote.kind, anonymous: String(quote.source.anonymous) })
    mark.id = `byline-quote-${quote.id}`
    mark.tabIndex = 0
    // The attribution is the mark's description for assistive technology, as the tooltip is for the eye.
    const description = el('span', '', attribution(quote))
    description.id = `byline-quote-${quote.id}-attribution`
    descriptions.append(description)
    mark.setAttribute('aria-describedby', description.id)
    return mark
  }

  wireTooltip(root, tooltip) {
    const show = (event) => {
      const mark = event.target.closest?.('mark[data-quote-id]')
      if (!mark) return
      tooltip.textContent = document.getElementById(mark.getAttribute('aria-describedby'))?.textContent ?? ''
      tooltip.dataset.quoteId = mark.dataset.quoteId
      tooltip.hidden = false
      const box = mark.getBoundingClientRect()
      const frame = root.getBoundingClientRect()
      tooltip.style.left = `${Math.max(0, box.left - frame.left)}px`
      tooltip.style.top = `${box.bottom - frame.top + 6}px`
    }
    const hide = (event) => {
      if (event.target.closest?.('mark[data-quote-id]')) tooltip.hidden = true
    }
    root.addEventListener('mouseover', show)
    root.addEventListener('focusin', show)
    root.addEventListener('mouseout', hide)
    root.addEventListener('focusout', hide)
    // Escape dismisses it without moving focus (WCAG 1.4.13).
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') tooltip.hidden = true
    })
  }

  corrections(corrections) {
    const section = el('section', 'byline-corrections')
    section.setAttribute('aria-label', 'Corrections')
    section.append(el('h2', '', corrections.length === 1 ? 'Correction' : 'Corrections'))
    const list = el('ol')
    for (const c of corrections) {
      const item = el('li', 'byline-correction')
      item.dataset.kind = c.kind
      const when = el('time', '', new Date(c.createdAt).toLocaleDateString(undefined, { dateStyle: 'medium' }))
      when.dateTime = c.createdAt
      item.append(el('strong', '', `${c.kind[0].toUpperCase()}${c.kind.slice(1)}`), ' (', when, '): ', c.note)
      list.append(item)
    }
    section.append(list)
    return section
  }
}

class BylineSourcing extends BylineElement {
  build(article) {
    const quotes = article.quotes ?? []
    const sources = new Map()
    for (const q of quotes) {
      if (!sources.has(q.source.id)) sources.set(q.source.id, { source: q.source, quotes: [] })
      sources.get(q.source.id).quotes.push(q)
    }
    const all = [...sources.values()]
    const anonymous = all.filter((s) => s.source.anonymous).length
    const fromAnonymous = quotes.filter((q) => q.source.anonymous).length
    const share = quotes.length ? Math.round((fromAnonymous / quotes.length) * 100) : 0

    const root = el('section', 'byline-sourcing')
    root.setAttribute('aria-label', `Sourcing of “${article.headline}”`)
    root.append(el('h2', '', 'Who is quoted'))
    const summary = el('p', 'byline-sourcing-summary')
    const count = countNode
    summary.append(
      count('sources', all.length),
      all.length === 1 ? ' source: ' : ' sources: ',
      count('named', all.length - anonymous),
      ' named, ',
      count('anonymous', anonymous),
      ' anonymous. ',
      count('anonymous-quotes', fromAnonymous),
      ` of ${quotes.length} quotes (`,
      count('anonymous-share', `${share}%`),
      ') come from anonymous sources.',
    )
    root.append(summary, this.sources(all))
    return root
  }

  sources(all) {
    const list = el('ul', 'byline-sources')
    for (const { source, quotes } of all) {
      const item = el('li', 'byline-source')
      Object.assign(item.dataset, { sourceId: source.id, anonymous: String(source.anonymous) })
      item.append(el('span', 'byline-source-name', sourceName(source)))
      const badge = el('span', 'byline-badge', source.anonymous ? 'anonymous' : 'named')
      badge.dataset.anonymous = String(source.anonymous)
      item.append(badge)
      if (source.name && source.description) item.append(el('span', 'byline-source-description', ` — ${source.description}`))
      const said = el('ol', 'byline-source-quotes')
      for (const q of quotes) {
        const line = el('li')
        line.dataset.quoteId = q.id
        line.dataset.kind = q.kind
        // A link to the mark when a <byline-story> on the page shows it.
        const text = q.kind === 'paraphrase' ? el('span', 'byline-paraphrase', q.text) : el('q', '', q.text)
        if (q.location) {
          const link = el('a')
          link.href = `#byline-quote-${q.id}`
          link.append(text)
          line.append(link)
        } else line.append(text)
        line.append(el('span', 'byline-quote-kind', ` (${(KIND_LABELS[q.kind] ?? q.kind).toLowerCase()})`))
        said.append(line)
      }
      item.append(said)
      list.append(item)
    }
    return list
  }
}

/** A number the summary states, named so pages and tests can find it. */
function countNode(name, value) {
  const node = el('strong', 'byline-count', String(value))
  node.dataset.count = name
  return node
}

if (!customElements.get('byline-story')) customElements.define('byline-story', BylineStory)
if (!customElements.get('byline-sourcing')) customElements.define('byline-sourcing', BylineSourcing)

export { BylineStory, BylineSourcing }
