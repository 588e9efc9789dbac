// Behind a proxy, every request comes from the proxy's address. With TRUST_PROXY naming it,
// the client is the right-most address of X-Forwarded-For the proxy did not add: rate limits
// and logs count that client, and a client cannot escape its limit by prepending addresses.
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import t from 'tap'
import { buildApp } from '../src/app.js'
import { testDb } from './helper.js'
import { prepareDatabase, startServer, type Server } from './lib/server-process.js'

t.setTimeout(120_000)

const A = '203.0.113.7'
const B = '198.51.100.23'
const CHEAP = '/v1/tags/lahore'

/** The status codes of `n` GETs sent with `headers`, a few at a time. */
async function statuses(url: string, n: number, headers: Record<string, string>) {
  const out: number[] = []
  for (let sent = 0; sent < n; ) {
    const batch = Math.min(10, n - sent)
    const answers = await Promise.all(
      Array.from({ length: batch }, async () => {
        const res = await fetch(url, { headers })
        await res.arrayBuffer()
        return res.status
      }),
    )
    out.push(...answers)
    sent += batch
  }
  return out
}

const count = (codes: number[], code: number) => codes.filter((c) => c === code).length

/** The access-log line of the request sent with `x-request-id: id` (listening starts now). */
function logLineOf(server: Server, id: string): Promise<Record<string, unknown>> {
  const lines = createInterface({ input: server.child.stdout! })
  return new Promise((resolve) => {
    lines.on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>
      if (entry.reqId === id && entry.msg === 'request completed') {
        lines.close()
        resolve(entry)
      }
    })
  })
}

t.test('TRUST_PROXY=127.0.0.1 and the default limit: each client behind the proxy has its own bucket', async (t) => {
  const { path } = prepareDatabase(t, 'trust-proxy')
  const server = await startServer(t, { DATABASE_PATH: path, TRUST_PROXY: '127.0.0.1', RATE_LIMIT_MAX: '600' })
  const url = `${server.url}${CHEAP}`
  t.match(server.problems.join('\n'), /TRUST_PROXY is set without PUBLIC_URL/, 'a warning: links now follow the proxy')

  const first = await statuses(url, 600, { 'x-forwarded-for': A })
  t.equal(count(first, 200), 600, 'client A gets its 600')
  const over = await fetch(url, { headers: { 'x-forwarded-for': A } })
  t.equal(over.status, 429, 'then 429')
  t.match(await over.json(), { status: 429 })

  const other = await fetch(url, { headers: { 'x-forwarded-for': B } })
  t.equal(other.status, 200, 'client B, behind the same proxy, is not limited by A')
  t.equal(other.headers.get('ratelimit-remaining'), '599')
  await other.arrayBuffer()

  const spoofed = await fetch(url, { headers: { 'x-forwarded-for': `9.9.9.9, ${A}` } })
  t.equal(spoofed.status, 429, 'A prepending a made-up address is still A')
  await spoofed.arrayBuffer()
  const twoProxies = await fetch(url, { headers: { 'x-forwarded-for': `${A}, 127.0.0.1` } })
  t.equal(twoProxies.status, 429, 'A through a second trusted proxy is still A')
  await twoProxies.arrayBuffer()

  const logged = logLineOf(server, 'trust-proxy-a')
  const probe = await fetch(url, { headers: { 'x-forwarded-for': `9.9.9.9, ${A}`, 'x-request-id': 'trust-proxy-a' } })
  await probe.arrayBuffer()
  t.match(await logged, { ip: A, statusCode: 429 }, "the log line carries A's address")
})

t.test('without TRUST_PROXY, X-Forwarded-For is ignored: one bucket for every request from the proxy', async (t) => {
  const { path } = prepareDatabase(t, 'no-trust-proxy')
  const server = await startServer(t, { DATABASE_PATH: path, RATE_LIMIT_MAX: '5' })
  const url = `${server.url}${CHEAP}`
  const codes: number[] = []
  for (let i = 1; i <= 6; i++) {
    const res = await fetch(url, { headers: { 'x-forwarded-for': `192.0.2.${i}` } })
    await res.arrayBuffer()
    codes.push(res.status)
  }
  t.same(codes, [200, 200, 200, 200, 200, 429], 'six "clients" share one bucket of 5')
  const logged = logLineOf(server, 'no-trust')
  await (await fetch(url, { headers: { 'x-forwarded-for': A, 'x-request-id': 'no-trust' } })).arrayBuffer()
  t.match(await logged, { ip: '127.0.0.1' }, 'the log names the address the request came from')
})

t.test('IPv6 clients are counted by their /64, as one subscriber is given a whole /64', async (t) => {
  const app = await buildApp({ db: testDb(t), trustProxy: ['127.0.0.1'], rateLimitMax: 2 })
  t.teardown(() => app.close())
  const get = (xff: string) => app.inject({ url: CHEAP, headers: { 'x-forwarded-for': xff } })
  t.equal((await get('2001:db8:1:2::1')).statusCode, 200)
  t.equal((await get('2001:db8:1:2::ffff')).statusCode, 200)
  t.equal((await get('2001:db8:1:2:aaaa::9')).statusCode, 429, 'another address of the same /64')
  t.equal((await get('2001:db8:1:3::1')).statusCode, 200, 'the next /64 is someone else')
  t.equal((await get('::ffff:192.0.2.1')).statusCode, 200)
  t.equal((await get('192.0.2.1')).statusCode, 200, 'an IPv4-mapped address is the IPv4 address')
  t.equal((await get('192.0.2.1')).statusCode, 429)
})

t.test('trusting a proxy trusts its X-Forwarded-Proto and -Host for links, unless PUBLIC_URL is set', async (t) => {
  const feed = '/v1/feeds/articles.atom'
  const forwarded = { 'x-forwarded-for': A, 'x-forwarded-proto': 'https', 'x-forwarded-host': 'news.example' }
  const behind = await buildApp({ db: testDb(t), trustProxy: ['127.0.0.1'] })
  t.teardown(() => behind.close())
  t.match((await behind.inject({ url: feed, headers: forwarded })).body, 'href="https://news.example/v1/feeds/articles.atom"')
  const direct = await buildApp({ db: testDb(t) })
  t.teardown(() => direct.close())
  const plain = (await direct.inject({ url: feed, headers: { ...forwarded, host: 'api.example' } })).body
  t.match(plain, 'href="http://api.example/v1/feeds/articles.atom"', 'not trusted: the headers are ignored')
  const fixed = await buildApp({ db: testDb(t), trustProxy: ['127.0.0.1'], publicOrigin: 'https://api.example.com' })
  t.teardown(() => fixed.close())
  t.match((await fixed.inject({ url: feed, headers: forwarded })).body, 'href="https://api.example.com/v1/feeds/articles.atom"')
})

t.test('a bad TRUST_PROXY entry stops the process with a line naming it', async (t) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, PORT: '0', DATABASE_PATH: ':memory:', TRUST_PROXY: '127.0.0.1, 10.0.0.0/33' },
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  t.equal(await new Promise((resolve) => child.once('exit', resolve)), 1)
  t.match(stderr, /^Invalid configuration: TRUST_PROXY: "10\.0\.0\.0\/33" is not an IP address or CIDR range/)
})
