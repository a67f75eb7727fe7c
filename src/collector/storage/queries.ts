import type { CommentQuery, PageCursor, TallyFilter, TallyKey, TimeRange } from './store.js'

/** One query for either engine: its text and its parameters in order. */
export interface Query {
  sql: string
  params: unknown[]
}

type Engine = 'sqlite' | 'postgres'

/** Collects parameters and writes each engine's placeholder (`?` or `$1`). */
export function builder(engine: Engine) {
  const params: unknown[] = []
  const param = (value: unknown) => {
    params.push(value)
    return engine === 'sqlite' ? '?' : `$${params.length}`
  }
  return { params, param }
}

function rangeConditions(range: TimeRange, param: (value: unknown) => string): string[] {
  const conditions: string[] = []
  if (range.from) conditions.push(`at >= ${param(range.from)}`)
  if (range.to) conditions.push(`at <= ${param(range.to)}`)
  return conditions
}

export const where = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '')

// Blank means only whitespace; both engines trim the same characters (JS trims a few more
// exotic ones, which the caller filters after).
const NOT_BLANK: Record<Engine, string> = {
  sqlite: "trim(comment, ' ' || char(9, 10, 11, 12, 13)) <> ''",
  postgres: "btrim(comment, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)) <> ''",
}

// Scores of different kinds compare on one 0–1 scale: NPS 0–10, CES 1–7, the rest 1–5.
const SCALED = "CASE kind WHEN 'nps' THEN score / 10.0 WHEN 'ces' THEN (score - 1) / 6.0 ELSE (score - 1) / 4.0 END"

export const SELECTED =
  'id, survey, kind, score, comment, emotion, stage, touchpoint, url, locale, at, received_at, display, device, visitor'

/**
 * Answer counts per touchpoint, stage, kind and score: all the report's figures follow from
 * these. Grouped in the order of the `responses_tally` index so that the database reads the
 * index alone. `first_at` orders the groups as the answers arrived in time.
 */
export function scoreCountsQuery(engine: Engine, range: TimeRange): Query {
  const { params, param } = builder(engine)
  // SQLite without statistics would take the time index for a date range and then visit the
  // table once per answer; the covering index costs at most one pass, whatever the range.
  const source = engine === 'sqlite' ? 'responses INDEXED BY responses_tally' : 'responses'
  const sql = `SELECT touchpoint, stage, kind, score, COUNT(*) AS n, MIN(at) AS first_at FROM ${source}
    ${where(rangeConditions(range, param))}
    GROUP BY touchpoint, stage, kind, score ORDER BY first_at, touchpoint, stage, kind, score`
  return { sql, params }
}

/**
 * Display counts per touchpoint, stage, survey, kind and event: shown and dismissed, for the
 * report's response rates. Grouped in the order of the `displays_tally` index, which holds
 * every column read, as `scoreCountsQuery` does with answers.
 */
export function displayCountsQuery(engine: Engine, range: TimeRange): Query {
  const { params, param } = builder(engine)
  const source = engine === 'sqlite' ? 'displays INDEXED BY displays_tally' : 'displays'
  const sql = `SELECT touchpoint, stage, survey, kind, event, COUNT(*) AS n, MIN(at) AS first_at FROM ${source}
    ${where(rangeConditions(range, param))}
    GROUP BY touchpoint, stage, survey, kind, event ORDER BY first_at, touchpoint, stage, survey, kind, event`
  return { sql, params }
}

export function commentsQuery(engine: Engine, range: TimeRange, query: CommentQuery): Query {
  const { params, param } = builder(engine)
  const conditions = ['comment IS NOT NULL', NOT_BLANK[engine], ...rangeConditions(range, param)]
  if (query.touchpoint) conditions.push(`touchpoint = ${param(query.touchpoint)}`)
  // Ties keep the old in-memory order: oldest first by (at, id) before a stable sort.
  const order = query.order === 'lowest' ? `${SCALED}, at DESC, id` : 'at DESC, id'
  const sql = `SELECT id, at, stage, touchpoint, kind, score, emotion, comment, locale FROM responses
    ${where(conditions)} ORDER BY ${order} LIMIT ${param(query.limit)}`
  return { sql, params }
}

/** One page of answers in (at, id) order, after the cursor: how the CSV streams. */
export function pageQuery(engine: Engine, range: TimeRange, cursor: PageCursor | null, limit: number): Query {
  const { params, param } = builder(engine)
  const conditions = rangeConditions(range, param)
  if (cursor) conditions.push(`(at > ${param(cursor.at)} OR (at = ${param(cursor.at)} AND id > ${param(cursor.id)}))`)
  const sql = `SELECT ${SELECTED} FROM responses ${where(conditions)} ORDER BY at, id LIMIT ${param(limit)}`
  return { sql, params }
}

export const getQuery = (engine: Engine, id: string): Query => {
  const { params, param } = builder(engine)
  return { sql: `SELECT ${SELECTED} FROM responses WHERE id = ${param(id)}`, params }
}

// Every stored answer is counted once in the daily counts (rollups.ts), in the same
// transaction that stores it: their sum is the number of answers, read from tens of thousands
// of rows instead of every answer (COUNT(*) over 1,000,000 answers took 1.5–3 s on PostgreSQL,
// on every health check).
export const COUNT_SQL = 'SELECT COALESCE(SUM(n), 0) AS n FROM answer_counts'
export const COUNT_DISPLAYS_SQL = 'SELECT COUNT(*) AS n FROM displays'

/** What a report tally may group by: columns, or the day (`YYYY-MM-DD`, UTC) and the language (`vi` of `vi-VN`). */
export const TALLY_EXPRESSIONS: Record<Exclude<TallyKey, 'week'>, string> = {
  touchpoint: 'touchpoint',
  stage: 'stage',
  survey: 'survey',
  kind: 'kind',
  score: 'score',
  // Stored times are one UTC shape (rows.ts), so the first ten characters are the UTC day.
  day: 'substr(at, 1, 10)',
  language: 'lower(substr(locale, 1, 2))',
  device: 'device',
  visitor: 'visitor',
}

/**
 * The Monday (`YYYY-MM-DD`) of a `YYYY-MM-DD` day, as report-trend-days.ts's `mondayOf` computes
 * it: SQLite's `weekday 0` moves on to the day's Sunday (a Sunday stays), six days back is its
 * Monday; PostgreSQL's ISO weekday counts Monday 1 … Sunday 7.
 */
export function mondaySql(engine: Engine, day: string): string {
  return engine === 'sqlite'
    ? `date(${day}, 'weekday 0', '-6 days')`
    : `to_char(${day}::date - (extract(isodow from ${day}::date)::int - 1), 'YYYY-MM-DD')`
}

/**
 * The SQL that computes a tally key from `expressions` (the rows' or a rollup's columns): the
 * week from the day, each other key as it is given. Undefined when `expressions` lacks it.
 */
export function keySql(
  engine: Engine,
  expressions: Partial<Record<TallyKey, string>>,
  key: TallyKey,
): string | undefined {
  if (key !== 'week') return expressions[key]
  return expressions.day === undefined ? undefined : mondaySql(engine, expressions.day)
}

/**
 * Answer counts grouped by the given keys (from a fixed list, never from the request), counted
 * over the rows. The report reads the same counts from the daily rollups (rollup-queries.ts),
 * which must equal these; this query serves what no rollup does. `displayed` keeps only answers
 * that name the display they answer.
 */
export function tallyQuery(engine: Engine, range: TimeRange, by: readonly TallyKey[], filter: TallyFilter = {}): Query {
  const { params, param } = builder(engine)
  const conditions = rangeConditions(range, param)
  if (filter.displayed) conditions.push('display IS NOT NULL')
  const keys = by.map((key) => `${keySql(engine, TALLY_EXPRESSIONS, key)} AS ${key}`)
  const groups = by.map((_, i) => String(i + 1))
  const sql = `SELECT ${[...keys, 'COUNT(*) AS n'].join(', ')} FROM ${source(engine, by, filter)} ${where(conditions)}
    ${groups.length ? `GROUP BY ${groups.join(', ')} ORDER BY ${groups.join(', ')}` : ''}`
  return { sql, params }
}

// SQLite without statistics takes the time index for a date range and then visits the table
// once per answer; the covering `responses_tally` index (schema step 2) costs at most one pass.
const TALLY_INDEX_KEYS: readonly TallyKey[] = ['touchpoint', 'stage', 'kind', 'score', 'day', 'week']
function source(engine: Engine, by: readonly TallyKey[], filter: TallyFilter): string {
  if (engine === 'postgres' || filter.displayed || !by.every((key) => TALLY_INDEX_KEYS.includes(key)))
    return 'responses'
  return 'responses INDEXED BY responses_tally'
}
