import type BetterSqlite3 from 'better-sqlite3'
import type Pg from 'pg'
import { loadPeer } from '../peer-dependencies.js'

interface Drivers {
  'better-sqlite3': typeof BetterSqlite3
  pg: typeof Pg
}

/**
 * Loads a database driver when its engine is chosen: both are optional peer dependencies, and
 * a collector on PostgreSQL must not need SQLite's native module (nor the reverse). A missing
 * one throws a `MissingDependencyError` with the `npm install` command.
 *
 * @example
 * const Database = loadDriver('better-sqlite3')
 */
export function loadDriver<Name extends keyof Drivers>(name: Name): Drivers[Name] {
  return loadPeer<Drivers[Name]>(name)
}
