// Running properties: fast-check drives the harness, shrinks a failure and reports it.
import fc from 'fast-check'
import type { AnyCase } from './cases.js'
import type { Harness } from './harness.js'
import { arbCase } from './mutate.js'
import { signature } from './regressions.js'
import type { Transport } from './transport.js'

export type PropertyResult = {
  name: string
  runs: number
  failed: boolean
  seed: number
  /** fast-check's report: seed, path and shrunk counterexample. */
  report?: string
  counterexample?: AnyCase
  violations?: string[]
  summary?: string
}

/**
 * Sends every generated case and fails on the first that breaks the contract; fast-check
 * then shrinks it and reports it with its seed. The shrunk case is sent once more, alone
 * in a fresh world, for the violations it causes by itself.
 */
export async function fuzzProperty(
  harness: Harness,
  name: string,
  arb: fc.Arbitrary<AnyCase>,
  opts: {
    seed: number
    numRuns: number
    transport?: Transport
    timeLimitMs?: number
    /** Signatures of violations found already: counted in `tolerated`, not failed again. */
    known?: Map<string, number>
  },
): Promise<PropertyResult> {
  const property = fc.asyncProperty(arb, async (c) => {
    const out = await harness.run(c, opts.transport)
    const fresh = out.violations.filter((v) => {
      const sig = signature([v])
      const n = opts.known?.get(sig)
      if (n === undefined) return true
      opts.known!.set(sig, n + 1)
      return false
    })
    if (fresh.length) throw new Error(`${out.violations.join('; ')}\n    ${out.summary}`)
  })
  const details = await fc.check(property, {
    seed: opts.seed,
    numRuns: opts.numRuns,
    interruptAfterTimeLimit: opts.timeLimitMs ?? 60_000,
    markInterruptAsFailure: false,
  })
  const result: PropertyResult = { name, runs: details.numRuns, failed: details.failed, seed: opts.seed }
  if (details.failed && details.counterexample) {
    const [c] = details.counterexample
    await harness.fresh()
    const again = await harness.run(c, opts.transport)
    result.counterexample = c
    result.summary = again.summary
    result.violations = again.violations.length ? again.violations : [`only after other cases: ${String((details.errorInstance as Error | undefined)?.message)}`]
    result.report = fc.defaultReportMessage(details) ?? ''
  }
  return result
}

/** Cases of every operation, mixed in one world: a write's effect meets every read. */
export const arbAnyCase = (harness: Harness) => fc.oneof(...harness.spec.ops.map((op) => arbCase(harness.spec, op, harness.opts)))
