import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import t, { type Test } from 'tap'

/**
 * Starts `src/server.ts` as `npm start` does (`node --import tsx`: one process, so a signal
 * reaches the server itself, not a wrapper), on a random port, and waits until it listens.
 */
async function startServer(t: Test, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env } })
  t.teardown(() => {
    if (child.exitCode === null) child.kill('SIGKILL')
  })
  const lines = createInterface({ input: child.stdout })
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
    lines.on('line', (line) => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line)
      if (match) resolve(match[1]!)
    })
  })
  return { child, url }
}

t.test('the real server serves the seeded story over HTTP and stops cleanly on SIGTERM', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'byline-server-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const { child, url } = await startServer(t, { DATABASE_PATH: join(dir, 'nested', 'byline.db') })

  const res = await fetch(`${url}/v1/articles/islamic-militant-threat-grows-in-pakistani-heartland`)
  t.equal(res.status, 200)
  t.match(res.headers.get('content-type'), /^application\/json/)
  const { data } = (await res.json()) as { data: { quotes: unknown[]; headline: string } }
  t.equal(data.headline, 'Islamic Militant Threat Grows in Pakistani Heartland')
  t.equal(data.quotes.length, 22)
  t.equal((await fetch(`${url}/ready`)).status, 200)

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  child.kill('SIGTERM')
  t.equal(await exited, 0, 'exits 0 after a graceful close')
})

t.test('a bad setting stops the process with one clear line', async (t) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { env: { ...process.env, PORT: 'eighty' } })
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  t.equal(code, 1)
  t.equal(stderr.trim().split('\n').length, 1)
  t.match(stderr, /^Invalid configuration: PORT/)
})
