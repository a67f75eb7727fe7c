import { STAGES, TOUCHPOINTS } from '../shared/vocabulary.js'
import type { Stage, SurveyKind, Touchpoint } from '../shared/types.js'
import { figuresOf, indexTally, round, type Figures, type Tally } from './report-figures.js'
import { compareMeans, type Difference } from './stats/compare.js'
import { criticalZ, moments, type Interval } from './stats/intervals.js'
import { runToEnd, type Steps } from './report-slices.js'
import type { TallyKey, TallyRow } from './storage/index.js'

/**
 * Ranges up to this many days are shown per day; longer ones per week (Monday to Sunday, UTC).
 * Two weeks, not a month: a touchpoint with a few answers a day has no index on most days of a
 * month, while its weeks each have one.
 */
export const DAILY_UP_TO_DAYS = 14

/** A measure in one period: its value, 95% interval and n. */
export interface Point {
  value: number | null
  ci: Interval | null
  n: number
}
/** The change of a measure from the previous period, and whether it is more than noise (|z| ≥ 1.96). */
export type Change = Pick<Difference, 'change' | 'z' | 'significant'> | null

export interface PeriodFigures {
  index: Point
  csat: Point
  nps: Point
  emotion: Point
  ces: Point
  /** Against the previous period of the same series; null in the first period or without answers on both sides. */
  change: { index: Change; csat: Change; nps: Change; emotion: Change; ces: Change }
}
export interface Series<K extends string> {
  key: K
  periods: PeriodFigures[]
}

export interface Trend {
  unit: 'day' | 'week'
  /** The first day (UTC, `YYYY-MM-DD`) of each period, oldest first. */
  periods: string[]
  overall: PeriodFigures[]
  stages: Series<Stage>[]
  touchpoints: Series<Touchpoint>[]
}

/** The counts a trend reads: per day, or per week (the Monday of each answer's day). */
export interface TrendRows {
  by: 'day' | 'week'
  rows: readonly TallyRow[]
}

const TREND_KEYS = ['touchpoint', 'stage', 'kind', 'score'] as const
const DAY_MS = 86_400_000
const spanInDays = (first: string, last: string) => (Date.parse(last) - Date.parse(first)) / DAY_MS + 1
const unitOf = (first: string, last: string) => (spanInDays(first, last) <= DAILY_UP_TO_DAYS ? 'day' : 'week')

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
  if (fromDay && toDay) return unitOf(fromDay, toDay) === 'day' ? daily() : weekly(tally)
  const byWeek = await weekly(tally)
  const weeks = byWeek.rows.map((row) => String(row.week)).sort()
  if (!weeks.length) return byWeek
  // A week's rows say only which weeks hold answers: the first day may be as late as the first
  // week's Sunday, the last as early as the last week's Monday. Per week only if even then the
  // trend spans more than 14 days; otherwise the daily rows decide, as few as such a span has.
  const latestFirst = fromDay ?? addDays(weeks[0], 6)
  const earliestLast = toDay ?? weeks[weeks.length - 1]
  return unitOf(latestFirst, earliestLast) === 'week' ? byWeek : daily()
}

const weekly = async (tally: (by: readonly TallyKey[]) => Promise<TallyRow[]>): Promise<TrendRows> => ({
  by: 'week',
  rows: await tally([...TREND_KEYS, 'week']),
})

/**
 * Each measure per day or week, overall, per stage and per touchpoint, from counts per day,
 * touchpoint, stage, kind and score. `from`/`to` decide day or week; without them, the data's span.
 *
 * @example
 * trendOf(rows, { from: '2026-11-01T00:00:00.000Z', to: '2026-11-14T23:59:59.999Z' }).unit // → 'day'
 */
export function trendOf(rows: readonly TallyRow[], range: { from?: string | null; to?: string | null }): Trend {
  return runToEnd(trendSteps({ by: 'day', rows }, range))
}

// Rows between yields while the counts are sorted into periods.
const ROWS_A_STEP = 2_000

/**
 * `trendOf` as steps (report-slices.ts): it yields after each period of each series, so the
 * collector computes a trend over thousands of counts in slices. Weekly rows (`trendRows`)
 * give the same trend as the daily rows of the same answers: the counts of a period are
 * summed per touchpoint, stage, kind and score either way, in the same order.
 */
export function* trendSteps(
  { by, rows }: TrendRows,
  range: { from?: string | null; to?: string | null },
): Steps<Trend> {
  // Tens of thousands of rows share a few hundred days: each day's period is worked out once.
  const days = [...new Set(rows.map((r) => String(r[by])))].sort()
  const first = range.from?.slice(0, 10) ?? days[0]
  const last = range.to?.slice(0, 10) ?? days[days.length - 1]
  if (!first || !last) return { unit: 'day', periods: [], overall: [], stages: [], touchpoints: [] }
  const unit = by === 'week' ? 'week' : unitOf(first, last)
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
  const series = (keep: (t: TrendTally) => boolean) =>
    periodsOf(periods.map((p) => () => byScore(inPeriod.get(p)!.filter(keep))))
  const overall = yield* series(() => true)
  const stages: Series<Stage>[] = []
  for (const stage of STAGES) stages.push({ key: stage, periods: yield* series((t) => t.stage === stage) })
  const touchpoints: Series<Touchpoint>[] = []
  const present = new Set(rows.map((row) => row.touchpoint))
  for (const tp of TOUCHPOINTS.filter((tp) => present.has(tp)))
    touchpoints.push({ key: tp, periods: yield* series((t) => t.touchpoint === tp) })
  return { unit, periods, overall, stages, touchpoints }
}

interface TrendTally extends Tally {
  stage: Stage
  touchpoint: Touchpoint
}

// A series' figures need only how many answers gave each score of each kind: the ~300 counts
// of a period's touchpoints and stages summed into ~30 make its figures ten times cheaper.
function byScore(tallies: readonly Tally[]): Tally[] {
  const summed = new Map<string, Tally>()
  for (const { kind, score, n } of tallies) {
    const key = `${kind}\u0000${score}`
    const known = summed.get(key)
    if (known) known.n += n
    else summed.set(key, { kind, score, n })
  }
  return [...summed.values()]
}

// Each period's tallies are picked out only when its turn comes, so one step is one period.
function* periodsOf(groups: (() => Tally[])[]): Steps<PeriodFigures[]> {
  let previous: Tally[] | null = null
  const result: PeriodFigures[] = []
  for (const group of groups) {
    const tallies = group()
    const point = periodPoint(figuresOf(tallies))
    const change = previous
      ? changes(previous, tallies)
      : { index: null, csat: null, nps: null, emotion: null, ces: null }
    previous = tallies
    result.push({ ...point, change })
    yield
  }
  return result
}

const periodPoint = (f: Figures) => ({
  index: { value: f.index, ci: f.index_ci, n: f.index_n },
  csat: { value: f.csat.avg, ci: f.csat.ci, n: f.csat.n },
  nps: { value: f.nps.score, ci: f.nps.ci, n: f.nps.n },
  emotion: { value: f.emotion.avg, ci: f.emotion.ci, n: f.emotion.n },
  ces: { value: f.ces.avg, ci: f.ces.ci, n: f.ces.n },
})

function changes(before: Tally[], after: Tally[]): PeriodFigures['change'] {
  const scoresOf = (tallies: Tally[], kind: SurveyKind) =>
    tallies.filter((t) => t.kind === kind).map((t) => [t.score, t.n] as [number, number])
  // NPS as a mean of +1 (promoter), 0 (passive), −1 (detractor): its change is the NPS change / 100.
  const npsOf = (tallies: Tally[]) =>
    scoresOf(tallies, 'nps').map(([s, n]) => [s >= 9 ? 100 : s <= 6 ? -100 : 0, n] as [number, number])
  const indexOf = (tallies: Tally[]) => indexTally(tallies).map(([x, n]) => [x * 100, n] as [number, number])
  const compare = (a: [number, number][], b: [number, number][]): Change => {
    const difference = compareMeans(moments(a), moments(b), criticalZ())
    return (
      difference && {
        change: round(difference.change, 2),
        z: Number.isFinite(difference.z) ? round(difference.z, 2) : difference.z,
        significant: difference.significant,
      }
    )
  }
  return {
    index: compare(indexOf(before), indexOf(after)),
    csat: compare(scoresOf(before, 'csat'), scoresOf(after, 'csat')),
    nps: compare(npsOf(before), npsOf(after)),
    emotion: compare(scoresOf(before, 'emotion'), scoresOf(after, 'emotion')),
    ces: compare(scoresOf(before, 'ces'), scoresOf(after, 'ces')),
  }
}

const addDays = (day: string, n: number) => new Date(Date.parse(day) + n * DAY_MS).toISOString().slice(0, 10)

/** The Monday (UTC) of a `YYYY-MM-DD` day: where its week starts (queries.ts `mondaySql` in the database). */
export function mondayOf(day: string): string {
  const weekday = (new Date(day).getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  return addDays(day, -weekday)
}
