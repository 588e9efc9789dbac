import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import t from 'tap'

t.setTimeout(120_000)

type Result = {
  timeouts: { headersMs: number; requestMs: number; keepAliveMs: number }
  baseline: { p99: number; errors: number; non2xx: number }
  underLoad: { p99: number; errors: number; non2xx: number; errorCodes: Record<string, number> }
  p99Limit: number
  slow: Record<'headers' | 'bodies' | 'idle', { opened: number; late: number; unclosed: number; maxMs: number; limitMs: number }>
  fds: { before: number; peak: number; after: number; kindsBefore: Record<string, number>; kindsAfter: Record<string, number> }
  criteria: { serverAlive: boolean }
  failed: string[]
  pass: boolean
}

// The quick mode of bench/slow-clients.ts: the real server with short timeouts and a few
// hundred slow sockets. The full run (default timeouts, 1000 sockets) appends to RELIABILITY.md.
t.test('slow clients are cut off at their timeouts while a normal client is served', async (t) => {
  let stdout: string
  try {
    ;({ stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/slow-clients.ts', '--quick'], {
      timeout: 100_000,
    }))
  } catch (err) {
    // Exit code 1 means a criterion failed; its figures are still on stdout.
    stdout = (err as { stdout?: string }).stdout ?? ''
    if (!stdout.trim()) throw err
  }
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as Result
  t.comment(JSON.stringify(result))

  const { baseline, underLoad, slow, fds } = result
  t.equal(underLoad.errors + underLoad.non2xx, 0, `normal client under slow load: no errors or non-2xx ${JSON.stringify(underLoad.errorCodes)}`)
  t.equal(baseline.errors + baseline.non2xx, 0, 'normal client alone: no errors or non-2xx')
  for (const [kind, f] of Object.entries(slow)) {
    t.ok(f.opened > 0, `${kind}: sockets opened`)
    t.equal(f.late + f.unclosed, 0, `${kind}: all ${f.opened} closed within ${f.limitMs} ms + 2 s (slowest ${f.maxMs} ms; ${f.late} late, ${f.unclosed} not closed)`)
  }
  t.ok(fds.after <= fds.before, `file descriptors back to baseline: ${fds.before} before, ${fds.peak} at peak, ${fds.after} after`)
  t.equal(result.criteria.serverAlive, true, 'the same server process throughout')
  t.same(result.failed, [], 'the script agrees: every criterion passed')
})
