import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import * as schema from './schema.js'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

/** Opens (creating if needed) the database file with the pragmas every connection needs. */
export function openDb(file: string): Db {
  const inMemory = file === ':memory:' || file.startsWith('file::memory:')
  if (!inMemory) mkdirSync(dirname(file), { recursive: true })
  const sqlite = new Database(file)
  if (!inMemory) sqlite.pragma('journal_mode = WAL')
  // FULL: an acknowledged write survives power loss, not only a process crash.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  return drizzle({ client: sqlite, schema })
}
