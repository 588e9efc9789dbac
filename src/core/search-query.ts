/**
 * Byline's search grammar, translated into an FTS5 query. Users get words, "exact phrases",
 * prefix*, AND / OR / NOT (upper case) and implicit AND; everything else FTS5 would read as
 * syntax (column filters, NEAR, ^, parentheses) is refused, so no input reaches FTS5 as an
 * expression it could choke on. Every term goes to FTS5 as a quoted string.
 */
export class SearchQueryError extends Error {
  override name = 'SearchQueryError'
}

export const MAX_QUERY_LENGTH = 256
// The work of a match grows with each term's postings and, for a prefix, with every word it
// expands to: these bound it whatever the archive's size.
export const MAX_TERMS = 12
export const MAX_PREFIX_TERMS = 4
export const MIN_PREFIX_LENGTH = 3
const OPERATORS = new Set(['AND', 'OR', 'NOT'])
// A term must hold something the tokenizer keeps: a letter or a digit.
const HAS_WORD = /[\p{L}\p{N}]/u

type Token = { kind: 'term'; fts: string; text: string; prefix: boolean } | { kind: 'op'; op: string }

/** A prefix must name enough of a word that it cannot expand to a large part of the vocabulary. */
function checkPrefix(stem: string, written: string) {
  const last = stem.split(/[^\p{L}\p{N}]+/u).filter(Boolean).at(-1) ?? ''
  if ([...last].length < MIN_PREFIX_LENGTH) {
    throw new SearchQueryError(`has the prefix "${written}"; a prefix needs at least ${MIN_PREFIX_LENGTH} letters or digits before *`)
  }
}

function lex(query: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < query.length) {
    const c = query[i]!
    if (/\s/u.test(c)) {
      i++
      continue
    }
    if (c === '"') {
      const end = query.indexOf('"', i + 1)
      if (end === -1) throw new SearchQueryError('has an unbalanced double quote')
      const phrase = query.slice(i + 1, end)
      if (!HAS_WORD.test(phrase)) throw new SearchQueryError('has a phrase with no words in it')
      let fts = `"${phrase}"`
      i = end + 1
      const prefix = query[i] === '*'
      if (prefix) {
        checkPrefix(phrase, `"${phrase}"*`)
        fts += ' *'
        i++
      }
      tokens.push({ kind: 'term', fts, text: phrase, prefix })
      continue
    }
    let end = i
    while (end < query.length && !/\s/u.test(query[end]!) && query[end] !== '"') end++
    const word = query.slice(i, end)
    i = end
    if (OPERATORS.has(word)) {
      tokens.push({ kind: 'op', op: word })
      continue
    }
    const prefix = word.endsWith('*')
    const bare = prefix ? word.slice(0, -1) : word
    if (bare.includes('*')) throw new SearchQueryError(`uses * inside "${word}"; it may only end a word`)
    if (bare.includes(':')) throw new SearchQueryError(`uses a column filter ("${word}"), which is not supported`)
    if (/[()^{}]/.test(bare)) throw new SearchQueryError(`uses "${word}": parentheses, ^ and braces are not supported`)
    if (!HAS_WORD.test(bare)) throw new SearchQueryError(`has "${word}", which holds no letters or digits`)
    if (prefix) checkPrefix(bare, word)
    tokens.push({ kind: 'term', fts: `"${bare}"${prefix ? ' *' : ''}`, text: bare, prefix })
  }
  return tokens
}

/**
 * The terms of a user's query (already validated by toFtsQuery), each as FTS5 reads it and
 * whether NOT excludes it: ranking weighs only the terms a match must or may contain.
 */
export function queryTerms(query: string): { fts: string; negated: boolean }[] {
  const tokens = lex(query)
  return tokens.flatMap((t, i) => {
    if (t.kind !== 'term') return []
    const before = tokens[i - 1]
    return [{ fts: t.fts, negated: before?.kind === 'op' && before.op === 'NOT' }]
  })
}

/** The FTS5 MATCH expression for a user's query; throws SearchQueryError saying what is wrong. */
export function toFtsQuery(query: string): string {
  if (query.length > MAX_QUERY_LENGTH) throw new SearchQueryError(`is longer than ${MAX_QUERY_LENGTH} characters`)
  // SQLite reads a NUL as the end of the string; other control codes and lone surrogates
  // have no business in a search either.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(query) || !query.isWellFormed()) throw new SearchQueryError('contains control characters or broken Unicode')
  const tokens = lex(query)
  if (tokens.length === 0) throw new SearchQueryError('has no words to search for')
  const terms = tokens.filter((t) => t.kind === 'term')
  if (terms.length > MAX_TERMS) throw new SearchQueryError(`has more than ${MAX_TERMS} terms`)
  if (terms.filter((t) => t.prefix).length > MAX_PREFIX_TERMS) throw new SearchQueryError(`has more than ${MAX_PREFIX_TERMS} prefix terms`)
  const out: string[] = []
  let expectTerm = true
  for (const [n, token] of tokens.entries()) {
    if (token.kind === 'op') {
      if (expectTerm) {
        throw new SearchQueryError(n === 0 ? `starts with ${token.op}` : `has ${token.op} where a word should be`)
      }
      out.push(token.op)
      expectTerm = true
    } else {
      // Two terms side by side mean both: FTS5's implicit AND.
      out.push(token.fts)
      expectTerm = false
    }
  }
  if (expectTerm) throw new SearchQueryError(`ends with ${out.at(-1)}`)
  return out.join(' ')
}
