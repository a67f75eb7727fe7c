import { DEFAULT_STAGE_MAP, STAGES, TOUCHPOINTS } from '../detection/stage-map'
import { RULE_TEXT } from './report-i18n'
import type { Emotion, Stage, SurveyKind, SurveyResponse, Touchpoint } from '../types'

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
  /** Satisfaction index 0–100 (see `SATISFACTION_RULE`); null while no measure has `MIN_N` answers. */
  index: number | null
}
export interface StageFigures extends Figures { stage: Stage }
export interface TouchpointFigures extends Figures { touchpoint: Touchpoint; stage: Stage }
export interface Weakest {
  touchpoint: Touchpoint; stage: Stage; index: number; responses: number
  /** Its most telling comments: lowest scores first, then newest (at most 3). */
  comments: Comment[]
}
export interface Comment {
  id: string; at: string; stage: Stage; touchpoint: Touchpoint; kind: SurveyKind
  score: number; emotion: Emotion | null; comment: string; locale: string
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
  rule: string
}

/** The rule behind `index` and `weakest`, in words (also printed under the HTML report). */
export const SATISFACTION_RULE = RULE_TEXT.en(MIN_N)

export interface ReportOptions {
  from?: string | null
  to?: string | null
  /** How many recent comments to include. Default 20. */
  comments?: number
}

/**
 * Turns stored answers into the journey report: CSAT, NPS, emotion mix and a satisfaction
 * index per stage and per touchpoint, and the weakest touchpoint to fix first. Pure: the
 * caller chooses the answers (e.g. a date range from the database).
 *
 * @example
 * const report = buildReport(store.list({ from: '2026-11-01T00:00:00.000Z' }))
 * report.weakest // → { touchpoint: 'checkout', stage: 'decision', index: 31.9, responses: 84 }
 */
export function buildReport(responses: SurveyResponse[], options: ReportOptions = {}): Report {
  const byStage = new Map<Stage, SurveyResponse[]>()
  const byTouchpoint = new Map<Touchpoint, SurveyResponse[]>()
  for (const r of responses) {
    push(byStage, r.stage, r)
    push(byTouchpoint, r.touchpoint, r)
  }
  const touchpoints = TOUCHPOINTS.filter((t) => byTouchpoint.has(t)).map((t) => {
    const list = byTouchpoint.get(t)!
    return { touchpoint: t, stage: commonStage(list, t), ...figures(list) }
  })
  const weakest = weakestOf(touchpoints)
  if (weakest) weakest.comments = telling(byTouchpoint.get(weakest.touchpoint)!)
  return {
    total: responses.length,
    range: { from: options.from ?? null, to: options.to ?? null },
    overall: figures(responses),
    stages: STAGES.map((stage) => ({ stage, ...figures(byStage.get(stage) ?? []) })),
    touchpoints,
    weakest,
    comments: recentComments(responses, options.comments ?? 20),
    rule: SATISFACTION_RULE,
  }
}

/**
 * The figures of any group of answers.
 *
 * @example
 * figures(answers).nps // → { score: -40, promoters: 1, passives: 1, detractors: 3, n: 5 }
 */
export function figures(list: SurveyResponse[]): Figures {
  const scores = (kind: SurveyKind) => list.filter((r) => r.kind === kind).map((r) => r.score)
  const csatScores = scores('csat')
  const npsScores = scores('nps')
  const emotionScores = scores('emotion')
  const cesScores = scores('ces')

  const satisfied = csatScores.filter((s) => s >= 4).length
  const csat = { avg: mean(csatScores), n: csatScores.length, satisfied, satisfied_pct: pct(satisfied, csatScores.length) }

  const promoters = npsScores.filter((s) => s >= 9).length
  const detractors = npsScores.filter((s) => s <= 6).length
  const n = npsScores.length
  const nps = {
    score: n ? Math.round(((promoters - detractors) / n) * 100) : null,
    promoters, passives: n - promoters - detractors, detractors, n,
  }

  const emotion = {} as EmotionFigures
  EMOTIONS.forEach((label, i) => (emotion[label] = emotionScores.filter((s) => s === i + 1).length))
  emotion.n = emotionScores.length
  emotion.avg = mean(emotionScores)

  const ces = { avg: mean(cesScores), n: cesScores.length }
  return { responses: list.length, csat, nps, emotion, ces, index: indexOf(csatScores, npsScores, emotionScores) }
}

// From the raw scores, not the rounded figures, so rounding never decides which touchpoint is weakest.
function indexOf(csat: number[], nps: number[], emotion: number[]): number | null {
  const parts: number[] = []
  const exactMean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  if (csat.length >= MIN_N) parts.push(((exactMean(csat) - 1) / 4) * 100)
  if (nps.length >= MIN_N) {
    const npsScore = ((nps.filter((s) => s >= 9).length - nps.filter((s) => s <= 6).length) / nps.length) * 100
    parts.push((npsScore + 100) / 2)
  }
  if (emotion.length >= MIN_N) parts.push(((exactMean(emotion) - 1) / 4) * 100)
  return parts.length ? round(parts.reduce((a, b) => a + b, 0) / parts.length, 1) : null
}

function weakestOf(rows: TouchpointFigures[]): Weakest | null {
  const ranked = rows
    .filter((r) => r.index !== null)
    .sort((a, b) => a.index! - b.index! || b.responses - a.responses || TOUCHPOINTS.indexOf(a.touchpoint) - TOUCHPOINTS.indexOf(b.touchpoint))
  const w = ranked[0]
  return w ? { touchpoint: w.touchpoint, stage: w.stage, index: w.index!, responses: w.responses, comments: [] } : null
}

// A store may map a touchpoint to another stage; show it where most of its answers were given.
function commonStage(list: SurveyResponse[], t: Touchpoint): Stage {
  const counts = new Map<Stage, number>()
  for (const r of list) counts.set(r.stage, (counts.get(r.stage) ?? 0) + 1)
  let best: Stage = DEFAULT_STAGE_MAP[t]
  for (const [stage, c] of counts) if (c > (counts.get(best) ?? 0)) best = stage
  return best
}

// Scores of different kinds compare on one 0–1 scale: NPS 0–10, CES 1–7, the rest 1–5.
const scaled = (r: SurveyResponse) => (r.kind === 'nps' ? r.score / 10 : r.kind === 'ces' ? (r.score - 1) / 6 : (r.score - 1) / 4)

function telling(list: SurveyResponse[]): Comment[] {
  return withComments(list).sort((a, b) => scaled(a) - scaled(b) || newestFirst(a, b)).slice(0, 3).map(toComment)
}

function recentComments(list: SurveyResponse[], limit: number): Comment[] {
  return withComments(list).sort(newestFirst).slice(0, limit).map(toComment)
}

const withComments = (list: SurveyResponse[]) => list.filter((r) => r.comment && r.comment.trim())
const newestFirst = (a: SurveyResponse, b: SurveyResponse) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)
const toComment = ({ id, at, stage, touchpoint, kind, score, emotion, comment, locale }: SurveyResponse): Comment =>
  ({ id, at, stage, touchpoint, kind, score, emotion, comment: comment!.trim(), locale })

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
const mean = (xs: number[]) => (xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length, 2) : null)
const pct = (part: number, whole: number) => (whole ? round((part / whole) * 100, 1) : null)
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits
