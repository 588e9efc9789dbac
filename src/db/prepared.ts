import type { Db } from './client.js'

/**
 * A statement built and prepared once per database, then reused: drizzle otherwise builds
 * the SQL and SQLite compiles it again on every call, which costs more than the query.
 */
export function preparedFor<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>()
  return (db) => {
    let statement = cache.get(db)
    if (statement === undefined) {
      statement = build(db)
      cache.set(db, statement)
    }
    return statement
  }
}
