// The reliability suite in full mode, one part after another so no part loads the machine
// under another: fuzzing at scale, overload, slow clients, the soak, and the fault,
// shutdown and durability tests. Each part checks its own pass criteria and exits non-zero
// when one fails; figures go to RELIABILITY.md with the date and machine.
// Usage: npm run test:reliability [-- --only overload,soak --out RELIABILITY.md]
import { spawn } from 'node:child_process'
import { parseArgs } from 'node:util'
import { appendReport, machine, NODE_TSX, RELIABILITY_PREAMBLE } from './lib.js'

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    out: { type: 'string', default: 'RELIABILITY.md' },
  },
})
const out = args.out!

type Part = { name: string; cmd: string[]; figures?: (stdout: string) => string[] }

const TAP_FILES = [
  'test/storage-faults.test.ts',
  'test/shutdown.test.ts',
  'test/durability.test.ts',
  'test/timeouts.test.ts',
  'test/load-shedding.test.ts',
  'test/route-inventory.test.ts',
]

const parts: Part[] = [
  {
    name: 'fuzz',
    cmd: [...NODE_TSX, 'bench/fuzz.ts'],
    // Its summary lines: cases per transport, statuses seen, and the verdict.
    figures: (stdout) => stdout.split('\n').filter((l) => /^(in-process|socket|statuses|\d+ cases|FAILURE)/.test(l)),
  },
  { name: 'overload', cmd: [...NODE_TSX, 'bench/overload.ts', '--out', out] },
  { name: 'slow-clients', cmd: [...NODE_TSX, 'bench/slow-clients.ts', '--out', out] },
  { name: 'soak', cmd: [...NODE_TSX, 'bench/soak.ts', '--out', out] },
  {
    name: 'faults',
    // One file at a time: the durability and shutdown figures are timings.
    cmd: ['npx', 'tap', '--jobs=1', '--disable-coverage', ...TAP_FILES],
    figures: (stdout) =>
      stdout
        .split('\n')
        .filter((l) => /^\s*# (?!Subtest)/.test(l) || /^\s*not ok/.test(l))
        .map((l) => l.trim().replace(/^# /, '')),
  },
]

const only = args.only?.split(',')
const chosen = only ? parts.filter((p) => only.includes(p.name)) : parts
if (only && chosen.length !== only.length) {
  process.stderr.write(`unknown part in --only; parts: ${parts.map((p) => p.name).join(', ')}\n`)
  process.exit(2)
}

/** Runs a part with its output shown as it comes, and kept. */
function run(cmd: string[]) {
  return new Promise<{ code: number | null; stdout: string }>((resolve) => {
    const child = spawn(cmd[0]!, cmd.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      process.stdout.write(chunk)
    })
    child.once('exit', (code) => resolve({ code, stdout }))
  })
}

const verdicts: { name: string; pass: boolean; seconds: number }[] = []
for (const part of chosen) {
  process.stdout.write(`\n=== ${part.name}\n`)
  const started = performance.now()
  const { code, stdout } = await run(part.cmd)
  const seconds = Math.round((performance.now() - started) / 1000)
  verdicts.push({ name: part.name, pass: code === 0, seconds })
  if (part.figures) {
    appendReport(
      out,
      `## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${part.name} — ${code === 0 ? 'pass' : 'FAIL'}

Machine: ${machine()}
\`${part.cmd.slice(part.cmd[0] === 'npx' ? 0 : 2).join(' ')}\` (${seconds} s):

${part.figures(stdout).map((l) => `- ${l}`).join('\n')}
`,
      RELIABILITY_PREAMBLE,
    )
  }
}

const failed = verdicts.filter((v) => !v.pass)
appendReport(
  out,
  `## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: suite summary — ${failed.length ? 'FAIL' : 'pass'}

${verdicts.map((v) => `- ${v.name}: ${v.pass ? 'pass' : 'FAIL'} (${v.seconds} s)`).join('\n')}
`,
  '',
)
process.stdout.write(`\n${verdicts.map((v) => `${v.pass ? 'pass' : 'FAIL'}  ${v.name} (${v.seconds} s)`).join('\n')}\n`)
process.exit(failed.length ? 1 : 0)
