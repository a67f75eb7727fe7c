import { existsSync } from 'node:fs'
import type { Database as SqliteDatabase } from 'better-sqlite3'
import { loadDriver } from './load-driver.js'
import { DISPLAY_COLUMNS, type DisplayRow } from './display-rows.js'
import { migratePostgres, writeGroup } from './postgres.js'
import { COLUMNS, type Row } from './rows.js'

export interface CopyResult {
  /** Answers read from the SQLite file. */
  read: number
  /** Answers the PostgreSQL database did not hold yet. */
  copied: number
  /** Displays (surveys shown and dismissed) read from the SQLite file. */
  displaysRead: number
  /** Displays the PostgreSQL database did not hold yet. */
  displaysCopied: number
}

/**
 * Copies every answer and display of a SQLite collector database into PostgreSQL, as stored
 * (receipt time and the whole wire object included), a page at a time in id order, each page
 * its own transaction. Idempotent and resumable: an id the target holds is left as it is, so
 * after an interruption (or while collectors already write to PostgreSQL) running it again
 * copies only what is missing. The SQLite file is only read, and may be at an older schema
 * step (columns and tables it lacks copy as empty).
 *
 * @example
 * await copySqliteToPostgres({ from: './touchpoint.db', to: process.env.DATABASE_URL! })
 * // → { read: 200000, copied: 200000, displaysRead: 900000, displaysCopied: 900000 }
 */
export async function copySqliteToPostgres({
  from,
  to,
  pageSize = 5000,
  log = () => {},
}: {
  from: string
  to: string
  pageSize?: number
  log?: (message: string) => void
}): Promise<CopyResult> {
  if (!existsSync(from)) throw new Error(`no SQLite database at ${from}`)
  const Database = loadDriver('better-sqlite3')
  const source = new Database(from, { readonly: true, fileMustExist: true })
  const pool = new (loadDriver('pg').Pool)({ connectionString: to, max: 2 })
  pool.on('error', () => {})
  const result: CopyResult = { read: 0, copied: 0, displaysRead: 0, displaysCopied: 0 }
  try {
    await migratePostgres(pool)
    const answerPages = pagesOf(source, 'responses', COLUMNS, pageSize)
    for (let rows = answerPages.next(''); rows.length; rows = answerPages.next(rows[rows.length - 1].id as string)) {
      const responses = (rows as Omit<Row, 'bare'>[]).map((row) => ({ ...row, bare: bareOf(row.raw) }))
      const [{ stored }] = await writeGroup(pool, [{ responses, displays: [] }])
      result.read += rows.length
      result.copied += stored
      log(`${result.read} of ${answerPages.total} answers read, ${result.copied} copied`)
    }
    const displayPages = pagesOf(source, 'displays', DISPLAY_COLUMNS, pageSize)
    for (let rows = displayPages.next(''); rows.length; rows = displayPages.next(rows[rows.length - 1].id as string)) {
      const [{ displays }] = await writeGroup(pool, [{ responses: [], displays: rows as DisplayRow[] }])
      result.displaysRead += rows.length
      result.displaysCopied += displays.stored
      log(`${result.displaysRead} of ${displayPages.total} displays read, ${result.displaysCopied} copied`)
    }
    return result
  } finally {
    source.close()
    await pool.end()
  }
}

/** Pages of a table in id order; a column (or the whole table) the file does not have yet reads as NULL (or as no rows). */
function pagesOf(source: SqliteDatabase, table: string, columns: readonly string[], pageSize: number) {
  const present = new Set(
    (source.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((column) => column.name),
  )
  if (!present.size) return { total: 0, next: () => [] as Record<string, unknown>[] }
  const selected = columns.map((column) => (present.has(column) ? column : `NULL AS ${column}`)).join(', ')
  const page = source.prepare(`SELECT ${selected} FROM ${table} WHERE id > ? ORDER BY id LIMIT ?`)
  return {
    total: source.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number,
    next: (afterId: string) => page.all(afterId, pageSize) as Record<string, unknown>[],
  }
}

// What the stored raw would be without its comment, so a copy can complete a comment-less answer.
function bareOf(raw: string): string {
  try {
    return JSON.stringify({ ...JSON.parse(raw), comment: null })
  } catch {
    return raw
  }
}
