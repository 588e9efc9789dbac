import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import t from 'tap'
import { buildApp } from '../src/app.js'
import { createKey, listKeys, revokeKey, verifyKey } from '../src/core/keys.js'
import { build, testDb } from './helper.js'

t.test('keys: hashed at rest, verified, listed without secrets, revoked', async (t) => {
  const db = testDb(t)
  const { id, secret } = createKey(db, 'Partner X', ['read', 'write'])
  t.match(secret, /^byl_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/)
  const stored = db.$client.prepare('select * from api_keys').get() as Record<string, string>
  t.notMatch(JSON.stringify(stored), secret.slice(17), 'the secret part is not stored')
  t.match(stored.hash, /^[0-9a-f]{64}$/)
  t.same(verifyKey(db, secret), { id, name: 'Partner X', scopes: ['read', 'write'] })
  t.equal(verifyKey(db, `${secret.slice(0, -1)}x`), undefined, 'one character off')
  t.equal(verifyKey(db, 'byl_000000000000_' + 'a'.repeat(43)), undefined)
  t.equal(verifyKey(db, 'not a key'), undefined)
  t.notMatch(JSON.stringify(listKeys(db)), secret)
  t.ok(revokeKey(db, id))
  t.equal(verifyKey(db, secret), undefined, 'a revoked key no longer works')
  t.notOk(revokeKey(db, 'key_nothing'))
})

t.test('a key that is present must be valid, even on public reads', async (t) => {
  const app = await build(t)
  for (const authorization of ['Bearer byl_nope', 'Basic dXNlcjpwYXNz', 'Bearer', `Bearer ${'x'.repeat(600)}`]) {
    const res = await app.inject({ url: '/v1/articles', headers: { authorization } })
    t.equal(res.statusCode, 401, authorization.slice(0, 20))
    t.match(res.headers['www-authenticate'], /^Bearer realm="byline"/)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.equal(res.json().status, 401)
  }
  t.equal((await app.inject('/v1/articles')).statusCode, 200, 'no key: public reads are open')
})

t.test('READ_REQUIRES_KEY: reads need a key with the read scope', async (t) => {
  const db = testDb(t)
  const reader = createKey(db, 'Reader', ['read'])
  const writer = createKey(db, 'Writer', ['write'])
  const admin = createKey(db, 'Admin', ['admin'])
  const app = await buildApp({ db, readRequiresKey: true })
  t.teardown(() => app.close())
  const get = (url: string, secret?: string) =>
    app.inject({ url, headers: secret ? { authorization: `Bearer ${secret}` } : {} })

  const anonymous = await get('/v1/articles')
  t.equal(anonymous.statusCode, 401)
  t.equal(anonymous.headers['www-authenticate'], 'Bearer realm="byline"')
  t.match(anonymous.json().detail, /"read" scope/)
  t.equal((await get('/v1/articles', reader.secret)).statusCode, 200)
  t.equal((await get('/v1/articles', admin.secret)).statusCode, 200, 'admin holds every scope')
  const wrongScope = await get('/v1/articles', writer.secret)
  t.equal(wrongScope.statusCode, 403)
  t.match(wrongScope.json(), { status: 403, detail: /"Writer" does not have the "read" scope/ })
  for (const url of ['/health', '/ready', '/openapi.json', '/docs/']) t.equal((await get(url)).statusCode, 200, `${url} stays public`)
  t.equal((await get('/v1/nothing')).statusCode, 401, 'unknown routes reveal nothing either')
})

t.test('rate limits per key, and per IP without one: 429 problem with Retry-After', async (t) => {
  const db = testDb(t)
  const key = createKey(db, 'Partner', ['read'])
  const app = await buildApp({ db, rateLimitMax: 3, rateLimitWindowSeconds: 60 })
  t.teardown(() => app.close())
  const statuses: number[] = []
  let last
  for (let i = 0; i < 5; i++) {
    last = await app.inject('/v1/authors')
    statuses.push(last.statusCode)
  }
  t.same(statuses, [200, 200, 200, 429, 429])
  t.match(last!.headers['content-type'], /^application\/problem\+json/)
  t.match(last!.json(), { status: 429, title: 'Too Many Requests' })
  t.ok(Number(last!.headers['retry-after']) > 0, 'Retry-After is set')
  const withKey = await app.inject({ url: '/v1/authors', headers: { authorization: `Bearer ${key.secret}` } })
  t.equal(withKey.statusCode, 200, 'a key has its own budget')
  t.equal(withKey.headers['ratelimit-limit'], '3')
  t.equal(withKey.headers['ratelimit-remaining'], '2')
  const bad = await app.inject({ url: '/v1/authors', headers: { authorization: 'Bearer byl_guess' } })
  t.equal(bad.statusCode, 429, 'guessing keys is limited too')
  const unknown = await app.inject('/v1/nothing-here')
  t.equal(unknown.statusCode, 429, 'so is probing for routes')
  t.equal(unknown.json().status, 429)
})

t.test('keys never reach the logs; last use is recorded without a write per request', async (t) => {
  const db = testDb(t)
  const { id, secret } = createKey(db, 'Partner', ['read'])
  let logs = ''
  const stream = new Writable({
    write(chunk, _enc, done) {
      logs += chunk
      done()
    },
  })
  const app = await buildApp({ db, logger: { level: 'trace', stream, redact: ['req.headers.authorization'] } })
  await app.inject({ url: '/v1/articles', headers: { authorization: `Bearer ${secret}` } })
  await app.inject({ url: '/v1/articles', headers: { authorization: `Bearer ${secret}x` } })
  t.equal(listKeys(db)[0]?.lastUsedAt, null, 'not written per request')
  await app.close()
  t.ok(logs.length > 0)
  t.notMatch(logs, secret.slice(4, 20))
  t.match(listKeys(db).find((k) => k.id === id)?.lastUsedAt, /^\d{4}-/, 'written when the server closes')
})

t.test('npm run keys: create prints the secret once, list never, revoke by id', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'byline-keys-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const env = { ...process.env, DATABASE_PATH: join(dir, 'k.db') }
  const keys = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/keys.ts', ...args], { env, encoding: 'utf8' })
  const created = keys('create', '--name', 'Partner X', '--scopes', 'read,write')
  t.equal(created.status, 0)
  const secret = /byl_\S+/.exec(created.stdout)?.[0]
  const id = /key_[0-9a-z]{26}/.exec(created.stdout)?.[0]
  t.ok(secret && id)
  const listed = keys('list')
  t.equal(listed.status, 0)
  t.match(listed.stdout, id!)
  t.match(listed.stdout, /Partner X\tread,write\tcreated .*\tlast used never\tactive/)
  t.notMatch(listed.stdout, secret!)
  t.equal(keys('revoke', id!).status, 0)
  t.match(keys('list').stdout, /revoked \d{4}-/)
  t.equal(keys('revoke', 'key_nothing').status, 1)
  t.equal(keys('create', '--name', 'x', '--scopes', 'superuser').status, 2)
  t.equal(keys('frobnicate').status, 2)
})
