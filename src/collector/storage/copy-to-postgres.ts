import { existsSync } from 'node:fs'
import { loadDriver } from './load-driver.js'
import { migratePostgres, writeGroup } from './postgres.js'
import { COLUMNS, type Row } from './rows.js'

export interface CopyResult {
  /** Answers read from the SQLite file. */
  read: number
  /** Answers the PostgreSQL database did not hold yet. */
  copied: number
}

/**
 * Copies every answer of a SQLite collector database into PostgreSQL, as stored (receipt
 * time and the whole wire object included), a page at a time in id order, each page its own
 * transaction. Idempotent and resumable: an id the target holds is left as it is, so after an
 * interruption (or while collectors already write to PostgreSQL) running it again copies only
 * what is missing. The SQLite file is only read.
 *
 * @example
 * await copySqliteToPostgres({ from: './touchpoint.db', to: process.env.DATABASE_URL! })
 * // → { read: 200000, copied: 200000 }
 */
export async function copySqliteToPostgres({ from, to, pageSize = 5000, log = () => {} }: {
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
  const result: CopyResult = { read: 0, copied: 0 }
  try {
    await migratePostgres(pool)
    const total = source.prepare('SELECT COUNT(*) FROM responses').pluck().get() as number
    const pageAfter = source.prepare(`SELECT ${COLUMNS.join(', ')} FROM responses WHERE id > ? ORDER BY id LIMIT ?`)
    let lastId = ''
    for (;;) {
      const rows = (pageAfter.all(lastId, pageSize) as Omit<Row, 'bare'>[]).map((row) => ({ ...row, bare: bareOf(row.raw) }))
      if (!rows.length) break
      const [{ stored }] = await writeGroup(pool, [rows])
      result.read += rows.length
      result.copied += stored
      lastId = rows[rows.length - 1].id
      log(`${result.read} of ${total} answers read, ${result.copied} copied`)
    }
    return result
  } finally {
    source.close()
    await pool.end()
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
