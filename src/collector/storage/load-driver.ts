import { createRequire } from 'node:module'
import type BetterSqlite3 from 'better-sqlite3'
import type Pg from 'pg'

const require = createRequire(import.meta.url)

interface Drivers {
  'better-sqlite3': typeof BetterSqlite3
  pg: typeof Pg
}

/**
 * Loads a database driver when its engine is chosen: both are optional dependencies, and a
 * collector on PostgreSQL must not need SQLite's native module (nor the reverse).
 *
 * @example
 * const Database = loadDriver('better-sqlite3')
 */
export function loadDriver<Name extends keyof Drivers>(name: Name): Drivers[Name] {
  try {
    return require(name) as Drivers[Name]
  } catch (err) {
    throw new Error(`the ${name} package is needed for this database and could not be loaded (npm install ${name}): ${(err as Error).message}`)
  }
}
