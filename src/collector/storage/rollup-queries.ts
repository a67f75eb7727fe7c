import { builder, keySql, TALLY_EXPRESSIONS, where, type Query } from './queries.js'
import { ANSWER_COUNTS, DISPLAY_COUNTS, nextDay, SEGMENT_COUNTS, type Rollup } from './rollups.js'
import type { TallyFilter, TallyKey, TimeRange } from './store.js'

type Engine = 'sqlite' | 'postgres'
type Param = (value: unknown) => string

/** A condition on a text column: `at`, or a rollup's `day`. */
interface Bound {
  op: '>=' | '>' | '<' | '<='
  value: string
}

/** Rows to add (1) or take away (-1): those with `at` inside the bounds. */
interface RowPiece {
  sign: 1 | -1
  bounds: Bound[]
}

/**
 * A time range as whole days of a rollup plus (or minus) the rows of its first and last day
 * that the days get wrong, so the sum equals the rows inside the range exactly.
 */
interface Split {
  /** Which rollup days to read; none when the range lies within one day. */
  days: Bound[] | null
  rows: RowPiece[]
  /** The first day is taken whole and its rows before `from` taken away: its `first_at` must be read again. */
  trimmedFirstDay: { day: string; from: string } | null
}

// Only a bound that starts with ten plain characters (a date, as every ISO time does) has a day.
const dayOf = (time: string) => (/^[\x20-\x7e]{10}/.test(time) ? time.slice(0, 10) : null)

/**
 * Cuts `range` at whole UTC days. Every stored time that starts with a day lies between that
 * day and `nextDay(day)` as text, whatever its shape, so the pieces never overlap or miss a
 * row. An edge day is taken whole minus its rows outside the range when the bound is nearer
 * the day's outer end, else its rows inside the range are added: at most half a day of rows
 * per edge is read, none for a range of whole days. Null: a bound without a day (rows only).
 */
export function splitRange(range: TimeRange): Split | null {
  const from = range.from || null
  const to = range.to || null
  const fromDay = from === null ? null : dayOf(from)
  const toDay = to === null ? null : dayOf(to)
  if ((from !== null && fromDay === null) || (to !== null && toDay === null)) return null
  const split: Split = { days: [], rows: [], trimmedFirstDay: null }
  if (from !== null && to !== null && fromDay! >= toDay!) {
    return {
      ...split,
      days: null,
      rows: [
        {
          sign: 1,
          bounds: [
            { op: '>=', value: from },
            { op: '<=', value: to },
          ],
        },
      ],
    }
  }
  if (from !== null && fromDay !== null) {
    if (from < `${fromDay}T12`) {
      split.days!.push({ op: '>=', value: fromDay })
      split.rows.push({
        sign: -1,
        bounds: [
          { op: '>=', value: fromDay },
          { op: '<', value: from },
        ],
      })
      split.trimmedFirstDay = { day: fromDay, from }
    } else {
      split.days!.push({ op: '>=', value: nextDay(fromDay) })
      split.rows.push({
        sign: 1,
        bounds: [
          { op: '>=', value: from },
          { op: '<', value: nextDay(fromDay) },
        ],
      })
    }
  }
  if (to !== null && toDay !== null) {
    if (to >= `${toDay}T12`) {
      split.days!.push({ op: '<', value: nextDay(toDay) })
      split.rows.push({
        sign: -1,
        bounds: [
          { op: '>', value: to },
          { op: '<', value: nextDay(toDay) },
        ],
      })
    } else {
      split.days!.push({ op: '<', value: toDay })
      split.rows.push({
        sign: 1,
        bounds: [
          { op: '>=', value: toDay },
          { op: '<=', value: to },
        ],
      })
    }
  }
  return split
}

const conditions = (column: string, bounds: Bound[], param: Param) =>
  bounds.map(({ op, value }) => `${column} ${op} ${param(value)}`)

// Which rollup counts these keys; none for other groupings (then the rows are counted).
function rollupFor(engine: Engine, by: readonly TallyKey[], filter: TallyFilter): Rollup | null {
  const serves = (rollup: Rollup) => by.every((key) => keySql(engine, rollup.serves, key) !== undefined)
  if (serves(ANSWER_COUNTS)) return ANSWER_COUNTS
  return !filter.displayed && serves(SEGMENT_COUNTS) ? SEGMENT_COUNTS : null
}

/**
 * `tallyQuery` from the daily counts: the same groups, counts and order as the GROUP BY
 * over the rows. Null when no rollup serves the keys or the range has no days.
 */
export function rollupTallyQuery(
  engine: Engine,
  range: TimeRange,
  by: readonly TallyKey[],
  filter: TallyFilter = {},
): Query | null {
  const rollup = rollupFor(engine, by, filter)
  const split = splitRange(range)
  if (!rollup || !split) return null
  const { params, param } = builder(engine)
  const select = (expressions: Partial<Record<TallyKey, string>>, n: string) =>
    [...by.map((key) => `${keySql(engine, expressions, key)} AS ${key}`), `${n} AS n`].join(', ')
  const pieces: string[] = []
  if (split.days) {
    const days = conditions('day', split.days, param)
    if (filter.displayed) days.push('displayed = 1')
    pieces.push(`SELECT ${select(rollup.serves, 'n')} FROM ${rollup.table} ${where(days)}`)
  }
  // The time index finds an edge's rows; each is one table lookup.
  const rows = engine === 'sqlite' ? 'responses INDEXED BY responses_at' : 'responses'
  for (const { sign, bounds } of split.rows) {
    const times = conditions('at', bounds, param)
    if (filter.displayed) times.push('display IS NOT NULL')
    pieces.push(`SELECT ${select(TALLY_EXPRESSIONS, String(sign))} FROM ${rows} ${where(times)}`)
  }
  const groups = by.map((_, index) => index + 1).join(', ')
  const sql = by.length
    ? `SELECT ${by.join(', ')}, SUM(n) AS n FROM (${pieces.join(' UNION ALL ')}) AS pieces
      GROUP BY ${groups} HAVING SUM(n) > 0 ORDER BY ${groups}`
    : `SELECT COALESCE(SUM(n), 0) AS n FROM (${pieces.join(' UNION ALL ')}) AS pieces`
  return { sql, params }
}

const DISPLAY_KEYS = ['touchpoint', 'stage', 'survey', 'kind', 'event']

/** `displayCountsQuery` from the daily counts: the same groups, counts and order (by `first_at`). */
export function rollupDisplayCountsQuery(engine: Engine, range: TimeRange): Query | null {
  const split = splitRange(range)
  if (!split) return null
  const { params, param } = builder(engine)
  const keys = DISPLAY_KEYS.join(', ')
  const pieces: string[] = []
  if (split.days) {
    let firstAt = 'first_at'
    const trimmed = split.trimmedFirstDay
    if (trimmed) {
      // The trimmed day's earliest display inside the range: an index seek per group.
      const same = DISPLAY_KEYS.map((key) => `displays.${key} = counted.${key}`).join(' AND ')
      firstAt = `CASE WHEN day = ${param(trimmed.day)} THEN (SELECT MIN(at) FROM displays WHERE ${same}
        AND displays.at >= ${param(trimmed.from)} AND displays.at < ${param(nextDay(trimmed.day))}) ELSE first_at END`
    }
    const days = conditions('day', split.days, param)
    pieces.push(`SELECT ${keys}, n, ${firstAt} AS first_at FROM ${DISPLAY_COUNTS.table} AS counted ${where(days)}`)
  }
  const rows = engine === 'sqlite' ? 'displays INDEXED BY displays_at' : 'displays'
  for (const { sign, bounds } of split.rows) {
    const times = conditions('at', bounds, param)
    pieces.push(`SELECT ${keys}, ${sign} AS n, ${sign > 0 ? 'at' : 'NULL'} AS first_at FROM ${rows} ${where(times)}`)
  }
  const sql = `SELECT ${keys}, SUM(n) AS n, MIN(first_at) AS first_at FROM (${pieces.join(' UNION ALL ')}) AS pieces
    GROUP BY 1, 2, 3, 4, 5 HAVING SUM(n) > 0 ORDER BY 7, 1, 2, 3, 4, 5`
  return { sql, params }
}
