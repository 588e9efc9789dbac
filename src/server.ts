import cluster from 'node:cluster'
import { runPrimary } from './cluster.js'
import { ConfigError, loadConfig, type Config } from './config.js'
import { serve } from './serving.js'

let config: Config
try {
  config = loadConfig()
} catch (err) {
  if (!(err instanceof ConfigError)) throw err
  process.stderr.write(`${err.message}\n`)
  process.exit(1)
}

if (config.workers > 1 && cluster.isPrimary) await runPrimary(config)
else await serve(config, { worker: cluster.isWorker })
