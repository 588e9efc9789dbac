// Synthetic article documents for import and search benchmarks, as NDJSON on stdout.
// Usage: node --import tsx tools/generate.ts N [SEED] > out.ndjson   (SEED defaults to 1)
//
// Same N and SEED, same bytes: every random choice comes from one mulberry32 stream, and
// document n is `story-<n>` (n = 1..N) with fixed ids, so a file can be regenerated rather
// than kept. The shape follows seed/story.json: ~900 words in 15–25 paragraphs, 1–3 credited
// authors from a pool of 2,000, 3–8 sources from a pool of 20,000 (about 60% anonymous),
// 5–12 quotes, each 3–12 words sliced from its own paragraph on word boundaries and given
// with its exact location, 2–6 tags from a pool of 500; 98% published, 2% drafts;
// publishedAt spread over 2005–2024. About 900 words and 10 kB a story.
//
// Words: 4,000 generated pseudo-words plus common English function words, drawn with a
// Zipf distribution (rank r has weight 1/r), so "the" is in every story and most words are
// rare. Three marker words have exact, known frequencies, for search benchmarks:
//   - `xylophage`: stories n with n % 1000 === 7 (1 in 1,000; 100 stories in 100,000),
//     the selective search;
//   - `marigold`:  stories n with n % 100 === 3 (1 in 100);
//   - `harbour`:   stories n with n % 10 === 1 (1 in 10), a broad search.
// Each marker is written once, as the second word of the story's first paragraph, and
// occurs nowhere else (no pseudo-word contains one, and pool names are pseudo-words).
//
// Speed: about 20,000 stories a second to a pipe on a 2-core Xeon VM, in ~175 MB of memory.
import { once } from 'node:events'
import { pathToFileURL } from 'node:url'

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz' // as src/core/ids.ts
const FUNCTION_WORDS = (
  'the of and to a in that is was for on with as by at from it he she they said his her ' +
  'but not be have has had were are this which or an will would its their who been also more ' +
  'after over than when into about two new one there up out after could other some'
).split(' ')
const MARKERS = ['xylophage', 'marigold', 'harbour'] as const
const TAG_TYPES = ['place', 'organization', 'subject', 'person'] as const
const ROLES = ['byline', 'reporter', 'producer', 'photographer', 'editor'] as const
const KINDS = ['direct', 'partial', 'paraphrase'] as const
const CUES = ['said', 'told', 'claimed', 'added', 'warned', 'insisted', 'according to']
const CHANNELS = ['in a phone call', 'in an interview', 'in a statement', 'by email']
const AUTHORS = 2_000
const SOURCES = 20_000
const TAGS = 500
const YEAR_MS = 365.25 * 24 * 3600 * 1000
const FROM = Date.UTC(2005, 0, 1)

/** One step of mulberry32 (32 bits of state, a few ns a number): the next state and output. */
const step = (state: number) => (state + 0x6d2b79f5) | 0
function output(state: number) {
  let t = Math.imul(state ^ (state >>> 15), state | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return (t ^ (t >>> 14)) >>> 0
}

/**
 * Documents are written as bytes straight into the output buffer: the generated text is
 * letters, spaces, commas and full stops (the pools too: ASCII without quotes or
 * backslashes), so it needs no JSON escaping, and skipping strings, JSON.stringify and
 * UTF-8 encoding is what makes 20,000 documents a second possible. Quote texts are copied
 * from the paragraph bytes already written, so they are verbatim by construction.
 */
export function createGenerator(seed: number) {
  // The one random stream. The word loop copies the state into a local and writes it back,
  // so the hot path touches no closure variable.
  let state = seed | 0
  const next = () => output((state = step(state)))
  const random = () => next() / 4294967296
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
  /** 16 random id characters from four numbers (five bits each from their low 20). */
  const chars16 = () => {
    let s = ''
    for (let k = 0; k < 4; k++) {
      const r = next()
      s += ALPHABET[r & 31]! + ALPHABET[(r >>> 5) & 31]! + ALPHABET[(r >>> 10) & 31]! + ALPHABET[(r >>> 15) & 31]!
    }
    return s
  }
  /** The 10 characters of milliseconds that start an id made by newId(). */
  const timePart = (ms: number) => {
    let out = ''
    for (let i = 9; i >= 0; i--) out += ALPHABET[Math.floor(ms / 2 ** (5 * i)) % 32]
    return out
  }
  const id = (prefix: string, ms: number) => `${prefix}_${timePart(ms)}${chars16()}`

  // Pseudo-words from syllables, shortest first, so frequent words are short (as in English).
  const onsets = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'tr', 'st', 'sh', 'ch']
  const vowels = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ou']
  const codas = ['', '', '', '', 'n', 'r', 'l', 's', 'k', 'nd']
  const seen = new Set<string>([...FUNCTION_WORDS, ...MARKERS])
  const pseudo: string[] = []
  while (pseudo.length < 4_000) {
    let w = ''
    const syllables = pseudo.length < 400 ? int(1, 2) : int(2, 3)
    for (let s = 0; s < syllables; s++) w += pick(onsets) + pick(vowels) + pick(codas)
    if (w.length > 2 && !seen.has(w) && !MARKERS.some((m) => w.includes(m))) {
      seen.add(w)
      pseudo.push(w)
    }
  }
  const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1)
  const words = [...FUNCTION_WORDS, ...pseudo]
  const capitals = words.map(capital)
  // Zipf by a quantile table indexed by the top 18 bits of a number: O(1) a word, and every
  // rank still gets a slot or more.
  const zipf = new Uint16Array(1 << 18)
  {
    let total = 0
    for (let r = 1; r <= words.length; r++) total += 1 / r
    let acc = 0
    let slot = 0
    for (let r = 1; r <= words.length; r++) {
      acc += 1 / r / total
      const until = r === words.length ? zipf.length : Math.max(slot + 1, Math.round(acc * zipf.length))
      for (; slot < until; slot++) zipf[slot] = r - 1
    }
  }
  const rank = () => zipf[next() >>> 14]!
  const nameWord = () => capitals[FUNCTION_WORDS.length + int(400, pseudo.length - 1)]!
  const slugOf = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
  const phrase = (n: number) => {
    let s = words[rank()]!
    for (let i = 1; i < n; i++) s += ' ' + words[rank()]!
    return s
  }

  const poolMs = FROM - YEAR_MS
  const authors = Array.from({ length: AUTHORS }, (_, i) => {
    const name = `${nameWord()} ${nameWord()}`
    return {
      id: id('aut', poolMs + i),
      slug: `${slugOf(name)}-${i}`,
      name,
      title: random() < 0.5 ? pick(['correspondent', 'reporter', 'editor', 'producer', 'photographer']) : null,
      organization: random() < 0.7 ? `${nameWord()} News` : null,
      location: random() < 0.3 ? nameWord() : null,
      bio: random() < 0.2 ? `${name} covers ${phrase(4)}.` : null,
    }
  })
  const sources = Array.from({ length: SOURCES }, (_, i) => {
    const anonymous = random() < 0.6
    const kind = anonymous ? 'person' : pick(['person', 'person', 'organization', 'group'] as const)
    const affiliation = random() < 0.5 ? `${nameWord()} ${pick(['ministry', 'army', 'council', 'party', 'agency'])}` : null
    if (anonymous) {
      const description = `a ${pick(['senior', 'junior', 'local', 'former', 'western'])} ${pick(['official', 'diplomat', 'commander', 'analyst', 'resident'])} ${phrase(int(2, 5))}`
      return { id: id('src', poolMs + i), slug: `anonymous-source-${i}`, name: null, description, kind, anonymous, affiliation }
    }
    const name = kind === 'person' ? `${nameWord()} ${nameWord()}` : `${nameWord()} ${pick(['Institute', 'Front', 'Group', 'Alliance'])}`
    const description = kind === 'person' ? `${name}, a ${phrase(3)}` : `the ${name}`
    return { id: id('src', poolMs + i), slug: `${slugOf(name)}-${i}`, name, description, kind, anonymous, affiliation }
  })
  const tags = Array.from({ length: TAGS }, (_, i) => {
    const name = `${nameWord()}${random() < 0.3 ? ` ${nameWord()}` : ''}`
    return { id: id('tag', poolMs + i), slug: `${slugOf(name)}-${i}`, name, type: TAG_TYPES[i % TAG_TYPES.length]! }
  })
  // An author's JSON without its closing brace, so the credit's role can follow.
  const authorJson = authors.map((a) => enc(JSON.stringify(a).slice(0, -1)))
  const sourceJson = sources.map((s) => enc(JSON.stringify(s)))
  const tagJson = tags.map((t) => enc(JSON.stringify(t)))

  // Every word's letters in one array, capitalised copies after them, and the markers last:
  // copying from one typed array keeps the word loop monomorphic.
  const all = [...words, ...capitals, ...MARKERS]
  const letters = new Uint8Array(all.reduce((n, w) => n + w.length, 0))
  const wordAt = new Int32Array(all.length + 1)
  all.forEach((w, i) => {
    wordAt[i + 1] = wordAt[i]! + w.length
    letters.set(Buffer.from(w, 'latin1'), wordAt[i]!)
  })
  const CAPITAL = words.length
  const MARKER = words.length * 2

  // The line being written: `out` from `pos` on. A line is at most ~40 kB.
  let out: Buffer = Buffer.alloc(0)
  let pos = 0
  const ascii = (s: string) => {
    const buf = out
    let at = pos
    for (let i = 0; i < s.length; i++) buf[at++] = s.charCodeAt(i)
    pos = at
  }
  const put = (bytes: Uint8Array) => {
    const buf = out
    let at = pos
    if (bytes.length > 64) {
      buf.set(bytes, at)
      at += bytes.length
    } else for (let i = 0; i < bytes.length; i++) buf[at++] = bytes[i]!
    pos = at
  }
  /** The 16 random characters of an id, straight into the line (five bits a character). */
  const putRandom16 = () => {
    const buf = out
    let at = pos
    for (let k = 0; k < 4; k++) {
      const r = next()
      buf[at++] = ALPHA[r & 31]!
      buf[at++] = ALPHA[(r >>> 5) & 31]!
      buf[at++] = ALPHA[(r >>> 10) & 31]!
      buf[at++] = ALPHA[(r >>> 15) & 31]!
    }
    pos = at
  }
  /** The 10 characters of milliseconds that start an id made by newId(), as bytes. */
  const timeBytes = (ms: number) => {
    const bytes = new Uint8Array(10)
    for (let i = 9; i >= 0; i--) bytes[9 - i] = ALPHA[Math.floor(ms / 2 ** (5 * i)) % 32]!
    return bytes
  }
  const sourceSlugs = sources.map((s) => enc(s.slug))
  const authorSlugs = authors.map((a) => enc(a.slug))
  const kinds = KINDS.map((k) => enc(`","kind":"${k}","source":"`))
  const channels = CHANNELS.map((c) => enc(`"${c}"`))
  const cues = CUES.map((c) => enc(`,"cue":"${c}","location":{"block":`))
  const putWord = (w: number) => {
    const buf = out
    let at = pos
    for (let i = wordAt[w]!, end = wordAt[w + 1]!; i < end; i++) buf[at++] = letters[i]!
    pos = at
  }

  /**
   * Sentences of Zipf words; the first word capitalised; `marker`, when given, second.
   * One number a word: its top 18 bits pick the word, its low 4 bits a comma (1 in 16).
   */
  const sentences = (count: number, min: number, max: number, stop: boolean, marker = -1) => {
    const buf = out
    const from = letters
    const at0 = wordAt
    const table = zipf
    let at = pos
    for (let s = 0; s < count; s++) {
      const n = int(min, max)
      if (s > 0) buf[at++] = SPACE
      let x = (state = step(state))
      let w = CAPITAL + table[output(x) >>> 14]!
      for (let i = at0[w]!, end = at0[w + 1]!; i < end; i++) buf[at++] = from[i]!
      if (s === 0 && marker >= 0) {
        buf[at++] = SPACE
        for (let i = at0[marker]!, end = at0[marker + 1]!; i < end; i++) buf[at++] = from[i]!
      }
      for (let k = 1; k < n; k++) {
        x = step(x)
        const r = output(x)
        if (k > 2 && (r & 15) === 0) buf[at++] = COMMA
        buf[at++] = SPACE
        w = table[r >>> 14]!
        for (let i = at0[w]!, end = at0[w + 1]!; i < end; i++) buf[at++] = from[i]!
      }
      state = x
      if (stop) buf[at++] = STOP
    }
    pos = at
  }

  /**
   * Story n (1-based) into `target` at `at`; returns where it ends (after the newline).
   * n only names the story: every choice comes from the stream, in order.
   */
  function write(n: number, target: Buffer, at: number): number {
    out = target
    pos = at
    const published = FROM + Math.floor(random() * 20 * YEAR_MS)
    const time = timeBytes(published)
    const marker = n % 1000 === 7 ? 0 : n % 100 === 3 ? 1 : n % 10 === 1 ? 2 : -1
    put(ART_OPEN)
    put(time)
    putRandom16()
    ascii(`","slug":"story-${n}","headline":"`)
    sentences(1, 6, 12, false)
    if (random() < 0.5) {
      ascii('","standfirst":"')
      sentences(1, 12, 24, true)
      ascii('"')
    } else ascii('","standfirst":null')
    ascii(`,"language":"en","status":"${random() < 0.98 ? 'published' : 'draft'}",`)
    ascii(`"publishedAt":"${new Date(published).toISOString()}","publisher":"Byline Synthetic","media":[`)
    if (random() < 0.6) {
      ascii(`{"kind":"photo","credit":"Photo/${pick(authors).name}","caption":`)
      if (random() < 0.5) {
        ascii('"')
        sentences(1, 5, 10, false)
        ascii('"')
      } else ascii('null')
      ascii(',"url":null}')
    }
    ascii('],"notes":[],"body":[')

    // 15–25 paragraphs of 2–4 sentences, and one story in ten has a related link.
    const blockCount = int(15, 25)
    const link = random() < 0.1 ? int(1, blockCount - 1) : -1
    const paragraphs: { block: number; from: number; to: number }[] = []
    for (let b = 0, p = 0; p < blockCount; b++) {
      if (b > 0) put(COMMA_BYTES)
      if (b === link) {
        ascii('{"type":"related-link","text":"Read more on ')
        for (let i = 0; i < 5; i++) (i > 0 && ascii(' '), putWord(rank()))
        ascii('","url":null}')
        continue
      }
      put(PARAGRAPH_OPEN)
      const from = pos
      sentences(int(2, 4), 8, 22, true, p === 0 && marker >= 0 ? MARKER + marker : -1)
      paragraphs.push({ block: b, from, to: pos })
      put(PARAGRAPH_CLOSE)
      p++
    }

    const credits = new Map<number, string>()
    const creditCount = int(1, 3)
    while (credits.size < creditCount) credits.set(int(0, AUTHORS - 1), credits.size === 0 ? 'byline' : pick(ROLES))
    ascii('],"authors":[')
    let c = 0
    for (const [i, role] of credits) {
      if (c++ > 0) ascii(',')
      put(authorJson[i]!)
      ascii(`,"role":"${role}"}`)
    }
    const chosenSources = new Set<number>()
    const sourceCount = int(3, 8)
    while (chosenSources.size < sourceCount) chosenSources.add(int(0, SOURCES - 1))
    const sourceIndexes = [...chosenSources]
    ascii('],"sources":[')
    for (let k = 0; k < sourceIndexes.length; k++) {
      if (k > 0) ascii(',')
      put(sourceJson[sourceIndexes[k]!]!)
    }
    ascii('],"quotes":[')

    // Each quote from its own paragraph, with its exact location: the text need not be
    // unique (Zipf text repeats short phrases), and the importer checks rather than searches.
    const quoteCount = int(5, 12)
    const creditKeys = [...credits.keys()]
    for (let qi = 0; qi < quoteCount; qi++) {
      const j = qi + Math.floor(random() * (paragraphs.length - qi))
      const para = paragraphs[j]!
      paragraphs[j] = paragraphs[qi]!
      paragraphs[qi] = para
      // 3–12 words from a random word on; fewer when the paragraph ends first. Scanning
      // only the quote's own bytes keeps this cheap.
      const buf = out
      let start = para.from + Math.floor(random() * (para.to - para.from))
      while (start > para.from && buf[start - 1] !== SPACE) start--
      let end = start
      for (let words = int(3, 12); end < para.to; end++) if (buf[end] === SPACE && --words === 0) break
      start -= para.from
      end -= para.from
      while (out[para.from + end - 1] === STOP || out[para.from + end - 1] === COMMA) end--
      put(qi === 0 ? QUOTE_OPEN : QUOTE_NEXT)
      put(time)
      putRandom16()
      put(QUOTE_TEXT)
      out.copyWithin(pos, para.from + start, para.from + end)
      pos += end - start
      put(kinds[Math.floor(random() * kinds.length)]!)
      put(sourceSlugs[sourceIndexes[qi % sourceIndexes.length]!]!)
      put(QUOTE_SAID_TO)
      const saidTo = random() < 0.2 ? pick(creditKeys) : -1
      if (saidTo >= 0) {
        put(DQUOTE)
        put(authorSlugs[saidTo]!)
        put(DQUOTE)
      } else put(NULL)
      put(QUOTE_CHANNEL)
      put(saidTo >= 0 && random() < 0.5 ? channels[Math.floor(random() * channels.length)]! : NULL)
      put(cues[Math.floor(random() * cues.length)]!)
      ascii(String(para.block))
      put(QUOTE_START)
      ascii(String(start))
      put(QUOTE_CLOSE)
    }

    const chosenTags = new Set<number>()
    const tagCount = int(2, 6)
    while (chosenTags.size < tagCount) chosenTags.add(int(0, TAGS - 1))
    ascii('],"tags":[')
    let k = 0
    for (const i of chosenTags) {
      if (k++ > 0) ascii(',')
      put(tagJson[i]!)
    }
    ascii(']}\n')
    return pos
  }

  const single = Buffer.alloc(LINE_MAX)
  /** Story n as one line of JSON, without its newline: for tests and small uses. */
  const line = (n: number) => single.toString('latin1', 0, write(n, single, 0) - 1)

  return { write, line }
}

const enc = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'))
const ALPHA = enc(ALPHABET)
const ART_OPEN = enc('{"id":"art_')
const COMMA_BYTES = enc(',')
const PARAGRAPH_OPEN = enc('{"type":"paragraph","text":"')
const PARAGRAPH_CLOSE = enc('"}')
const QUOTE_OPEN = enc('{"id":"quo_')
const QUOTE_NEXT = enc(',{"id":"quo_')
const QUOTE_TEXT = enc('","text":"')
const QUOTE_SAID_TO = enc('","saidTo":')
const QUOTE_CHANNEL = enc(',"channel":')
const QUOTE_START = enc(',"start":')
const QUOTE_CLOSE = enc('}}')
const DQUOTE = enc('"')
const NULL = enc('null')

/** Upper bound of one line's bytes: 25 paragraphs × 4 sentences × 22 words and the rest. */
const LINE_MAX = 256 * 1024
const SPACE = 32
const COMMA = 44
const STOP = 46

/**
 * Writes N documents to stdout in ~1 MB buffers, waiting for 'drain' when the pipe is full.
 * A buffer is handed to the stream and never reused, so a fresh one is allocated each time.
 */
async function main(argv: string[]) {
  const [nArg, seedArg = '1'] = argv
  const n = Number(nArg)
  const seed = Number(seedArg)
  if (!nArg || !Number.isInteger(n) || n < 0 || !Number.isInteger(seed)) {
    process.stderr.write('usage: node --import tsx tools/generate.ts N [SEED] > out.ndjson\n')
    process.exitCode = 2
    return
  }
  const generator = createGenerator(seed)
  const CHUNK = 1 << 20
  let buffer = Buffer.allocUnsafe(CHUNK + LINE_MAX)
  let at = 0
  for (let i = 1; i <= n; i++) {
    at = generator.write(i, buffer, at)
    if (at >= CHUNK || i === n) {
      const full = !process.stdout.write(buffer.subarray(0, at))
      buffer = Buffer.allocUnsafe(CHUNK + LINE_MAX)
      at = 0
      if (full) await once(process.stdout, 'drain')
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
    process.exitCode = 1
  })
}
