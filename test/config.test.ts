import t from 'tap'
import { loadConfig } from '../src/config.js'

t.test('defaults', async (t) => {
  t.same(loadConfig({}), {
    host: '127.0.0.1',
    port: 3000,
    databasePath: './data/byline.db',
    logLevel: 'info',
    corsOrigins: '*',
  })
})

t.test('values are parsed and checked', async (t) => {
  const c = loadConfig({ PORT: '8080', DATABASE_PATH: ':memory:', LOG_LEVEL: 'warn', CORS_ORIGINS: 'https://a.example, https://b.example/' })
  t.equal(c.port, 8080)
  t.equal(c.databasePath, ':memory:')
  t.same(c.corsOrigins, ['https://a.example', 'https://b.example'])
  for (const env of [{ PORT: '70000' }, { PORT: 'x' }, { LOG_LEVEL: 'loud' }, { CORS_ORIGINS: 'not an origin' }, { HOST: '' }]) {
    t.throws(() => loadConfig(env), { name: 'ConfigError' }, JSON.stringify(env))
  }
  t.throws(() => loadConfig({ PORT: 'x' }), /PORT/)
})
