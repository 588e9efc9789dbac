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
const MAX_TERMS = 32
const OPERATORS = new Set(['AND', 'OR', 'NOT'])
// A term must hold something the tokenizer keeps: a letter or a digit.
const HAS_WORD = /[\p{L}\p{N}]/u

type Token = { kind: 'term'; fts: string; text: string } | { kind: 'op'; op: string }

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
      if (query[i] === '*') {
        fts += ' *'
        i++
      }
      tokens.push({ kind: 'term', fts, text: phrase })
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
    tokens.push({ kind: 'term', fts: `"${bare}"${prefix ? ' *' : ''}`, text: bare })
  }
  return tokens
}

/** The FTS5 MATCH expression for a user's query; throws SearchQueryError saying what is wrong. */
export function toFtsQuery(query: string): string {
  if (query.length > MAX_QUERY_LENGTH) throw new SearchQueryError(`is longer than ${MAX_QUERY_LENGTH} characters`)
  // SQLite reads a NUL as the end of the string; other control codes and lone surrogates
  // have no business in a search either.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(query) || !query.isWellFormed()) throw new SearchQueryError('contains control characters or broken Unicode')
  const tokens = lex(query)
  if (tokens.length === 0) throw new SearchQueryError('has no words to search for')
  if (tokens.filter((t) => t.kind === 'term').length > MAX_TERMS) throw new SearchQueryError(`has more than ${MAX_TERMS} terms`)
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
