import { openPostgresStore } from './postgres.js'
import { openSqliteStore } from './sqlite.js'
import type { ResponseStore } from './store.js'

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

export { LATEST_VERSION, SchemaTooNewError, isSchemaTooNewError } from './migrations.js'
export { StoreClosedError } from './store.js'
export type {
  ResponseStore,
  StoredResponse,
  TimeRange,
  InsertResult,
  BatchInsertResult,
  ScoreCount,
  DisplayCount,
  Comment,
  CommentQuery,
  PageCursor,
  TallyKey,
  TallyRow,
  TallyFilter,
} from './store.js'
