// Regressions: shrunk failing cases, saved once per kind of failure and replayed first.
import { readFileSync, writeFileSync } from 'node:fs'
import type { AnyCase } from './cases.js'

export const REGRESSIONS_FILE = new URL('../../test/fixtures/fuzz-regressions.json', import.meta.url)

export type Regression = {
  id: string
  op: string
  transport: 'inject' | 'socket' | 'raw'
  found: string
  seed: number
  violations: string[]
  case: AnyCase
}

export function loadRegressions(): Regression[] {
  try {
    return (JSON.parse(readFileSync(REGRESSIONS_FILE, 'utf8')) as { cases: Regression[] }).cases
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return []
    throw err
  }
}

/**
 * What a failure is about, without the values that change from run to run or the
 * operation: one bug (a framework answer, say) shows on many operations.
 */
export const signature = (violations: string[]) =>
  violations
    .map((v) => v.replace(/"(?:[^"\\]|\\.)*"/g, '"…"').replace(/\d+/g, 'N').replace(/:.*$/s, ''))
    .sort()
    .join(' | ')

/** Saves a shrunk failing case unless one with the same signature is saved already. */
export function saveRegression(r: Omit<Regression, 'id' | 'found'>): boolean {
  const all = loadRegressions()
  const sig = signature(r.violations)
  if (all.some((x) => signature(x.violations) === sig)) return false
  all.push({ id: `fuzz-${all.length + 1}`, found: new Date().toISOString().slice(0, 10), ...r })
  writeFileSync(
    REGRESSIONS_FILE,
    JSON.stringify(
      {
        description:
          'Shrunk failing fuzz cases (tools/fuzz/), each a bug found once. test/fuzz.test.ts replays every one first and each must pass: they stay as guards after the fix.',
        cases: all,
      },
      null,
      2,
    ) + '\n',
  )
  return true
}

