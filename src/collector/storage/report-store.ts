import type { Statement } from 'better-sqlite3'
import { loadDriver } from './load-driver.js'
import { storeOverEngine } from './engine-store.js'
import type { StoreOptions } from './index.js'
import type { ResponseStore } from './store.js'

// A report asks six queries at once and two reports build at a time (report-admission.ts);
// four connections let them overlap without running twelve queries against collection.
export const REPORT_CONNECTIONS = 4

const readOnly = () => Promise.reject(new Error('the report thread only reads'))

/**
 * The report thread's own connection to the collector's database (report-worker.ts): SQLite
 * opened in that thread (its queries run there, synchronously, without a message to another
 * thread), or a small `pg` pool of its own. Only reads; the collector's store has already
 * brought the schema up to date before the thread starts.
 *
 * @example
 * const store = openReportStore({ dbPath: './touchpoint.db' })
 * await reportFromStore(store, range)
 */
export function openReportStore({ databaseUrl, dbPath }: StoreOptions): ResponseStore {
  const engine = databaseUrl ? postgresReader(databaseUrl) : sqliteReader(dbPath ?? './touchpoint.db')
  return storeOverEngine({
    ...engine,
    opening: Promise.resolve(),
    write: readOnly,
    together: readOnly,
  })
}

function sqliteReader(dbPath: string) {
  const Database = loadDriver('better-sqlite3')
  const db = new Database(dbPath, { fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  db.pragma('query_only = ON')
  // 16 MiB of pages: the report reads the daily counts and a few thousand comments.
  db.pragma('cache_size = -16384')
  const statements = new Map<string, Statement<unknown[]>>()
  const prepare = (sql: string) => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = db.prepare<unknown[]>(sql)
      statements.set(sql, statement)
    }
    return statement
  }
  return {
    name: 'sqlite' as const,
    select: async (query: { sql: string; params: unknown[] }) =>
      prepare(query.sql).all(...query.params) as Record<string, unknown>[],
    close: async () => void db.close(),
  }
}

function postgresReader(databaseUrl: string) {
  const { Pool } = loadDriver('pg')
  const pool = new Pool({ connectionString: databaseUrl, max: REPORT_CONNECTIONS })
  // An idle connection that the server drops must not crash the thread; the next query reconnects.
  pool.on('error', () => {})
  return {
    name: 'postgres' as const,
    select: async (query: { sql: string; params: unknown[] }) =>
      (await pool.query(query.sql, query.params)).rows as Record<string, unknown>[],
    close: () => pool.end(),
  }
}
