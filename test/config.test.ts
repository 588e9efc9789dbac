import { availableParallelism } from 'node:os'
import t from 'tap'
import { loadConfig } from '../src/config.js'

t.test('defaults', async (t) => {
  t.same(loadConfig({}), {
    host: '127.0.0.1',
    port: 3000,
    databasePath: './data/byline.db',
    logLevel: 'info',
    corsOrigins: '*',
    readRequiresKey: false,
    rateLimitMax: 600,
    rateLimitWindowSeconds: 60,
    allowPrivateWebhooks: false,
    cacheControl: 'public, max-age=60, stale-while-revalidate=300',
    publicOrigin: null,
    trustProxy: null,
    timeouts: { requestMs: 30_000, headersMs: 10_000, keepAliveMs: 5_000, connectionMs: 65_000 },
    shedding: { maxEventLoopDelayMs: 200, maxEventLoopUtilization: 0 },
    maxLongPolls: 1000,
    workers: 1,
    purge: { urls: [], soft: true },
  })
})

t.test('values are parsed and checked', async (t) => {
  const c = loadConfig({ PORT: '8080', DATABASE_PATH: ':memory:', LOG_LEVEL: 'warn', CORS_ORIGINS: 'https://a.example, https://b.example/' })
  t.equal(c.port, 8080)
  t.equal(c.databasePath, ':memory:')
  t.same(c.corsOrigins, ['https://a.example', 'https://b.example'])
  const keys = loadConfig({ READ_REQUIRES_KEY: 'true', RATE_LIMIT_MAX: '0', RATE_LIMIT_WINDOW_SECONDS: '10' })
  t.same([keys.readRequiresKey, keys.rateLimitMax, keys.rateLimitWindowSeconds], [true, 0, 10])
  for (const env of [{ PORT: '70000' }, { PORT: 'x' }, { LOG_LEVEL: 'loud' }, { CORS_ORIGINS: 'not an origin' }, { HOST: '' }, { READ_REQUIRES_KEY: 'yes' }, { RATE_LIMIT_MAX: '-1' }, { RATE_LIMIT_WINDOW_SECONDS: '0' }]) {
    t.throws(() => loadConfig(env), { name: 'ConfigError' }, JSON.stringify(env))
  }
  t.throws(() => loadConfig({ PORT: 'x' }), /PORT/)
  t.equal(loadConfig({ CACHE_CONTROL: 'public, max-age=5' }).cacheControl, 'public, max-age=5')
  t.throws(() => loadConfig({ CACHE_CONTROL: 'max-age=5\r\nSet-Cookie: x' }), /CACHE_CONTROL/)
  t.equal(loadConfig({ PUBLIC_URL: 'https://api.example.com/' }).publicOrigin, 'https://api.example.com')
  for (const bad of ['ftp://x.example', 'not a url', 'javascript:alert(1)']) t.throws(() => loadConfig({ PUBLIC_URL: bad }), /PUBLIC_URL/, bad)
  // A connection timeout shorter than a long poll (30 s) would cut partners off mid-wait.
  t.throws(() => loadConfig({ CONNECTION_TIMEOUT_MS: '10000' }), /CONNECTION_TIMEOUT_MS/)
  t.throws(() => loadConfig({ REQUEST_TIMEOUT_MS: '0' }), /REQUEST_TIMEOUT_MS/)
  t.equal(loadConfig({ MAX_EVENT_LOOP_DELAY_MS: '0' }).shedding.maxEventLoopDelayMs, 0, '0 turns the check off')
  t.throws(() => loadConfig({ MAX_EVENT_LOOP_UTILIZATION: '1.5' }), /MAX_EVENT_LOOP_UTILIZATION/)
  t.equal(loadConfig({ MAX_LONG_POLLS: '20' }).maxLongPolls, 20)
  for (const bad of ['0', '-1', 'many', '1.5']) t.throws(() => loadConfig({ MAX_LONG_POLLS: bad }), /MAX_LONG_POLLS/, bad)
  t.same(loadConfig({ PURGE_URLS: 'http://127.0.0.1:6081, http://cache-2:6081', PURGE_MODE: 'hard' }).purge, {
    urls: ['http://127.0.0.1:6081', 'http://cache-2:6081'],
    soft: false,
  })
  for (const bad of ['varnish', 'ftp://cache:21', 'http://a:6081,,http://b']) t.throws(() => loadConfig({ PURGE_URLS: bad }), /PURGE_URLS: .* is not an http\(s\) URL/, bad)
  t.throws(() => loadConfig({ PURGE_MODE: 'sometimes' }), /PURGE_MODE/)
  t.equal(loadConfig({ WORKERS: '2' }).workers, 2)
  t.equal(loadConfig({ WORKERS: 'auto' }).workers, availableParallelism(), 'auto: one a CPU')
  for (const bad of ['0', '-1', 'many', '1.5', '65', '']) t.throws(() => loadConfig({ WORKERS: bad }), /WORKERS: must be a whole number from 1 to 64, or auto/, bad)
})

t.test('TRUST_PROXY: unset trusts nobody; a list of addresses and CIDR ranges, each checked', async (t) => {
  t.equal(loadConfig({}).trustProxy, null)
  t.equal(loadConfig({ TRUST_PROXY: ' ' }).trustProxy, null, 'blank is unset')
  t.same(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1 , fd00::/8' }).trustProxy, ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8'])
  for (const bad of ['10.0.0.0/33', 'localhost', '10.0.0', '::1/129', '10.0.0.1/', '10.0.0.1/x', '*', 'true', '2']) {
    t.throws(() => loadConfig({ TRUST_PROXY: `127.0.0.1,${bad}` }), { name: 'ConfigError', message: `TRUST_PROXY: "${bad}" is not` }, bad)
  }
  t.throws(() => loadConfig({ TRUST_PROXY: '127.0.0.1,,10.0.0.1' }), /TRUST_PROXY: an entry is empty/)
})
