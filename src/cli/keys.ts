// Manages API keys in the database at DATABASE_PATH.
// Usage: npm run keys -- create --name "Partner X" --scopes read,write
//        npm run keys -- list
//        npm run keys -- revoke KEY_ID
// Exit status: 0 done, 1 no such key, 2 usage error.
import { parseArgs } from 'node:util'
import { createKey, listKeys, revokeKey } from '../core/keys.js'
import { ConfigError, loadConfig } from '../config.js'
import { openDb } from '../db/client.js'
import { migrateDb } from '../db/migrate.js'
import { KEY_SCOPES, type KeyScope } from '../db/schema.js'

const USAGE = `usage: npm run keys -- create --name NAME --scopes ${KEY_SCOPES.join(',')} | list | revoke KEY_ID`

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`)
  process.exit(code)
}

let parsed
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, scopes: { type: 'string' } },
  })
} catch (err) {
  fail(`${(err as Error).message}\n${USAGE}`, 2)
}
const [command, ...rest] = parsed.positionals
let config
try {
  config = loadConfig()
} catch (err) {
  if (err instanceof ConfigError) fail(err.message, 2)
  throw err
}
const db = openDb(config.databasePath)
migrateDb(db)

if (command === 'create' && rest.length === 0) {
  const name = parsed.values.name?.trim()
  const scopes = (parsed.values.scopes ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  if (!name || name.length > 200) fail(`--name is required (at most 200 characters)\n${USAGE}`, 2)
  const unknown = scopes.filter((s) => !(KEY_SCOPES as readonly string[]).includes(s))
  if (scopes.length === 0 || unknown.length > 0) fail(`--scopes takes one or more of ${KEY_SCOPES.join(', ')}\n${USAGE}`, 2)
  const { id, secret } = createKey(db, name, [...new Set(scopes)] as KeyScope[])
  process.stdout.write(`created ${id} (${name}; ${scopes.join(', ')})\n${secret}\nThis secret is shown once: store it now.\n`)
} else if (command === 'list' && rest.length === 0) {
  for (const k of listKeys(db)) {
    const state = k.revokedAt ? `revoked ${k.revokedAt}` : 'active'
    process.stdout.write(`${k.id}\t${k.name}\t${k.scopes.join(',')}\tcreated ${k.createdAt}\tlast used ${k.lastUsedAt ?? 'never'}\t${state}\n`)
  }
} else if (command === 'revoke' && rest.length === 1) {
  if (!revokeKey(db, rest[0]!)) fail(`no key ${rest[0]}`, 1)
  process.stdout.write(`revoked ${rest[0]}\n`)
} else {
  fail(USAGE, 2)
}
db.$client.close()
