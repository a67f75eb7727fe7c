import { STAGES, TOUCHPOINTS } from '../shared/vocabulary.js'
import type { Stage, SurveyKind, Touchpoint } from '../shared/types.js'
import { figuresOf, indexTally, round, type Figures, type Tally } from './report-figures.js'
import { compareMeans, type Difference } from './stats/compare.js'
import { criticalZ, moments, type Interval } from './stats/intervals.js'
import { runToEnd, type Steps } from './report-slices.js'
import { periodCountSteps, type TrendRows, type TrendTally } from './report-trend-rows.js'
import type { TallyRow } from './storage/index.js'

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
  return runToEnd(trendSteps({ by: 'day', rows }, range))
}

/**
 * `trendOf` as steps (report-slices.ts): it yields after each period of each series, so the
 * collector computes a trend over thousands of counts in slices. The rows are read and sorted
 * into periods by report-trend-rows.ts; daily and weekly rows give the same trend.
 */
export function* trendSteps(trendRows: TrendRows, range: { from?: string | null; to?: string | null }): Steps<Trend> {
  const counts = yield* periodCountSteps(trendRows, range)
  if (!counts) return { unit: 'day', periods: [], overall: [], stages: [], touchpoints: [] }
  const { unit, periods, inPeriod } = counts
  const series = (keep: (t: TrendTally) => boolean) =>
    periodsOf(periods.map((p) => () => byScore(inPeriod.get(p)!.filter(keep))))
  const overall = yield* series(() => true)
  const stages: Series<Stage>[] = []
  for (const stage of STAGES) stages.push({ key: stage, periods: yield* series((t) => t.stage === stage) })
  const touchpoints: Series<Touchpoint>[] = []
  const present = new Set(trendRows.rows.map((row) => row.touchpoint))
  for (const tp of TOUCHPOINTS.filter((tp) => present.has(tp)))
    touchpoints.push({ key: tp, periods: yield* series((t) => t.touchpoint === tp) })
  return { unit, periods, overall, stages, touchpoints }
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
