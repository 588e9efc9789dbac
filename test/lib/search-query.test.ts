import t from 'tap'
import { openDb } from '../../src/db/client.js'
import { migrateDb } from '../../src/db/migrate.js'
import { toFtsQuery } from '../../src/core/search-query.js'

t.test('translates the grammar into quoted FTS5 terms', async (t) => {
  t.equal(toFtsQuery('nerve centre'), '"nerve" "centre"')
  t.equal(toFtsQuery('"nerve centre"'), '"nerve centre"')
  t.equal(toFtsQuery('taliban*'), '"taliban" *')
  t.equal(toFtsQuery('"hard-line gro"*'), '"hard-line gro" *')
  t.equal(toFtsQuery('Lahore OR Kohat'), '"Lahore" OR "Kohat"')
  t.equal(toFtsQuery('Taliban NOT Afghanistan'), '"Taliban" NOT "Afghanistan"')
  t.equal(toFtsQuery('Punjab AND "nerve centre" OR rubbish'), '"Punjab" AND "nerve centre" OR "rubbish"')
  t.equal(toFtsQuery("Tehreek-e-Taliban al-Qaeda's"), '"Tehreek-e-Taliban" "al-Qaeda\'s"')
  t.equal(toFtsQuery('near NEAR and or not'), '"near" "NEAR" "and" "or" "not"', 'only upper-case AND OR NOT are operators')
  t.equal(toFtsQuery('  spaced   out  '), '"spaced" "out"')
  t.equal(toFtsQuery('Peshāwar'), '"Peshāwar"')
  t.equal(toFtsQuery('tab\tand\nnewline'), '"tab" "and" "newline"', 'tabs and newlines are spaces')
})

t.test('refuses what it cannot mean', async (t) => {
  for (const [q, why] of [
    ['"unbalanced', /unbalanced/],
    ['AND', /starts with AND/],
    ['OR Lahore', /starts with OR/],
    ['NOT Lahore', /starts with NOT/],
    ['Lahore AND', /ends with AND/],
    ['Lahore AND OR Kohat', /OR where a word/],
    ['*', /no letters/],
    ['**', /\*/],
    ['a*b', /\* inside/],
    ['title:Lahore', /column filter/],
    ['{title body}: x', /braces|column/],
    ['(Lahore OR Kohat)', /parentheses/],
    ['^Lahore', /\^/],
    ['""', /no words/],
    ['   ', /no words/],
    ['---', /no letters/],
    ['x'.repeat(10_000), /longer than/],
    ['a\u0000b', /control characters/],
    ['lone \uD800 surrogate', /broken Unicode/],
    ['bell\u0007', /control characters/],
    [Array.from({ length: 13 }, (_, i) => `w${i}`).join(' '), /more than 12 terms/],
    ['a*', /prefix "a\*".*at least 3/],
    ['pa*', /at least 3/],
    ['"nerve c"*', /at least 3/],
    ['"x"*', /at least 3/],
    [Array.from({ length: 16 }, (_, i) => `${String.fromCharCode(97 + i)}*`).join(' OR '), /prefix/],
    ['aaa* OR bbb* OR ccc* OR ddd* OR eee*', /more than 4 prefix terms/],
  ] as const) {
    t.throws(() => toFtsQuery(q), { name: 'SearchQueryError', message: why }, q.slice(0, 30))
  }
})

t.test('whatever it accepts, FTS5 accepts', async (t) => {
  const db = openDb(':memory:')
  t.teardown(() => db.$client.close())
  migrateDb(db)
  const match = db.$client.prepare('select count(*) as n from search_index where search_index match ?')
  for (const q of ['a', 'nerve centre', '"x yes"*', 'a OR b NOT c', 'NEAR', 'x-y-z', "it's", 'é', '日本語', '\u202Eevil', 'emoji🙂x']) {
    t.doesNotThrow(() => match.get(toFtsQuery(q)), q)
  }
})
