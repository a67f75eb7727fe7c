import { loadDriver } from './load-driver.js'
import { pendingMigrations, SCHEMA_TABLE_SQL } from './migrations.js'
import { DISPLAY_COLUMNS } from './display-rows.js'
import { storeOverEngine } from './engine-store.js'
import { COLUMNS } from './rows.js'
import { startSqliteThread, type SqliteThread } from './sqlite-thread.js'
import type { BatchInsertResult, ResponseStore } from './store.js'

const INSERT_SQL = `INSERT OR IGNORE INTO responses (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => '@' + c).join(', ')})`
// Only a copy identical to the stored answer but for the comment it adds (see rows.ts).
const COMPLETE_SQL =
  'UPDATE responses SET comment = @comment, raw = @raw WHERE id = @id AND comment IS NULL AND raw = @bare'
const INSERT_DISPLAY_SQL = `INSERT OR IGNORE INTO displays (${DISPLAY_COLUMNS.join(', ')}) VALUES (${DISPLAY_COLUMNS.map((c) => '@' + c).join(', ')})`

/**
 * Brings the file's schema up to date, on the main thread before any request is served.
 * WAL lets the report read while answers are written, and is a property of the file.
 */
export function migrateSqlite(dbPath: string): void {
  const Database = loadDriver('better-sqlite3')
  const db = new Database(dbPath)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('busy_timeout = 5000')
    db.exec(SCHEMA_TABLE_SQL)
    db.exec('BEGIN IMMEDIATE')
    try {
      const current = db.prepare('SELECT COALESCE(MAX(version), 0) FROM touchpoint_schema').pluck().get() as number
      const record = db.prepare('INSERT INTO touchpoint_schema (version, description, applied_at) VALUES (?, ?, ?)')
      for (const step of pendingMigrations(current)) {
        db.exec(step.sqlite)
        record.run(step.version, step.description, new Date().toISOString())
      }
      db.exec('COMMIT')
    } catch (err) {
      db.exec('ROLLBACK')
      throw err
    }
  } finally {
    db.close()
  }
}

/**
 * The SQLite engine: one file, a writer thread that commits groups of requests, a reader
 * thread for the report, and a checkpointer thread that copies the WAL into the file beside
 * the writer, so the event loop only parses and answers.
 *
 * @example
 * const store = openSqliteStore('./touchpoint.db')
 * await store.insert(batch.responses) // → { stored: 1, duplicates: 0 }, on disk
 */
export function openSqliteStore(dbPath: string): ResponseStore {
  let writer: SqliteThread | undefined
  let reader: SqliteThread | undefined
  let checkpointer: SqliteThread | undefined
  const opening = (async () => {
    migrateSqlite(dbPath)
    writer = startSqliteThread(dbPath, 'writer')
    reader = startSqliteThread(dbPath, 'reader')
    checkpointer = startSqliteThread(dbPath, 'checkpointer')
  })()

  return storeOverEngine({
    name: 'sqlite',
    opening,
    write: (requests) =>
      writer!.call<BatchInsertResult[]>({
        op: 'write',
        insertSql: INSERT_SQL,
        completeSql: COMPLETE_SQL,
        displaySql: INSERT_DISPLAY_SQL,
        requests,
      }),
    select: (query) => reader!.call<Record<string, unknown>[]>({ op: 'all', ...query }),
    remove: (query) => writer!.call<number>({ op: 'run', ...query }),
    // SQLite allows 32,766 parameters a statement; 500 ids a statement stays far below.
    maxIdsPerDelete: 500,
    async close() {
      await Promise.all([writer?.close(), reader?.close(), checkpointer?.close()])
    },
  })
}
