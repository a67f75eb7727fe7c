import { openPostgresStore } from './postgres'
import { openSqliteStore } from './sqlite'
import type { ResponseStore } from './store'

export interface StoreOptions {
  /** `postgres://…`: PostgreSQL. Without it, SQLite at `dbPath`. */
  databaseUrl?: string
  /** SQLite file; created when missing. */
  dbPath?: string
}

/**
 * Opens the answer store: PostgreSQL when `databaseUrl` is given, else the SQLite file at
 * `dbPath` (default `./touchpoint.db`). Returns at once; `ready()` says when (and whether)
 * the schema is current, and every call waits for it.
 *
 * @example
 * const store = openStore({ databaseUrl: process.env.DATABASE_URL, dbPath: './touchpoint.db' })
 * await store.ready()
 */
export function openStore(options: StoreOptions | string): ResponseStore {
  const { databaseUrl, dbPath } = typeof options === 'string' ? { dbPath: options, databaseUrl: undefined } : options
  if (databaseUrl) return openPostgresStore(databaseUrl)
  return openSqliteStore(dbPath ?? './touchpoint.db')
}

export { LATEST_VERSION, SchemaTooNewError, isSchemaTooNewError } from './migrations'
export { StoreClosedError } from './store'
export type { ResponseStore, StoredResponse, TimeRange, InsertResult, ScoreCount, Comment, CommentQuery, PageCursor } from './store'
