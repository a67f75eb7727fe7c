import { DEFAULT_STAGE_MAP, STAGES, TOUCHPOINTS } from '../shared/vocabulary.js'
import { figuresOf, MIN_N, type Figures, type Tally } from './report-figures.js'
import { ratesOf, type Rates } from './report-rates.js'
import { npsJourneys, segmentSteps, type NpsJourney, type Segment } from './report-segments.js'
import { trendSteps, type Trend } from './report-trend.js'
import { trendRows, type TrendRows } from './report-trend-rows.js'
import { filterCommentSteps, type CommentFilter } from './report-comments.js'
import { THEME_COMMENTS, themeSteps, type Theme } from './themes/themes.js'
import { runInSlices, type Steps } from './report-slices.js'
import { memorySource, storeSource, type DisplayCount, type ReportSource } from './report-source.js'
import { judgeWeakest, type Verdict } from './report-weakest.js'
import { SMALL_N } from './stats/intervals.js'
import type { Comment, ResponseStore, TallyRow, TimeRange } from './storage/index.js'
import type { Stage, SurveyKind, SurveyResponse, Touchpoint } from '../shared/types.js'

export type { Comment } from './storage/index.js'
export type { Figures, CsatFigures, NpsFigures, EmotionFigures, CesFigures } from './report-figures.js'
export { MIN_N } from './report-figures.js'
export { EMOTIONS } from '../shared/vocabulary.js'

export interface StageFigures extends Figures {
  stage: Stage
}
export interface TouchpointFigures extends Figures {
  touchpoint: Touchpoint
  stage: Stage
}
export interface SurveyFigures extends Figures {
  survey: string
  touchpoint: Touchpoint
  stage: Stage
}
/** The touchpoint to fix first: only when the verdict is `clear`. */
export interface Weakest {
  touchpoint: Touchpoint
  stage: Stage
  index: number
  responses: number
  /** Its most telling comments: lowest scores first, then newest (at most 3). */
  comments: Comment[]
}

/**
 * The journey report as data: every figure with its n and 95% interval, response rates, the
 * verdict on the weakest touchpoint. No words: the HTML and CSV views put it into words.
 */
export interface Report {
  total: number
  range: { from: string | null; to: string | null }
  overall: Figures
  /** Always the five stages, in journey order. */
  stages: StageFigures[]
  /** Touchpoints that have answers, in journey order. */
  touchpoints: TouchpointFigures[]
  /** Each survey at each touchpoint, in journey order. */
  surveys: SurveyFigures[]
  /** Named only when the verdict is `clear`. */
  weakest: Weakest | null
  verdict: Verdict
  rates: Rates
  /** Each measure per day (ranges up to 14 days) or week, with its change from the period before. */
  trend: Trend
  /** Figures per device, language and new or returning visitor, each along the five stages. */
  segments: Segment[]
  /** Where promoters, passives and detractors gave their NPS answers, stage by stage. */
  nps_journeys: NpsJourney[]
  /** Comment themes per touchpoint, from the newest `themes_from` comments. */
  themes: Theme[]
  /** How many comments the themes and the comment filter looked at (at most `THEME_COMMENTS`, the newest). */
  themes_from: number
  /** The comment filter applied to `comments`. */
  comment_filter: CommentFilter
  /** Newest first, filtered by `comment_filter`. */
  comments: Comment[]
  /** Fewest answers for an index (`MIN_N`); figures on fewer than `small_n` answers are flagged `few`. */
  min_n: number
  small_n: number
}

export interface ReportOptions {
  from?: string | null
  to?: string | null
  /** How many recent comments to include. Default 20. */
  comments?: number
  /** Which comments to list: by touchpoint, score group, theme and words. */
  commentFilter?: CommentFilter
}

/**
 * The journey report of answers held in memory (the collector uses `reportFromStore`).
 *
 * @example
 * const report = await buildReport(answers)
 * report.verdict.status // → 'clear'
 */
export function buildReport(responses: readonly SurveyResponse[], options: ReportOptions = {}): Promise<Report> {
  return buildReportFrom(memorySource(responses), options)
}

/**
 * The journey report of the answers in `range`: every figure from counts the database computes
 * (GROUP BY ... score), and only the comments it quotes read.
 *
 * @example
 * const report = await reportFromStore(store, { from: '2026-11-01T00:00:00.000Z' })
 */
export function reportFromStore(
  store: ResponseStore,
  range: TimeRange = {},
  options: Pick<ReportOptions, 'comments' | 'commentFilter'> = {},
): Promise<Report> {
  return buildReportFrom(storeSource(store, range), { ...range, ...options })
}

/** The report from any source of counts. */
export async function buildReportFrom(source: ReportSource, options: ReportOptions = {}): Promise<Report> {
  const [rows, displays, answered, trend, segmentRows, recent] = await Promise.all([
    source.tally(['touchpoint', 'stage', 'survey', 'kind', 'score']),
    source.displays(),
    source.tally(['touchpoint', 'stage', 'survey'], { displayed: true }),
    trendRows((by) => source.tally(by), options),
    source.tally(['stage', 'kind', 'score', 'device', 'visitor', 'language']),
    source.comments({ order: 'newest', limit: THEME_COMMENTS }),
  ])
  // The database did the counting; what is left is JavaScript over its results, run in slices
  // so that the collector's event loop keeps answering POSTs meanwhile (report-slices.ts).
  const report = await runInSlices(reportSteps({ rows, displays, answered, trend, segmentRows, recent }, options))
  const { verdict } = report
  if (verdict.status === 'clear' && verdict.lowest) {
    const { touchpoint, stage, index } = verdict.lowest
    const quoted = await source.comments({ order: 'lowest', limit: 3, touchpoint })
    const responses = report.touchpoints.find((t) => t.touchpoint === touchpoint)!.responses
    report.weakest = { touchpoint, stage, index, responses, comments: quoted.filter((c) => c.comment) }
  }
  return report
}

interface ReportInputs {
  rows: TallyRow[]
  displays: DisplayCount[]
  answered: TallyRow[]
  /** The trend's rows: per day, or per week for a span over 14 days (report-trend-rows.ts). */
  trend: TrendRows
  segmentRows: TallyRow[]
  recent: Comment[]
}

// The report's computation, yielding between its parts and inside the long ones (the trend,
// the themes, the comment filter).
function* reportSteps(inputs: ReportInputs, options: ReportOptions): Steps<Report> {
  const { rows, displays, answered, segmentRows, recent } = inputs
  const filter = options.commentFilter ?? {}
  const counts = rows.map((row) => ({ ...row, kind: row.kind as SurveyKind, score: Number(row.score) }))
  const byTouchpoint = groupBy(counts, (c) => c.touchpoint as Touchpoint)
  const touchpoints = TOUCHPOINTS.filter((t) => byTouchpoint.has(t)).map((touchpoint) => {
    const list = byTouchpoint.get(touchpoint)!
    return { touchpoint, stage: commonStage(list, touchpoint), tallies: list }
  })
  const surveyGroups = [...groupBy(counts, (c) => `${c.touchpoint}\u0000${c.survey}`).values()]
    .map((list) => ({ touchpoint: list[0].touchpoint as Touchpoint, survey: String(list[0].survey), list }))
    .sort(
      (a, b) => TOUCHPOINTS.indexOf(a.touchpoint) - TOUCHPOINTS.indexOf(b.touchpoint) || (a.survey < b.survey ? -1 : 1),
    )
  const verdict = judgeWeakest(touchpoints)
  yield
  const overall = figuresOf(counts)
  const stages = STAGES.map((stage) => ({ stage, ...figuresOf(counts.filter((c) => c.stage === stage)) }))
  yield
  // A step per touchpoint and per survey: a store with many surveys has many of them.
  const touchpointFigures: TouchpointFigures[] = []
  for (const { touchpoint, stage, tallies } of touchpoints) {
    touchpointFigures.push({ touchpoint, stage, ...figuresOf(tallies) })
    yield
  }
  const surveys: SurveyFigures[] = []
  for (const { touchpoint, survey, list } of surveyGroups) {
    surveys.push({ survey, touchpoint, stage: commonStage(list, touchpoint), ...figuresOf(list) })
    yield
  }
  const rates = ratesOf(displays, answered, STAGES)
  yield
  const trend = yield* trendSteps(inputs.trend, options)
  const segments = yield* segmentSteps(segmentRows)
  const journeys = npsJourneys(counts)
  yield
  const themes = yield* themeSteps(recent)
  const comments = yield* filterCommentSteps(recent, filter, options.comments ?? 20)
  return {
    total: sum(counts),
    range: { from: options.from ?? null, to: options.to ?? null },
    overall,
    stages,
    touchpoints: touchpointFigures,
    surveys,
    weakest: null,
    verdict,
    rates,
    trend,
    segments,
    nps_journeys: journeys,
    themes,
    themes_from: recent.length,
    comment_filter: filter,
    comments,
    min_n: MIN_N,
    small_n: SMALL_N,
  }
}

/**
 * The figures of any group of answers.
 *
 * @example
 * figures(answers).nps // → { score: -40, se: 34.87, ci: [-100, 28.3], promoters: 1, passives: 1, detractors: 3, n: 5 }
 */
export function figures(list: readonly SurveyResponse[]): Figures {
  return figuresOf(list.map(({ kind, score }) => ({ kind, score, n: 1 })))
}

type Count = Tally & TallyRow

// A store may map a touchpoint to another stage; show it where most of its answers were given
// (on a tie, the default stage).
function commonStage(list: readonly Count[], touchpoint: Touchpoint): Stage {
  const counts = new Map<Stage, number>()
  for (const count of list) counts.set(count.stage as Stage, (counts.get(count.stage as Stage) ?? 0) + count.n)
  let best: Stage = DEFAULT_STAGE_MAP[touchpoint]
  for (const [stage, n] of counts) if (n > (counts.get(best) ?? 0)) best = stage
  return best
}

function groupBy<K, V>(list: readonly V[], key: (value: V) => K): Map<K, V[]> {
  const map = new Map<K, V[]>()
  for (const value of list) {
    const k = key(value)
    const found = map.get(k)
    if (found) found.push(value)
    else map.set(k, [value])
  }
  return map
}

const sum = (list: readonly { n: number }[]) => list.reduce((total, t) => total + t.n, 0)
