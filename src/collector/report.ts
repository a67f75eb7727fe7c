import { DEFAULT_STAGE_MAP, STAGES, TOUCHPOINTS } from '../detection/stage-map.js'
import type { Comment, ResponseStore, ScoreCount, TimeRange } from './storage/index.js'
import type { Emotion, Stage, SurveyKind, SurveyResponse, Touchpoint } from '../types.js'

export type { Comment } from './storage/index.js'

export const EMOTIONS: Emotion[] = ['frustrated', 'disappointed', 'neutral', 'pleased', 'delighted']

/** Fewest answers a measure needs at a touchpoint before it counts towards the weakest touchpoint. */
export const MIN_N = 5

/** CSAT (1–5): mean, and the share answering 4 or 5. */
export interface CsatFigures { avg: number | null; n: number; satisfied: number; satisfied_pct: number | null }
/** NPS (0–10): % promoters (9–10) − % detractors (0–6), from −100 to 100. */
export interface NpsFigures { score: number | null; promoters: number; passives: number; detractors: number; n: number }
/** Emotion faces: how many answers chose each, plus the mean score (1–5). */
export type EmotionFigures = Record<Emotion, number> & { n: number; avg: number | null }
/** Customer effort (1–7): reported, but left out of the satisfaction index (its direction varies by wording). */
export interface CesFigures { avg: number | null; n: number }

export interface Figures {
  responses: number
  csat: CsatFigures
  nps: NpsFigures
  emotion: EmotionFigures
  ces: CesFigures
  /** Satisfaction index 0–100 (the rule: report-i18n.ts `RULE_TEXT`); null while no measure has `MIN_N` answers. */
  index: number | null
}
export interface StageFigures extends Figures { stage: Stage }
export interface TouchpointFigures extends Figures { touchpoint: Touchpoint; stage: Stage }
export interface Weakest {
  touchpoint: Touchpoint; stage: Stage; index: number; responses: number
  /** Its most telling comments: lowest scores first, then newest (at most 3). */
  comments: Comment[]
}

export interface Report {
  total: number
  range: { from: string | null; to: string | null }
  overall: Figures
  /** Always the five stages, in journey order. */
  stages: StageFigures[]
  /** Touchpoints that have answers, in journey order. */
  touchpoints: TouchpointFigures[]
  weakest: Weakest | null
  /** Newest first. */
  comments: Comment[]
  /** The fewest answers a measure needs at a touchpoint to count towards the weakest (the HTML view says the rule in words). */
  min_n: number
}

export interface ReportOptions {
  from?: string | null
  to?: string | null
  /** How many recent comments to include. Default 20. */
  comments?: number
}

/** Answers of one kind with one score; a group's figures follow from a list of these. */
type Tally = Pick<ScoreCount, 'kind' | 'score' | 'n'>

/** Where the weakest touchpoint's comments come from once the figures have named it. */
type TellingComments = (touchpoint: Touchpoint) => Comment[] | Promise<Comment[]>

/**
 * Turns stored answers into the journey report: CSAT, NPS, emotion mix and a satisfaction
 * index per stage and per touchpoint, and the weakest touchpoint to fix first. Pure: the
 * caller chooses the answers. The collector itself uses `reportFromStore`, which gets the
 * same report from counts the database computes.
 *
 * @example
 * const report = buildReport(answers, { from: '2026-11-01T00:00:00.000Z' })
 * report.weakest // → { touchpoint: 'checkout', stage: 'decision', index: 31.9, responses: 84 }
 */
export function buildReport(responses: SurveyResponse[], options: ReportOptions = {}): Report {
  const counts = new Map<string, ScoreCount>()
  for (const r of responses) {
    const key = `${r.touchpoint} ${r.stage} ${r.kind} ${r.score}`
    const count = counts.get(key)
    if (count) count.n++
    else counts.set(key, { stage: r.stage, touchpoint: r.touchpoint, kind: r.kind, score: r.score, n: 1 })
  }
  const commented = responses.filter((r) => r.comment && r.comment.trim())
  const byNewest = [...commented].sort(newestFirst)
  const telling = (t: Touchpoint) =>
    commented.filter((r) => r.touchpoint === t).sort((a, b) => scaled(a) - scaled(b) || newestFirst(a, b)).slice(0, 3).map(toComment)
  return assemble([...counts.values()], byNewest.slice(0, options.comments ?? 20).map(toComment), telling, options) as Report
}

/**
 * The journey report of the answers in `range`, with every figure computed by the database
 * (counts per stage, touchpoint, kind and score) and only the comments it quotes read.
 *
 * @example
 * const report = await reportFromStore(store, { from: '2026-11-01T00:00:00.000Z' })
 */
export async function reportFromStore(store: ResponseStore, range: TimeRange = {}, options: Pick<ReportOptions, 'comments'> = {}): Promise<Report> {
  const [counts, recent] = await Promise.all([
    store.scoreCounts(range),
    store.comments(range, { order: 'newest', limit: options.comments ?? 20 }),
  ])
  const telling = (touchpoint: Touchpoint) => store.comments(range, { order: 'lowest', limit: 3, touchpoint })
  return assemble(counts, recent, telling, { ...range, ...options })
}

// Both ways to a report meet here; `telling` is awaited only when it returns a promise, so the
// in-memory report stays synchronous.
function assemble(counts: ScoreCount[], recent: Comment[], telling: TellingComments, options: ReportOptions): Report | Promise<Report> {
  const byStage = new Map<Stage, ScoreCount[]>()
  const byTouchpoint = new Map<Touchpoint, ScoreCount[]>()
  for (const count of counts) {
    push(byStage, count.stage, count)
    push(byTouchpoint, count.touchpoint, count)
  }
  const touchpoints = TOUCHPOINTS.filter((t) => byTouchpoint.has(t)).map((t) => {
    const list = byTouchpoint.get(t)!
    return { touchpoint: t, stage: commonStage(list, t), ...tallyFigures(list) }
  })
  const report: Report = {
    total: sum(counts),
    range: { from: options.from ?? null, to: options.to ?? null },
    overall: tallyFigures(counts),
    stages: STAGES.map((stage) => ({ stage, ...tallyFigures(byStage.get(stage) ?? []) })),
    touchpoints,
    weakest: weakestOf(touchpoints),
    comments: recent.filter((c) => c.comment),
    min_n: MIN_N,
  }
  if (!report.weakest) return report
  const quoted = telling(report.weakest.touchpoint)
  const fill = (comments: Comment[]) => {
    report.weakest!.comments = comments.filter((c) => c.comment)
    return report
  }
  return quoted instanceof Promise ? quoted.then(fill) : fill(quoted)
}

/**
 * The figures of any group of answers.
 *
 * @example
 * figures(answers).nps // → { score: -40, promoters: 1, passives: 1, detractors: 3, n: 5 }
 */
export function figures(list: SurveyResponse[]): Figures {
  return tallyFigures(list.map(({ kind, score }) => ({ kind, score, n: 1 })))
}

/** The same figures from counts: every mean is an exact sum of scores over a count. */
function tallyFigures(tallies: Tally[]): Figures {
  const of = (kind: SurveyKind) => tallies.filter((t) => t.kind === kind)
  const csatTallies = of('csat')
  const npsTallies = of('nps')
  const emotionTallies = of('emotion')
  const cesTallies = of('ces')

  const csatN = sum(csatTallies)
  const satisfied = sum(csatTallies.filter((t) => t.score >= 4))
  const csat = { avg: mean(csatTallies), n: csatN, satisfied, satisfied_pct: pct(satisfied, csatN) }

  const promoters = sum(npsTallies.filter((t) => t.score >= 9))
  const detractors = sum(npsTallies.filter((t) => t.score <= 6))
  const n = sum(npsTallies)
  const nps = {
    score: n ? Math.round(((promoters - detractors) / n) * 100) : null,
    promoters, passives: n - promoters - detractors, detractors, n,
  }

  const emotion = {} as EmotionFigures
  EMOTIONS.forEach((label, i) => (emotion[label] = sum(emotionTallies.filter((t) => t.score === i + 1))))
  emotion.n = sum(emotionTallies)
  emotion.avg = mean(emotionTallies)

  const ces = { avg: mean(cesTallies), n: sum(cesTallies) }
  return { responses: sum(tallies), csat, nps, emotion, ces, index: indexOf(csatTallies, npsTallies, emotionTallies) }
}

// From the exact sums, not the rounded figures, so rounding never decides which touchpoint is weakest.
function indexOf(csat: Tally[], nps: Tally[], emotion: Tally[]): number | null {
  const parts: number[] = []
  const exactMean = (tallies: Tally[]) => scoreSum(tallies) / sum(tallies)
  if (sum(csat) >= MIN_N) parts.push(((exactMean(csat) - 1) / 4) * 100)
  if (sum(nps) >= MIN_N) {
    const npsScore = ((sum(nps.filter((t) => t.score >= 9)) - sum(nps.filter((t) => t.score <= 6))) / sum(nps)) * 100
    parts.push((npsScore + 100) / 2)
  }
  if (sum(emotion) >= MIN_N) parts.push(((exactMean(emotion) - 1) / 4) * 100)
  return parts.length ? round(parts.reduce((a, b) => a + b, 0) / parts.length, 1) : null
}

function weakestOf(rows: TouchpointFigures[]): Weakest | null {
  const ranked = rows
    .filter((r) => r.index !== null)
    .sort((a, b) => a.index! - b.index! || b.responses - a.responses || TOUCHPOINTS.indexOf(a.touchpoint) - TOUCHPOINTS.indexOf(b.touchpoint))
  const w = ranked[0]
  return w ? { touchpoint: w.touchpoint, stage: w.stage, index: w.index!, responses: w.responses, comments: [] } : null
}

// A store may map a touchpoint to another stage; show it where most of its answers were given
// (on a tie, the default stage, else the stage answered first: counts come in time order).
function commonStage(list: ScoreCount[], t: Touchpoint): Stage {
  const counts = new Map<Stage, number>()
  for (const count of list) counts.set(count.stage, (counts.get(count.stage) ?? 0) + count.n)
  let best: Stage = DEFAULT_STAGE_MAP[t]
  for (const [stage, c] of counts) if (c > (counts.get(best) ?? 0)) best = stage
  return best
}

// Scores of different kinds compare on one 0–1 scale: NPS 0–10, CES 1–7, the rest 1–5.
const scaled = (r: SurveyResponse) => (r.kind === 'nps' ? r.score / 10 : r.kind === 'ces' ? (r.score - 1) / 6 : (r.score - 1) / 4)
const newestFirst = (a: SurveyResponse, b: SurveyResponse) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)
const toComment = ({ id, at, stage, touchpoint, kind, score, emotion, comment, locale }: SurveyResponse): Comment =>
  ({ id, at, stage, touchpoint, kind, score, emotion, comment: comment!.trim(), locale })

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
const sum = (tallies: Tally[]) => tallies.reduce((total, t) => total + t.n, 0)
const scoreSum = (tallies: Tally[]) => tallies.reduce((total, t) => total + t.score * t.n, 0)
const mean = (tallies: Tally[]) => (sum(tallies) ? round(scoreSum(tallies) / sum(tallies), 2) : null)
const pct = (part: number, whole: number) => (whole ? round((part / whole) * 100, 1) : null)
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits
