import { once } from 'node:events'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { Db } from './client.js'

/** SQLite's own threshold, restored when the thread cannot run. */
const AUTOCHECKPOINT_PAGES = 1000

// A connection of its own on a thread of its own. PASSIVE never waits for a reader or the
// writer: it copies what it can and leaves the rest for the next round.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('synchronous = FULL')
const round = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err) })
  }
}
const timer = setInterval(round, workerData.intervalMs)
parentPort.on('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
parentPort.postMessage({ ready: true })
`

export type Checkpointer = { stop(): Promise<void> }

/**
 * At exit: stops the thread, folds the WAL into the database file (so what was written is
 * in one file at rest) and closes the database. Done once, by whoever checkpoints.
 */
export async function foldAndClose(db: Db, checkpointer: Checkpointer | undefined, onError: (err: unknown) => void) {
  await checkpointer?.stop()
  try {
    db.$client.pragma('wal_checkpoint(TRUNCATE)')
  } catch (err) {
    onError(err)
  }
  db.$client.close()
}

export type CheckpointerOptions = { intervalMs?: number; onError?: (message: string) => void }

/**
 * Folds the WAL into the database file from a worker thread. SQLite otherwise checkpoints
 * inside the commit that crosses 1,000 pages: copying 4 MB and syncing the file on the
 * event loop, which holds every request (a health check included) for tens of milliseconds.
 * Here the serving connection never checkpoints; the thread does, every `intervalMs`, so a
 * write reaches the database file within about that time. If the thread cannot start or
 * fails, the serving connection checkpoints as before.
 */
export async function startCheckpointer(db: Db, file: string, opts: CheckpointerOptions = {}): Promise<Checkpointer> {
  const sqlite = db.$client
  if (file === ':memory:' || file.startsWith('file::memory:')) return { stop: async () => {} }
  const thread = new Worker(THREAD, {
    eval: true,
    // The thread runs plain JavaScript: no TypeScript loader to start.
    execArgv: [],
    workerData: { file, intervalMs: opts.intervalMs ?? 500, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
  })
  const fallBack = (message: string) => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`)
    opts.onError?.(`${message}; the serving connection checkpoints the WAL itself`)
  }
  thread.on('error', (err) => fallBack(err.message))
  thread.on('message', (m: { error?: string }) => {
    if (m.error) opts.onError?.(`a checkpoint failed (the next round tries again): ${m.error}`)
  })
  let started = false
  try {
    const [first] = (await Promise.race([once(thread, 'message'), once(thread, 'exit')])) as [{ ready?: boolean } | number]
    started = typeof first === 'object' && first.ready === true
  } catch {
    // The 'error' listener above has reported it.
  }
  if (!started) {
    fallBack('the checkpoint thread did not start')
    return { stop: async () => {} }
  }
  sqlite.pragma('wal_autocheckpoint = 0')
  // Never what keeps the process alive: the server stops it, and a crash ends it.
  thread.unref()
  const exited = once(thread, 'exit')
  let stopping: Promise<void> | undefined
  return {
    stop: () =>
      (stopping ??= (async () => {
        thread.postMessage('stop')
        await exited
        if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`)
      })()),
  }
}
