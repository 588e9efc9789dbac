import { execFile } from 'node:child_process'
import t from 'tap'

// The quick mode of bench/overload.ts: the real server, driven past what it served in a
// short probe, with a writer posting stories throughout. The full run (60 s at 5 × the
// measured capacity, recovery against a baseline) is part of `npm run test:reliability`.
t.test('under overload the same process answers every request with 200 or a 503 problem, and loses no write', async (t) => {
  // The script exits 1 when a criterion fails; its figures are on stdout either way.
  const stdout = await new Promise<string>((resolve) =>
    execFile(process.execPath, ['--import', 'tsx', 'bench/overload.ts', '--quick'], { timeout: 120_000 }, (_err, out) => resolve(out)),
  )
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
    sameProcess: boolean
    overload: { statuses: Record<string, number>; bad503: number; errors: number; p99: number }
    recovery: { statuses: Record<string, number>; bad503: number; errors: number; p99: number }
    writes: { acknowledged: number; statuses: Record<string, number>; lost: number }
    integrity: string
    exitCode: number | null
  }
  t.comment(JSON.stringify({ ...result, overload: { ...result.overload, perSecondP99: undefined }, recovery: { ...result.recovery, perSecondP99: undefined } }))
  t.equal(result.sameProcess, true, 'no crash, no restart')
  t.same(Object.keys(result.overload.statuses).filter((s) => s !== '200' && s !== '503'), [], 'only 200s and 503s')
  t.equal(result.overload.bad503, 0, 'every 503 is a problem document with Retry-After')
  t.equal(result.overload.errors, 0, 'no connection errors or timeouts')
  // npm test runs other files alongside, so the machine may still be loaded: recovery here
  // means no errors and requests served again; the full run measures it against a baseline.
  const served = result.recovery.statuses['200'] ?? 0
  const total = Object.values(result.recovery.statuses).reduce((a, b) => a + b, 0)
  t.same(Object.keys(result.recovery.statuses).filter((s) => s !== '200' && s !== '503'), [], 'after the drop: 200s and 503s only')
  t.ok(served > 0, `after the load drops, ${served} of ${total} served`)
  t.equal(result.recovery.errors, 0)
  t.equal(result.recovery.bad503, 0)
  t.ok(result.writes.acknowledged > 0, `${result.writes.acknowledged} stories acknowledged during the run`)
  t.same(Object.keys(result.writes.statuses).filter((s) => s !== '201' && s !== '503'), [], 'the writer saw only 201s and 503s')
  t.equal(result.writes.lost, 0, 'every acknowledged story is in the file')
  t.equal(result.integrity, 'ok', 'PRAGMA integrity_check is ok')
  t.equal(result.exitCode, 0, 'the server exits 0 on SIGTERM afterwards')
})
