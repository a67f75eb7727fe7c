import { STAGES, TOUCHPOINTS } from '../shared/vocabulary.js'
import type { Stage, SurveyKind, Touchpoint } from '../shared/types.js'
import { figuresOf, indexTally, round, type Figures, type Tally } from './report-figures.js'
import { compareMeans, type Difference } from './stats/compare.js'
import { criticalZ, moments, type Interval } from './stats/intervals.js'
import { runToEnd, type Steps } from './report-slices.js'
import type { TallyRow } from './storage/index.js'

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

/**
 * Each measure per day or week, overall, per stage and per touchpoint, from counts per day,
 * touchpoint, stage, kind and score. `from`/`to` decide day or week; without them, the data's span.
 *
 * @example
 * trendOf(rows, { from: '2026-11-01T00:00:00.000Z', to: '2026-11-14T23:59:59.999Z' }).unit // → 'day'
 */
export function trendOf(rows: readonly TallyRow[], range: { from?: string | null; to?: string | null }): Trend {
  return runToEnd(trendSteps(rows, range))
}

/**
 * `trendOf` as steps (report-slices.ts): it yields after each period of each series, so the
 * collector computes a trend over tens of thousands of daily counts in slices.
 */
export function* trendSteps(
  rows: readonly TallyRow[],
  range: { from?: string | null; to?: string | null },
): Steps<Trend> {
  // Tens of thousands of rows share a few hundred days: each day's period is worked out once.
  const days = [...new Set(rows.map((r) => String(r.day)))].sort()
  const first = range.from?.slice(0, 10) ?? days[0]
  const last = range.to?.slice(0, 10) ?? days[days.length - 1]
  if (!first || !last) return { unit: 'day', periods: [], overall: [], stages: [], touchpoints: [] }
  const span = (Date.parse(last) - Date.parse(first)) / 86_400_000 + 1
  const unit = span <= DAILY_UP_TO_DAYS ? 'day' : 'week'
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

  const tallies = rows.map((r) => ({
    period: periodOf(String(r.day)),
    stage: r.stage as Stage,
    touchpoint: r.touchpoint as Touchpoint,
    kind: r.kind as SurveyKind,
    score: Number(r.score),
    n: r.n,
  }))
  // Each period's tallies found once: a series then reads only its own period's, not all of them.
  const byPeriod = new Map(periods.map((p) => [p, [] as typeof tallies]))
  for (const t of tallies) byPeriod.get(t.period)?.push(t)
  yield
  const series = (keep: (t: (typeof tallies)[number]) => boolean) =>
    periodsOf(periods.map((p) => () => byPeriod.get(p)!.filter(keep)))
  const overall = yield* series(() => true)
  const stages: Series<Stage>[] = []
  for (const stage of STAGES) stages.push({ key: stage, periods: yield* series((t) => t.stage === stage) })
  const touchpoints: Series<Touchpoint>[] = []
  for (const tp of TOUCHPOINTS.filter((tp) => tallies.some((t) => t.touchpoint === tp)))
    touchpoints.push({ key: tp, periods: yield* series((t) => t.touchpoint === tp) })
  return { unit, periods, overall, stages, touchpoints }
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

const addDays = (day: string, n: number) => new Date(Date.parse(day) + n * 86_400_000).toISOString().slice(0, 10)
function mondayOf(day: string): string {
  const weekday = (new Date(day).getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  return addDays(day, -weekday)
}
