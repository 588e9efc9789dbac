import cluster, { type Worker } from 'node:cluster'
import { once } from 'node:events'
import closeWithGrace from 'close-with-grace'
import { pino } from 'pino'
import type { Config } from './config.js'
import { foldAndClose, startCheckpointer } from './db/checkpointer.js'
import { openDb } from './db/client.js'
import { migrateDb } from './db/migrate.js'
import { seedDb } from '../seed/load.js'
import { GRACE_MS } from './serving.js'
import { isRateAsks, RATE_MESSAGE, RateWindows, type RateAnswers } from './core/rate-windows.js'

// A worker that dies within this long of its start counts towards a crash loop.
const EARLY_EXIT_MS = 5_000
const MAX_RESTART_DELAY_MS = 10_000

/**
 * The primary of `WORKERS=N`: it serves no request. It migrates and seeds the database once,
 * before any worker opens it; checkpoints the WAL from a thread for all of them; replaces a
 * worker that dies (waiting longer each time one dies young, so a crash loop does not spin);
 * and on SIGTERM or SIGINT drains every worker as a lone server drains, then folds the WAL
 * into the database file once and exits 0.
 */
export async function runPrimary(config: Config) {
  const log = pino({ level: config.logLevel }).child({ role: 'primary' })
  const db = openDb(config.databasePath)
  migrateDb(db)
  const seeded = seedDb(db)
  log.info({ database: config.databasePath, seeded, workers: config.workers }, 'database ready')
  const checkpointer = await startCheckpointer(db, config.databasePath, {
    onError: (message) => log.warn(`WAL checkpoint thread: ${message}`),
  })

  let stopping = false
  let restartDelay = 0
  const started = new Map<Worker, number>()
  // One count of each client's requests for all workers (http/rate-store.ts asks).
  const rates = new RateWindows()
  const fork = () => {
    const worker = cluster.fork()
    worker.on('message', (m: unknown) => {
      if (!isRateAsks(m) || !worker.isConnected()) return
      const answers: RateAnswers = { type: RATE_MESSAGE, answers: m.asks.map((a) => ({ id: a.id, ...rates.incr(a.key, a.windowMs) })) }
      worker.send(answers)
    })
    started.set(worker, Date.now())
  }
  cluster.on('exit', (worker, code, signal) => {
    const since = Date.now() - (started.get(worker) ?? 0)
    started.delete(worker)
    if (stopping) return
    restartDelay = since < EARLY_EXIT_MS ? Math.min(Math.max(restartDelay * 2, 250), MAX_RESTART_DELAY_MS) : 0
    log.error({ worker: worker.process.pid, code, signal, restartInMs: restartDelay }, 'a worker died; starting another')
    setTimeout(fork, restartDelay).unref()
  })
  for (let i = 0; i < config.workers; i++) fork()

  closeWithGrace({ delay: GRACE_MS }, async ({ signal, err }) => {
    stopping = true
    if (err) log.error({ err }, 'shutting down after an error')
    else log.info({ signal }, 'shutting down')
    // Each worker drains as a lone server does (in-flight requests answered, webhook attempt
    // recorded); a Ctrl-C reaches them from the terminal too, which changes nothing.
    const workers = [...started.keys()].filter((w) => !w.isDead())
    await Promise.all(
      workers.map(async (w) => {
        const exited = once(w, 'exit')
        w.process.kill('SIGTERM')
        await exited
      }),
    )
    await foldAndClose(db, checkpointer, (err) => log.warn({ err }, 'could not checkpoint the WAL on shutdown'))
  })
}
