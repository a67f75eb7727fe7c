import Database from 'better-sqlite3'

/** Deletes answers from the SQLite file, for the retention period and the `purge` command. */
export interface Purger {
  /** Deletes every answer given (`at`) before this instant; returns how many. */
  before(time: Date): number
  /** Deletes the answers with these ids; returns how many there were. */
  ids(ids: string[]): number
  close(): void
}

/**
 * Opens its own connection to the collector's database file (WAL lets it delete while the
 * server writes), so retention needs nothing from the store but the file.
 *
 * @example
 * const purge = openPurger('./touchpoint.db')
 * purge.before(new Date('2026-01-01')) // → 42
 * purge.close()
 */
export function openPurger(dbPath: string): Purger {
  const db = new Database(dbPath, { fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  const deleteBefore = db.prepare('DELETE FROM responses WHERE at < ?')
  const deleteId = db.prepare('DELETE FROM responses WHERE id = ?')
  const deleteIds = db.transaction((ids: string[]) => ids.reduce((sum, id) => sum + deleteId.run(id).changes, 0))
  return {
    // Stored times are UTC ISO strings of one shape (db.ts), so text order is time order.
    before: (time) => deleteBefore.run(time.toISOString()).changes,
    ids: (ids) => deleteIds(ids),
    close: () => db.close(),
  }
}

const DAY_MS = 86_400_000

/**
 * Keeps only the last `days` days of answers: deletes older ones now and then every `everyMs`
 * (an hour by default) while the collector runs. Returns the function that stops it.
 *
 * @example
 * const stop = keepDays(openPurger(dbPath), 365, console.warn)
 */
export function keepDays(purger: Purger, days: number, log: (message: string) => void, everyMs = 3_600_000, now = Date.now): () => void {
  const sweep = () => {
    try {
      const deleted = purger.before(new Date(now() - days * DAY_MS))
      if (deleted) log(`retention: deleted ${deleted} answers older than ${days} days`)
    } catch (err) {
      log(`retention: could not delete old answers: ${(err as Error).message}`)
    }
  }
  sweep()
  const timer = setInterval(sweep, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
