// Quick-mode fuzzing (bench/fuzz.ts is the full mode): requests generated from the served
// OpenAPI document, valid and mutated, for every operation with keys of every scope. Each
// answer must be below 500, a problem document when it is a 4xx, free of stack frames and
// SQL, and (when 2xx) exactly what the contract documents. A failure is shrunk, printed
// with its seed and saved to test/fixtures/fuzz-regressions.json, replayed here first.
//
// FUZZ_SEED=<n> replays a run; FUZZ_CASES=<n> changes the count; FUZZ_SAVE=0 saves nothing;
// FUZZ_IGNORE=<regexp> leaves matching violations out, to look past a known bug for others.
import t, { type Test } from 'tap'
import { isRaw } from '../tools/fuzz/cases.js'
import { Harness } from '../tools/fuzz/harness.js'
import { arbCase } from '../tools/fuzz/mutate.js'
import { arbAnyCase, fuzzProperty, type PropertyResult } from '../tools/fuzz/property.js'
import { loadRegressions, saveRegression } from '../tools/fuzz/regressions.js'
import { arbRoundTrip } from '../tools/fuzz/round-trips.js'
import { viaInject, viaSocket } from '../tools/fuzz/transport.js'

t.setTimeout(180_000)

// Requests for the single-request properties; round trips add about 500 more.
const CASES = Number(process.env.FUZZ_CASES ?? 2000)
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
const started = performance.now()

const harness = await Harness.create({ maxBigBytes: 1 << 20 })
t.teardown(() => harness.close())
t.comment(`fuzz seed ${SEED}: replay with FUZZ_SEED=${SEED} npx tap test/fuzz.test.ts`)

let failures = 0

function record(t: Test, r: PropertyResult) {
  if (!r.failed) return t.pass(`${r.name}: ${r.runs} cases`)
  failures++
  if (r.counterexample && process.env.FUZZ_SAVE !== '0') {
    saveRegression({ op: r.name, transport: 'inject', seed: r.seed, violations: r.violations ?? [], case: r.counterexample })
  }
  t.fail(`${r.name}: ${(r.violations ?? []).join('; ')}`, { request: r.summary, report: r.report })
}

t.test('saved regression cases pass', async (t) => {
  const saved = loadRegressions()
  if (saved.length === 0) return t.pass('none saved')
  const socket = saved.some((r) => r.transport !== 'inject') ? harness.derive({ listen: true }) : undefined
  t.teardown(() => socket?.close())
  for (const r of saved) {
    const h = r.transport === 'inject' ? harness : socket!
    await h.fresh()
    const out = await h.run(r.case, r.transport === 'inject' || isRaw(r.case) ? viaInject : viaSocket)
    t.same(out.violations, [], `${r.id} ${r.op}: was ${r.violations.join('; ')}`, { request: out.summary })
  }
})

t.test('every operation, valid and mutated', async (t) => {
  const perOperation = Math.ceil((CASES * 0.85) / harness.spec.ops.length)
  t.comment(`${perOperation} cases per operation, ${harness.spec.ops.length} operations`)
  for (const [i, op] of harness.spec.ops.entries()) {
    // A fresh app and database per operation: the last one's deletes do not starve this one.
    await harness.fresh()
    record(t, await fuzzProperty(harness, op.key, arbCase(harness.spec, op, harness.opts), { seed: SEED + i, numRuns: perOperation }))
  }
})

t.test('every operation, mixed in one world', async (t) => {
  await harness.fresh()
  const numRuns = Math.ceil(CASES * 0.15)
  record(t, await fuzzProperty(harness, 'mixed', arbAnyCase(harness), { seed: SEED - 1, numRuns }))
})

t.test('hard text written, then read through every representation', async (t) => {
  await harness.fresh()
  const numRuns = Math.max(5, Math.ceil(CASES / 80))
  record(t, await fuzzProperty(harness, 'round trip', arbRoundTrip(harness.spec, harness.opts), { seed: SEED - 2, numRuns }))
})

t.test('summary', async (t) => {
  for (const [note, n] of harness.notes) t.comment(`note (not a failure): ${note} (${n}×)`)
  // A failing property stops at its first failure, so only a clean run sends them all.
  if (failures === 0) t.ok(harness.cases >= Math.min(CASES, 2000), `${harness.cases} cases`)
  t.comment(`${harness.cases} cases in ${((performance.now() - started) / 1000).toFixed(1)} s, seed ${SEED}`)
})
