import closeWithGrace from 'close-with-grace'
import type { FastifyBaseLogger } from 'fastify'
import { buildApp } from './app.js'
import type { Config } from './config.js'
import { holderId, holdLease, type Lease } from './core/lease.js'
import { foldAndClose, startCheckpointer, type Checkpointer } from './db/checkpointer.js'
import { openDb, type Db } from './db/client.js'
import { migrateDb } from './db/migrate.js'
import { seedDb } from '../seed/load.js'
import { startPurger } from './resources/changes/purger.js'
import { startWebhookWorker } from './resources/webhooks/worker.js'

// The grace period outlasts a webhook attempt (10 s) in flight at the signal, and idle
// keep-alive connections ending at their announced timeout (5 s by default).
export const GRACE_MS = 15_000

/**
 * Serves the API from this process: alone, or as one of a cluster's workers. Alone, it
 * migrates and seeds the database, checkpoints it from a thread and folds the WAL in at
 * exit; a worker leaves all three to the primary (src/cluster.ts), which does each once.
 */
export async function serve(config: Config, { worker }: { worker: boolean }) {
  const db = openDb(config.databasePath)
  let seeded: ReturnType<typeof seedDb> | undefined
  if (!worker) {
    migrateDb(db)
    seeded = seedDb(db)
  }

  const app = await buildApp({
    db,
    corsOrigins: config.corsOrigins,
    readRequiresKey: config.readRequiresKey,
    rateLimitMax: config.rateLimitMax,
    rateLimitWindowSeconds: config.rateLimitWindowSeconds,
    publicCacheControl: config.cacheControl,
    allowPrivateWebhooks: config.allowPrivateWebhooks,
    publicOrigin: config.publicOrigin,
    timeouts: config.timeouts,
    shedding: config.shedding,
    maxLongPolls: config.maxLongPolls,
    trustProxy: config.trustProxy,
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
  })
  if (!worker) app.log.info({ database: config.databasePath, seeded }, 'database ready')
  if (config.trustProxy && !config.publicOrigin) {
    // The proxy then decides the origin of every absolute link, from headers a client may send.
    app.log.warn(
      { trustProxy: config.trustProxy },
      'TRUST_PROXY is set without PUBLIC_URL: absolute links follow X-Forwarded-Proto and X-Forwarded-Host; set PUBLIC_URL, or make the proxy overwrite both',
    )
  }
  let checkpointer: Checkpointer | undefined
  if (worker) db.$client.pragma('wal_autocheckpoint = 0')
  else {
    checkpointer = await startCheckpointer(db, config.databasePath, {
      onError: (message) => app.log.warn(`WAL checkpoint thread: ${message}`),
    })
  }

  const leases: Lease[] = []
  closeWithGrace({ delay: GRACE_MS }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error')
    else app.log.info({ signal }, 'shutting down')
    // Whatever is still open near the end (a client dripping headers, a stuck request) is
    // cut, so the database is still checkpointed and closed before the process must go.
    const cut = setTimeout(() => app.server.closeAllConnections(), GRACE_MS - 2000).unref()
    // Requests drain while the attempt in flight finishes and is recorded; both need the db.
    await Promise.all([app.close(), ...leases.map((l) => l.stop())])
    clearTimeout(cut)
    if (worker) db.$client.close()
    else await foldAndClose(db, checkpointer, (err) => app.log.warn({ err }, 'could not checkpoint the WAL on shutdown'))
  })

  await app.listen({ host: config.host, port: config.port })
  const webhookLog = app.log.child({ component: 'webhooks' })
  leases.push(whileLeased(db, 'webhooks', webhookLog, () => startWebhookWorker({ db, allowPrivate: config.allowPrivateWebhooks, log: webhookLog })))
  if (config.purge.urls.length > 0) {
    const purgeLog = app.log.child({ component: 'purge' })
    leases.push(whileLeased(db, 'purge', purgeLog, () => startPurger({ db, ...config.purge, log: purgeLog })))
  }
}

/** Work that runs in one process at a time: started while this process holds its lease. */
function whileLeased(db: Db, name: string, log: FastifyBaseLogger, start: () => { stop(): Promise<void> }): Lease {
  let running: { stop(): Promise<void> } | undefined
  const holder = holderId()
  return holdLease(db, {
    name,
    holder,
    onAcquire: () => {
      log.info({ holder }, `${name}: running in this process`)
      running = start()
    },
    onRelease: async () => {
      const stopping = running
      running = undefined
      await stopping?.stop()
    },
    onError: (err) => log.warn({ err }, `${name}: the lease could not be renewed`),
  })
}
