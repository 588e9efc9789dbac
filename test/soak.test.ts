import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import t from 'tap'

t.setTimeout(180_000)

type Result = {
  rate: number
  rss: { earlyMedianBytes: number; lateMedianBytes: number; limitBytes: number; ratio: number }
  p99: { earlyMs: number; lateMs: number; limitMs: number; ratio: number }
  errors: number
  statuses: Record<string, number>
  firstErrors: string[]
  walMaxBytes: number
  sameProcess: boolean
  exitCode: number | string | null
  integrity: string
  stories: { acknowledged: number; inDatabase: number; missing: number }
  failed: string[]
  pass: boolean
}

// The quick mode of bench/soak.ts: the real server on a fresh database, ~25 s at a fixed
// rate on the mix of reads, feeds, the changes feed and writes. The full run (10 minutes at
// 0.8 × the mix's measured capacity) is `node --import tsx bench/soak.ts`.
t.test('a soak on the mix keeps memory and the WAL bounded, with no errors (latency: the full run)', async (t) => {
  let stdout: string
  try {
    ;({ stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/soak.ts', '--quick'], {
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    }))
  } catch (err) {
    // A failing criterion exits 1 with the figures still on stdout.
    stdout = (err as { stdout?: string }).stdout ?? ''
    if (!stdout.trim()) throw err
  }
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as Result
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`
  t.comment(
    `${result.rate} req/s; RSS ${mb(result.rss.earlyMedianBytes)} → ${mb(result.rss.lateMedianBytes)}; ` +
      `p99 ${result.p99.earlyMs} → ${result.p99.lateMs} ms; WAL at most ${mb(result.walMaxBytes)}; ` +
      `${result.stories.acknowledged} stories written; statuses ${JSON.stringify(result.statuses)}`,
  )
  t.ok(result.rss.lateMedianBytes <= result.rss.limitBytes, `RSS at the end within its limit (${result.rss.ratio}×)`)
  t.equal(result.errors, 0, 'no errors, timeouts or unexpected statuses (503 included)', { firstErrors: result.firstErrors })
  t.ok(result.walMaxBytes < 64 * 1024 * 1024, 'the WAL stays under 64 MB')
  t.equal(result.sameProcess, true, 'the same server process throughout')
  t.equal(result.exitCode, 0, 'the server exits 0 on SIGTERM')
  t.equal(result.integrity, 'ok', 'PRAGMA integrity_check is ok')
  t.ok(result.stories.acknowledged > 0, 'stories were written')
  t.equal(result.stories.missing, 0, 'every acknowledged story is in the file')
  t.same(result.failed, [], 'the script agrees: nothing failed')
})
