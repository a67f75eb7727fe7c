import type { TallyKey } from './store.js'
import { builder, type Query } from './queries.js'

type Engine = 'sqlite' | 'postgres'

/**
 * Daily counts kept in step with the rows they count (schema step 5): every write that adds
 * or deletes rows adds to or takes from them in the same transaction, so the report reads a
 * few thousand counts instead of every answer. Each key column is computed from a source row
 * by the same SQL everywhere: on insert, on delete and when the migration fills the table.
 */
export interface Rollup {
  table: 'answer_counts' | 'segment_counts' | 'display_counts'
  source: 'responses' | 'displays'
  /** The key: each column with the SQL that computes it from a source row. The UTC day comes first. */
  keys: readonly (readonly [column: string, expression: string])[]
  /**
   * The source fields the key expressions read. SQLite's writer groups new rows by them in
   * JavaScript (`at` by its day, `display` by whether there is one) and upserts once per group.
   */
  reads: readonly string[]
  /** Which tally keys it serves, and the SQL that reads each back (with `day`, the week too: queries.ts `keySql`). */
  serves: Partial<Record<TallyKey, string>>
  /** Also the earliest `at` of each group: display counts come in the order groups first appeared. */
  firstAt?: boolean
}

// Stored times are one UTC shape (rows.ts): the first ten characters are the UTC day.
const DAY = ['day', 'substr(at, 1, 10)'] as const
const same = (...columns: string[]) => columns.map((column) => [column, column] as const)

/** Answers per day, touchpoint, stage, survey, kind, score, and whether they name their display. */
export const ANSWER_COUNTS: Rollup = {
  table: 'answer_counts',
  source: 'responses',
  keys: [
    DAY,
    ...same('touchpoint', 'stage', 'survey', 'kind', 'score'),
    ['displayed', 'CASE WHEN display IS NULL THEN 0 ELSE 1 END'],
  ],
  reads: ['at', 'touchpoint', 'stage', 'survey', 'kind', 'score', 'display'],
  serves: { day: 'day', touchpoint: 'touchpoint', stage: 'stage', survey: 'survey', kind: 'kind', score: 'score' },
}

/** Answers per day, stage, kind, score, device, visitor and language: the report's segments. */
export const SEGMENT_COUNTS: Rollup = {
  table: 'segment_counts',
  source: 'responses',
  // A key column cannot be NULL: '' stands for "not sent" (the wire format allows no empty value).
  keys: [
    DAY,
    ...same('stage', 'kind', 'score'),
    ['device', "COALESCE(device, '')"],
    ['visitor', "COALESCE(visitor, '')"],
    ['language', 'lower(substr(locale, 1, 2))'],
  ],
  reads: ['at', 'stage', 'kind', 'score', 'device', 'visitor', 'locale'],
  serves: {
    day: 'day',
    stage: 'stage',
    kind: 'kind',
    score: 'score',
    device: "NULLIF(device, '')",
    visitor: "NULLIF(visitor, '')",
    language: 'language',
  },
}

/** Displays per day, touchpoint, stage, survey, kind and event (shown, dismissed). */
export const DISPLAY_COUNTS: Rollup = {
  table: 'display_counts',
  source: 'displays',
  keys: [DAY, ...same('touchpoint', 'stage', 'survey', 'kind', 'event')],
  reads: ['at', 'touchpoint', 'stage', 'survey', 'kind', 'event'],
  serves: {},
  firstAt: true,
}

export const ANSWER_ROLLUPS = [ANSWER_COUNTS, SEGMENT_COUNTS] as const

const keyColumns = (rollup: Rollup) => rollup.keys.map(([column]) => column).join(', ')
const columnsOf = (rollup: Rollup) => `${keyColumns(rollup)}, n${rollup.firstAt ? ', first_at' : ''}`

function onConflict(engine: Engine, rollup: Rollup): string {
  const { table } = rollup
  const updates =
    engine === 'sqlite'
      ? ['n = n + excluded.n', ...(rollup.firstAt ? ['first_at = min(first_at, excluded.first_at)'] : [])]
      : [
          `n = ${table}.n + excluded.n`,
          ...(rollup.firstAt ? [`first_at = LEAST(${table}.first_at, excluded.first_at)`] : []),
        ]
  return `ON CONFLICT (${keyColumns(rollup)}) DO UPDATE SET ${updates.join(', ')}`
}

/**
 * Adds (`sign` 1) or takes away (-1) the rows of `rows` (a table with its WHERE clause, or
 * a CTE of inserted or deleted rows): one upsert per key. Keys are written in order, so
 * transactions that count into the same rows lock them in the same order (no deadlock).
 * Taking away leaves `first_at` as it is: deleted rows were never earlier than it.
 */
export function countRows(engine: Engine, rollup: Rollup, rows: string, sign: 1 | -1): string {
  const positions = rollup.keys.map((_, index) => index + 1).join(', ')
  const values = [...rollup.keys.map(([, expression]) => expression), sign < 0 ? '-COUNT(*)' : 'COUNT(*)']
  if (rollup.firstAt) values.push('MIN(at)')
  return `INSERT INTO ${rollup.table} (${columnsOf(rollup)}) SELECT ${values.join(', ')} FROM ${rows}
    GROUP BY ${positions} ORDER BY ${positions} ${onConflict(engine, rollup)}`
}

/**
 * SQLite's writer: adds `@n` rows of one group, given by one of them (`@at` the group's
 * earliest), to the rollup. The key is computed by the same expressions as everywhere else.
 */
export function countGroupSqlite(rollup: Rollup): string {
  const values = [...rollup.keys.map(([, expression]) => expression), '@n', ...(rollup.firstAt ? ['at'] : [])]
  const row = rollup.reads.map((field) => `@${field} AS ${field}`).join(', ')
  return `INSERT INTO ${rollup.table} (${columnsOf(rollup)}) SELECT ${values.join(', ')} FROM (SELECT ${row})
    WHERE true ${onConflict('sqlite', rollup)}`
}

/**
 * PostgreSQL: one statement that inserts (`insert`, ending in ON CONFLICT DO NOTHING) and
 * counts exactly the rows it inserted into each rollup; returns the ids inserted.
 */
export function insertCountingPostgres(insert: string, rollups: readonly Rollup[]): string {
  const returned = [...new Set(['id', ...rollups.flatMap((rollup) => rollup.reads)])].join(', ')
  const counted = rollups.map(
    (rollup, index) => `counted_${index} AS (${countRows('postgres', rollup, 'inserted', 1)})`,
  )
  return `WITH inserted AS (${insert} RETURNING ${returned}), ${counted.join(', ')} SELECT id FROM inserted`
}

/** A statement of a purge; the one marked `counts` says how many rows it deleted. */
export interface Statement extends Query {
  counts?: boolean
}

/**
 * The statements of a purge, run in one transaction: the rows that `condition` selects are
 * taken from every rollup of their table, then deleted; counts that reach 0 go. SQLite counts
 * them before the delete (the transaction holds the write lock throughout); PostgreSQL in the
 * same statement as the delete, so a row inserted meanwhile can never be counted out unseen.
 */
export function purgeStatements(
  engine: Engine,
  source: Rollup['source'],
  condition: (param: (value: unknown) => string) => string,
): Statement[] {
  const rollups = source === 'responses' ? ANSWER_ROLLUPS : [DISPLAY_COUNTS]
  const zeros = rollups.map((rollup) => ({ sql: `DELETE FROM ${rollup.table} WHERE n = 0`, params: [] }))
  const statement = (write: (param: (value: unknown) => string) => string): Statement => {
    const { params, param } = builder(engine)
    return { sql: write(param), params }
  }
  if (engine === 'sqlite') {
    const counts = rollups.map((rollup) =>
      statement((param) => countRows('sqlite', rollup, `${source} WHERE ${condition(param)}`, -1)),
    )
    const remove = statement((param) => `DELETE FROM ${source} WHERE ${condition(param)}`)
    return [...counts, ...zeros, { ...remove, counts: true }]
  }
  const returned = [...new Set(rollups.flatMap((rollup) => rollup.reads))].join(', ')
  const counted = rollups.map((rollup, index) => `counted_${index} AS (${countRows('postgres', rollup, 'gone', -1)})`)
  const remove = statement(
    (param) => `WITH gone AS (DELETE FROM ${source} WHERE ${condition(param)} RETURNING ${returned}),
      ${counted.join(', ')} SELECT COUNT(*) AS n FROM gone`,
  )
  return [{ ...remove, counts: true }, ...zeros]
}

/**
 * After displays before an instant are purged, the earliest display of each group on that
 * instant's day may be gone: its `first_at` is read again from the rows left (an index seek
 * per group on `displays_tally`).
 */
export function refreshFirstAt(engine: Engine, day: string): Statement {
  const { params, param } = builder(engine)
  const same = ['touchpoint', 'stage', 'survey', 'kind', 'event'].map(
    (column) => `displays.${column} = display_counts.${column}`,
  )
  const earliest = `SELECT MIN(at) FROM displays WHERE ${same.join(' AND ')} AND displays.at >= ${param(day)}
    AND displays.at < ${param(nextDay(day))}`
  return { sql: `UPDATE display_counts SET first_at = (${earliest}) WHERE day = ${param(day)}`, params }
}

/** The first text after every time that starts with `day`: its last character one higher. */
export const nextDay = (day: string) => day.slice(0, 9) + String.fromCharCode(day.charCodeAt(9) + 1)
