import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import t from 'tap'

// The quick mode of bench/overload.ts: the real server, driven past what it served in a
// short probe. The full run (60 s at 5 × the measured capacity) is `npm run bench:overload`.
t.test('under overload the same process answers every request with 200 or a 503 problem with Retry-After', async (t) => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/overload.ts', '--quick'], {
    timeout: 120_000,
  })
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
    sameProcess: boolean
    overload: { statuses: Record<string, number>; bad503: number; errors: number; p99: number }
    recovery: { statuses: Record<string, number>; errors: number; p99: number }
  }
  t.comment(JSON.stringify(result))
  t.equal(result.sameProcess, true, 'no crash, no restart')
  t.same(Object.keys(result.overload.statuses).filter((s) => s !== '200' && s !== '503'), [], 'only 200s and 503s')
  t.equal(result.overload.bad503, 0, 'every 503 is a problem document with Retry-After')
  t.equal(result.overload.errors, 0, 'no connection errors or timeouts')
  t.same(Object.keys(result.recovery.statuses), ['200'], 'after the load drops, everything is served')
  t.equal(result.recovery.errors, 0)
})
