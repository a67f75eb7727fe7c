import type { Stage, SurveyKind, Touchpoint } from '../shared/types.js'
import type { Tally } from './report-figures.js'
import type { Steps } from './report-slices.js'
import { addDays, mondayOf, trendUnit } from './report-trend-days.js'
import type { TallyKey, TallyRow } from './storage/index.js'

/** The counts a trend reads: per day, or per week (the Monday of each answer's day). */
export interface TrendRows {
  by: 'day' | 'week'
  rows: readonly TallyRow[]
}

const TREND_KEYS = ['touchpoint', 'stage', 'kind', 'score'] as const

/**
 * Reads a trend's counts. A trend over weeks needs no day: over 89 days the database then sends
 * a seventh of the rows (3,600 instead of 25,000 at 1,000,000 answers), and the collector's
 * event loop builds a seventh of the objects. Per day only when the trend may be per day: a
 * range of at most 14 days, or data that may span no more.
 *
 * @example
 * await trendRows((by) => store.tally(range, by), range) // → { by: 'week', rows: [{ touchpoint: 'cart', …, week: '2026-11-02', n: 41 }, …] }
 */
export async function trendRows(
  tally: (by: readonly TallyKey[]) => Promise<TallyRow[]>,
  range: { from?: string | null; to?: string | null },
): Promise<TrendRows> {
  const fromDay = range.from?.slice(0, 10)
  const toDay = range.to?.slice(0, 10)
  const daily = async (): Promise<TrendRows> => ({ by: 'day', rows: await tally([...TREND_KEYS, 'day']) })
  if (fromDay && toDay) return trendUnit(fromDay, toDay) === 'day' ? daily() : weekly(tally)
  const byWeek = await weekly(tally)
  const weeks = byWeek.rows.map((row) => String(row.week)).sort()
  if (!weeks.length) return byWeek
  // A week's rows say only which weeks hold answers: the first day may be as late as the first
  // week's Sunday, the last as early as the last week's Monday. Per week only if even then the
  // trend spans more than 14 days; otherwise the daily rows decide, as few as such a span has.
  const latestFirst = fromDay ?? addDays(weeks[0], 6)
  const earliestLast = toDay ?? weeks[weeks.length - 1]
  return trendUnit(latestFirst, earliestLast) === 'week' ? byWeek : daily()
}

const weekly = async (tally: (by: readonly TallyKey[]) => Promise<TallyRow[]>): Promise<TrendRows> => ({
  by: 'week',
  rows: await tally([...TREND_KEYS, 'week']),
})

/** A count of one score of one kind, in one touchpoint and stage. */
export interface TrendTally extends Tally {
  stage: Stage
  touchpoint: Touchpoint
}

/** A trend's periods (the first day of each, oldest first) and the counts of each. */
export interface PeriodCounts {
  unit: 'day' | 'week'
  periods: string[]
  inPeriod: Map<string, TrendTally[]>
}

// Rows between yields while the counts are sorted into periods.
const ROWS_A_STEP = 2_000

/**
 * Sorts a trend's rows into its periods (report-slices.ts steps), yielding every 2,000 rows;
 * null when there is no range and no row to tell the first and last day. Weekly rows
 * (`trendRows`) give the same counts as the daily rows of the same answers: a period's counts
 * are summed per touchpoint, stage, kind and score either way, in the same order.
 *
 * @example
 * runToEnd(periodCountSteps({ by: 'week', rows }, {}))?.periods // → ['2026-11-02', '2026-11-09', …]
 */
export function* periodCountSteps(
  { by, rows }: TrendRows,
  range: { from?: string | null; to?: string | null },
): Steps<PeriodCounts | null> {
  // Tens of thousands of rows share a few hundred days: each day's period is worked out once.
  const days = [...new Set(rows.map((r) => String(r[by])))].sort()
  const first = range.from?.slice(0, 10) ?? days[0]
  const last = range.to?.slice(0, 10) ?? days[days.length - 1]
  if (!first || !last) return null
  const unit = by === 'week' ? 'week' : trendUnit(first, last)
  const periodOfDay = new Map<string, string>()
  const periodOf = (day: string) => {
    const known = periodOfDay.get(day)
    if (known !== undefined) return known
    const period = unit === 'day' ? day : mondayOf(day)
    periodOfDay.set(day, period)
    return period
  }
  yield
  const periods: string[] = []
  for (let day = periodOf(first); day <= last; day = addDays(day, unit === 'day' ? 1 : 7)) periods.push(day)

  // One tally per period, touchpoint, stage, kind and score: the days of a week summed here
  // equal the week counted by the database.
  const byPeriod = new Map(periods.map((p) => [p, new Map<string, TrendTally>()]))
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]
    const period = periodOf(String(row[by]))
    const key = `${row.touchpoint}\u0000${row.stage}\u0000${row.kind}\u0000${row.score}`
    const tallies = byPeriod.get(period)
    const known = tallies?.get(key)
    if (known) known.n += row.n
    else
      tallies?.set(key, {
        stage: row.stage as Stage,
        touchpoint: row.touchpoint as Touchpoint,
        kind: row.kind as SurveyKind,
        score: Number(row.score),
        n: row.n,
      })
    if (index % ROWS_A_STEP === ROWS_A_STEP - 1) yield
  }
  const inPeriod = new Map(periods.map((p) => [p, [...byPeriod.get(p)!.values()]]))
  yield
  return { unit, periods, inPeriod }
}
