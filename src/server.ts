import closeWithGrace from 'close-with-grace'
import { buildApp } from './app.js'
import { ConfigError, loadConfig, type Config } from './config.js'
import { startCheckpointer } from './db/checkpointer.js'
import { openDb } from './db/client.js'
import { migrateDb } from './db/migrate.js'
import { seedDb } from '../seed/load.js'
import { startWebhookWorker, type WebhookWorker } from './resources/webhooks/worker.js'

let config: Config
try {
  config = loadConfig()
} catch (err) {
  if (!(err instanceof ConfigError)) throw err
  process.stderr.write(`${err.message}\n`)
  process.exit(1)
}

const db = openDb(config.databasePath)
migrateDb(db)
const seeded = seedDb(db)

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
app.log.info({ database: config.databasePath, seeded }, 'database ready')
const checkpointer = await startCheckpointer(db, config.databasePath, {
  onError: (message) => app.log.warn(`WAL checkpoint thread: ${message}`),
})
if (config.trustProxy && !config.publicOrigin) {
  // The proxy then decides the origin of every absolute link, from headers a client may send.
  app.log.warn(
    { trustProxy: config.trustProxy },
    'TRUST_PROXY is set without PUBLIC_URL: absolute links follow X-Forwarded-Proto and X-Forwarded-Host; set PUBLIC_URL, or make the proxy overwrite both',
  )
}

let webhooks: WebhookWorker | undefined

// The grace period outlasts a webhook attempt (10 s) in flight at the signal, and idle
// keep-alive connections ending at their announced timeout (5 s by default).
const GRACE_MS = 15_000
closeWithGrace({ delay: GRACE_MS }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'shutting down after an error')
  else app.log.info({ signal }, 'shutting down')
  // Whatever is still open near the end (a client dripping headers, a stuck request) is
  // cut, so the database is still checkpointed and closed before the process must go.
  const cut = setTimeout(() => app.server.closeAllConnections(), GRACE_MS - 2000).unref()
  // Requests drain while the attempt in flight finishes and is recorded; both need the db.
  await Promise.all([app.close(), webhooks?.stop()])
  clearTimeout(cut)
  await checkpointer.stop()
  // Fold the WAL into the database file, so what was written is in one file at rest.
  try {
    db.$client.pragma('wal_checkpoint(TRUNCATE)')
  } catch (err) {
    app.log.warn({ err }, 'could not checkpoint the WAL on shutdown')
  }
  db.$client.close()
})

await app.listen({ host: config.host, port: config.port })
webhooks = startWebhookWorker({ db, allowPrivate: config.allowPrivateWebhooks, log: app.log.child({ component: 'webhooks' }) })
