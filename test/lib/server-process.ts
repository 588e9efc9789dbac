// The server as a child process, started the way `npm start` starts it, for the tests that
// kill it, stop it or run two of them on one file.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { Test } from 'tap'
import { createKey } from '../../src/core/keys.js'
import { openDb } from '../../src/db/client.js'
import { migrateDb } from '../../src/db/migrate.js'
import { seedDb } from '../../seed/load.js'

export type Exit = { code: number | null; signal: NodeJS.Signals | null }

export type Server = {
  child: ChildProcess
  url: string
  exited: Promise<Exit>
  /** Log lines at warn level or above, and anything the process wrote to stderr. */
  problems: string[]
  /** The last lines of its log, for diagnostics. */
  tail: string[]
  /** Every line of its log, parsed (a cluster's workers write to the same stdout). */
  log: Record<string, unknown>[]
}

/**
 * Starts `src/server.ts` the way `npm start` does (`node --import tsx`, one process: the
 * `tsx` binary would be a second process that SIGKILL would not reach) and waits until it
 * listens on its random port.
 */
export async function startServer(t: Test, env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: process.cwd(),
    // Durability, not admission: no rate limit and no load shedding, so every write is tried.
    env: {
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'info',
      RATE_LIMIT_MAX: '0',
      MAX_EVENT_LOOP_DELAY_MS: '0',
      MAX_EVENT_LOOP_UTILIZATION: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  t.teardown(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  const problems: string[] = []
  const tail: string[] = []
  const log: Record<string, unknown>[] = []
  createInterface({ input: child.stderr! }).on('line', (line) => problems.push(`stderr: ${line}`))
  const lines = createInterface({ input: child.stdout! })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not listen within 30 s\n${[...problems, ...tail].join('\n')}`)), 30_000)
    void exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(new Error(`server exited (code ${code}, signal ${signal}) before listening\n${[...problems, ...tail].join('\n')}`))
    })
    lines.on('line', (line) => {
      tail.push(line)
      if (tail.length > 30) tail.shift()
      try {
        const entry = JSON.parse(line) as { level?: number }
        log.push(entry)
        if (entry.level! >= 40) problems.push(line)
      } catch {
        problems.push(`not JSON: ${line}`)
      }
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
  })
  return { child, url, exited, problems, tail, log }
}

/** A migrated, seeded database file with one write key, made before any server starts. */
export function prepareDatabase(t: Test, name: string) {
  const dir = mkdtempSync(join(tmpdir(), `byline-${name}-`))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const path = join(dir, 'byline.db')
  const db = openDb(path)
  migrateDb(db)
  seedDb(db)
  const { secret } = createKey(db, `${name} test`, ['write'])
  db.$client.close()
  return { path, secret }
}

