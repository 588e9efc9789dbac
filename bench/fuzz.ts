// Full-mode fuzzing: test/fuzz.test.ts at scale, then over a real socket.
//
//   node --import tsx bench/fuzz.ts [--cases 10000] [--socket 1000] [--seed n] [--no-save]
//
// In-process: every operation, valid and mutated requests with strings up to 10 MiB, then
// all operations mixed in one world. Socket: the same cases through undici (raw bytes when
// undici will not send them), plus raw requests no client library would write. A property
// that fails goes on with a new seed until its cases are spent, so one bug does not hide
// the rest; failures are grouped by what they are about, and each new kind is saved to
// test/fixtures/fuzz-regressions.json (shrunk), which the quick test replays.
// FUZZ_IGNORE=<regexp> leaves matching violations out, to look past a known bug.
import { parseArgs } from 'node:util'
import type fc from 'fast-check'
import type { AnyCase } from '../tools/fuzz/cases.js'
import { Harness } from '../tools/fuzz/harness.js'
import { arbCase } from '../tools/fuzz/mutate.js'
import { arbAnyCase, fuzzProperty, type PropertyResult } from '../tools/fuzz/property.js'
import { arbRaw } from '../tools/fuzz/raw.js'
import { saveRegression, signature, type Regression } from '../tools/fuzz/regressions.js'
import { arbRoundTrip } from '../tools/fuzz/round-trips.js'
import { socketStats, viaInject, viaSocket, type Transport } from '../tools/fuzz/transport.js'

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    socket: { type: 'string', default: '1000' },
    seed: { type: 'string' },
    'no-save': { type: 'boolean', default: false },
  },
})
const CASES = Number(values.cases)
const SOCKET = Number(values.socket)
const SEED = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed)

type Failure = { result: PropertyResult; transport: Regression['transport'] }
const failures = new Map<string, Failure>()
/** Each kind of violation found, with how often it was seen after that. */
const known = new Map<string, number>()

/**
 * Runs `runs` cases of one property. A new kind of failure stops it (fast-check shrinks the
 * case); it then goes on with a new seed, counting that kind from then on without failing.
 */
async function spend(harness: Harness, name: string, arb: fc.Arbitrary<AnyCase>, runs: number, seed: number, transport: Transport, kind: Regression['transport']) {
  let done = 0
  const t0 = performance.now()
  for (let attempt = 0; done < runs && attempt < 20; attempt++) {
    const r = await fuzzProperty(harness, name, arb, { seed: seed + attempt * 7919, numRuns: runs - done, transport, timeLimitMs: 300_000, known })
    done += Math.max(r.runs, 1)
    if (!r.failed) continue
    for (const v of r.violations ?? []) if (!known.has(signature([v]))) known.set(signature([v]), 0)
    const sig = signature(r.violations ?? [])
    if (!failures.has(sig)) {
      failures.set(sig, { result: r, transport: kind })
      console.log(`  FAIL ${name} (seed ${r.seed}): ${(r.violations ?? []).join('; ')}\n       ${r.summary ?? ''}`)
    }
  }
  const seconds = (performance.now() - t0) / 1000
  if (seconds > 5) console.log(`  ${name}: ${done} cases in ${seconds.toFixed(1)} s`)
  return done
}

let inProcessCases = 0
let socketCases = 0

const started = performance.now()
const harness = await Harness.create({ maxBigBytes: 10 << 20, rebuildEvery: 100 })
const ops = harness.spec.ops
console.log(`fuzz seed ${SEED}; ${ops.length} operations; ${CASES} in-process cases, ${SOCKET} over a socket`)

// In-process
const perOperation = Math.ceil((CASES * 0.75) / ops.length)
for (const [i, op] of ops.entries()) {
  await harness.fresh()
  inProcessCases += await spend(harness, op.key, arbCase(harness.spec, op, harness.opts), perOperation, SEED + i * 101, viaInject, 'inject')
}
await harness.fresh()
inProcessCases += await spend(harness, 'mixed', arbAnyCase(harness), Math.ceil(CASES * 0.15), SEED - 1, viaInject, 'inject')
await harness.fresh()
// A round trip is one write and about 20 reads.
inProcessCases += 20 * (await spend(harness, 'round trip', arbRoundTrip(harness.spec, harness.opts), Math.ceil((CASES * 0.1) / 20), SEED - 2, viaInject, 'inject'))
await harness.close()
const inProcessSeconds = (performance.now() - started) / 1000
console.log(`in-process: ${inProcessCases} cases (${harness.cases} requests with shrinking) in ${inProcessSeconds.toFixed(1)} s`)

// Over a socket
const socket = harness.derive({ listen: true, rebuildEvery: 200, maxBigBytes: 1 << 20 })
const socketStarted = performance.now()
const perSocketOperation = Math.max(1, Math.floor((SOCKET * 0.6) / ops.length))
for (const [i, op] of ops.entries()) {
  socketCases += await spend(socket, op.key, arbCase(socket.spec, op, socket.opts), perSocketOperation, SEED + 50_000 + i, viaSocket, 'socket')
}
socketCases += await spend(socket, 'raw', arbRaw(socket.opts), Math.max(0, SOCKET - socketCases), SEED + 99_999, viaInject, 'raw')
await socket.close()
const socketSeconds = (performance.now() - socketStarted) / 1000
console.log(
  `socket: ${socketCases} cases (${socket.cases} requests with shrinking; ${socketStats.undici} through undici, ` +
    `${socketStats.bytes} as bytes undici would not send, the rest raw) in ${socketSeconds.toFixed(1)} s`,
)

// Report
const statuses = new Map<number, number>()
for (const h of [harness, socket]) for (const m of h.statuses.values()) for (const [s, n] of m) statuses.set(s, (statuses.get(s) ?? 0) + n)
console.log(`statuses: ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s || 'closed'}×${n}`).join(' ')}`)
const notes = new Map<string, number>()
for (const h of [harness, socket]) for (const [k, n] of h.notes) notes.set(k, (notes.get(k) ?? 0) + n)
for (const [note, n] of notes) console.log(`note: ${note} (${n}×)`)
for (const { ms, summary } of [...harness.slowest, ...socket.slowest].sort((a, b) => b.ms - a.ms).slice(0, 5)) {
  console.log(`slow: ${ms.toFixed(0)} ms ${summary}`)
}

let saved = 0
for (const [sig, { result, transport }] of failures) {
  const count = 1 + Math.max(...sig.split(' | ').map((v) => known.get(v) ?? 0))
  console.log(`\nFAILURE (${count}×, ${transport}): ${sig}\n  ${result.name}, seed ${result.seed}\n  ${result.summary ?? ''}\n  case: ${JSON.stringify(result.counterexample).slice(0, 2000)}`)
  if (!values['no-save'] && result.counterexample) {
    if (saveRegression({ op: result.name, transport, seed: result.seed, violations: result.violations ?? [], case: result.counterexample })) saved++
  }
}
const total = inProcessCases + socketCases
console.log(
  `\n${total} cases (${inProcessCases} in-process, ${socketCases} socket) in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
    `${failures.size} kind(s) of failure${saved ? `, ${saved} saved to test/fixtures/fuzz-regressions.json` : ''}`,
)
process.exitCode = failures.size ? 1 : 0
