import { loadDriver } from './load-driver.js'
import { createGroupCommit } from './group-commit.js'
import { pendingMigrations, SCHEMA_TABLE_SQL } from './migrations.js'
import { DISPLAY_COLUMNS, toDisplayCount, toDisplayRow } from './display-rows.js'
import type { WriteRequest } from './group-commit.js'
import {
  commentsQuery,
  COUNT_DISPLAYS_SQL,
  COUNT_SQL,
  displayCountsQuery,
  getQuery,
  pageQuery,
  scoreCountsQuery,
  tallyQuery,
  type Query,
} from './queries.js'
import { COLUMNS, toComment, toRow, toScoreCount, toStored, toTallyRow } from './rows.js'
import { rollupDisplayCountsQuery, rollupTallyQuery } from './rollup-queries.js'
import {
  ANSWER_ROLLUPS,
  countGroupSqlite,
  DISPLAY_COUNTS,
  purgeStatements,
  refreshFirstAt,
  type Rollup,
  type Statement,
} from './rollups.js'
import { startSqliteThread, type SqliteThread } from './sqlite-thread.js'
import { StoreClosedError, type BatchInsertResult, type ResponseStore } from './store.js'

const INSERT_SQL = `INSERT OR IGNORE INTO responses (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => '@' + c).join(', ')})`
// Only a copy identical to the stored answer but for the comment it adds (see rows.ts).
const COMPLETE_SQL =
  'UPDATE responses SET comment = @comment, raw = @raw WHERE id = @id AND comment IS NULL AND raw = @bare'
const INSERT_DISPLAY_SQL = `INSERT OR IGNORE INTO displays (${DISPLAY_COLUMNS.join(', ')}) VALUES (${DISPLAY_COLUMNS.map((c) => '@' + c).join(', ')})`
// The writer counts the rows it inserted into the daily rollups (rollups.ts), one upsert per group.
const counting = (rollups: readonly Rollup[]) =>
  rollups.map((rollup) => ({ sql: countGroupSqlite(rollup), reads: rollup.reads }))
const ANSWER_COUNTING = counting(ANSWER_ROLLUPS)
const DISPLAY_COUNTING = counting([DISPLAY_COUNTS])
// SQLite allows 32,766 parameters a statement; 500 ids a statement stays far below.
const IDS_A_STATEMENT = 500

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
  let closed = false
  const opening = (async () => {
    migrateSqlite(dbPath)
    writer = startSqliteThread(dbPath, 'writer')
    reader = startSqliteThread(dbPath, 'reader')
    checkpointer = startSqliteThread(dbPath, 'checkpointer')
  })()
  opening.catch(() => {}) // reported by ready() and by every call

  const group = createGroupCommit((requests: WriteRequest[]) =>
    writer!.call<BatchInsertResult[]>({
      op: 'write',
      insertSql: INSERT_SQL,
      completeSql: COMPLETE_SQL,
      displaySql: INSERT_DISPLAY_SQL,
      answerRollups: ANSWER_COUNTING,
      displayRollups: DISPLAY_COUNTING,
      requests,
    }),
  )
  const open = async () => {
    if (closed) throw new StoreClosedError()
    await opening
  }
  const read = async <T>(op: 'all' | 'get', query: Query) => {
    await open()
    return reader!.call<T>({ op, ...query })
  }
  // A purge and the counts it takes from the rollups, in one transaction on the writer.
  const together = async (statements: Statement[]) => {
    await open()
    return writer!.call<number>({ op: 'together', statements })
  }

  const insertBatch: ResponseStore['insertBatch'] = async ({ responses, displays }, receivedAt = new Date()) => {
    await open()
    const at = receivedAt.toISOString()
    return group.add({
      responses: responses.map((response) => toRow(response, at)),
      displays: displays.map((display) => toDisplayRow(display, at)),
    })
  }

  return {
    engine: 'sqlite',
    ready: open,
    insertBatch,
    async insert(responses, receivedAt) {
      const { stored, duplicates } = await insertBatch({ responses, displays: [] }, receivedAt)
      return { stored, duplicates }
    },
    insertDisplays: async (displays, receivedAt) =>
      (await insertBatch({ responses: [], displays }, receivedAt)).displays,
    async get(id) {
      const row = await read<Record<string, unknown> | undefined>('get', getQuery('sqlite', id))
      return row ? toStored(row) : null
    },
    page: async (range, cursor, limit) =>
      (await read<Record<string, unknown>[]>('all', pageQuery('sqlite', range, cursor, limit))).map(toStored),
    scoreCounts: async (range) =>
      (await read<Record<string, unknown>[]>('all', scoreCountsQuery('sqlite', range))).map(toScoreCount),
    comments: async (range, query) =>
      (await read<Record<string, unknown>[]>('all', commentsQuery('sqlite', range, query))).map(toComment),
    tally: async (range, by, filter) => {
      const query = rollupTallyQuery('sqlite', range, by, filter) ?? tallyQuery('sqlite', range, by, filter)
      return (await read<Record<string, unknown>[]>('all', query)).map(toTallyRow)
    },
    displayCounts: async (range) => {
      const query = rollupDisplayCountsQuery('sqlite', range) ?? displayCountsQuery('sqlite', range)
      return (await read<Record<string, unknown>[]>('all', query)).map(toDisplayCount)
    },
    count: async () => (await read<{ n: number }>('get', { sql: COUNT_SQL, params: [] })).n,
    countDisplays: async () => (await read<{ n: number }>('get', { sql: COUNT_DISPLAYS_SQL, params: [] })).n,
    purgeBefore: (time) =>
      together(purgeStatements('sqlite', 'responses', (param) => `at < ${param(time.toISOString())}`)),
    purgeDisplaysBefore: (time) =>
      together([
        ...purgeStatements('sqlite', 'displays', (param) => `at < ${param(time.toISOString())}`),
        refreshFirstAt('sqlite', time.toISOString().slice(0, 10)),
      ]),
    async purgeIds(ids) {
      let deleted = 0
      for (let start = 0; start < ids.length; start += IDS_A_STATEMENT) {
        const some = ids.slice(start, start + IDS_A_STATEMENT)
        deleted += await together(
          purgeStatements('sqlite', 'responses', (param) => `id IN (${some.map(param).join(', ')})`),
        )
      }
      return deleted
    },
    async close() {
      if (closed) return
      closed = true
      await opening.catch(() => {})
      await group.idle()
      await Promise.all([writer?.close(), reader?.close(), checkpointer?.close()])
    },
  }
}
