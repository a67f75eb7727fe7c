import { EMOTIONS as EMOTION_LABELS, RANGE as SCORE_SCALES } from '../shared/vocabulary.js'
import { meanInterval, moments, npsInterval, SMALL_N, wilson, type Interval } from './stats/intervals.js'
import type { Emotion, SurveyKind } from '../shared/types.js'

/** Answers of one kind with one score: every figure follows from a list of these. */
export interface Tally {
  kind: SurveyKind
  score: number
  n: number
}

/** Fewest answers (of CSAT, NPS and emotion together) before a group gets a satisfaction index. */
export const MIN_N = 5

/** CSAT (1–5): mean with its 95% interval, and the share answering 4 or 5 with its Wilson interval (in %). */
export interface CsatFigures {
  avg: number | null
  n: number
  ci: Interval | null
  satisfied: number
  satisfied_pct: number | null
  satisfied_ci: Interval | null
}
/** NPS (0–10): % promoters (9–10) − % detractors (0–6), −100…100, its standard error and 95% interval. */
export interface NpsFigures {
  score: number | null
  se: number | null
  ci: Interval | null
  promoters: number
  passives: number
  detractors: number
  n: number
}
/** Emotion faces: how many chose each, the mean score (1–5) and its 95% interval. */
export type EmotionFigures = Record<Emotion, number> & { n: number; avg: number | null; ci: Interval | null }
/** Customer effort (1 very difficult … 7 very easy): mean and 95% interval; not part of the index. */
export interface CesFigures {
  avg: number | null
  n: number
  ci: Interval | null
}

export interface Figures {
  responses: number
  csat: CsatFigures
  nps: NpsFigures
  emotion: EmotionFigures
  ces: CesFigures
  /**
   * Satisfaction index 0–100: the mean of every CSAT, NPS and emotion answer on one 0–1 scale
   * (`scaled`), times 100, with its 95% interval; null below `MIN_N` such answers.
   */
  index: number | null
  index_ci: Interval | null
  /** How many answers the index rests on. */
  index_n: number
  /** The index rests on fewer than 30 answers: read it as a hint. */
  few: boolean
}

/**
 * One answer on the common 0–1 scale the index and the weakest touchpoint use: CSAT and emotion
 * (score − 1) / 4, NPS score / 10. CES is left out: a low CES means effort, not displeasure, and
 * checkout is where it is asked, so it would weigh on one touchpoint alone.
 */
export const scaled = (kind: SurveyKind, score: number): number | null =>
  kind === 'nps' ? score / 10 : kind === 'csat' || kind === 'emotion' ? (score - 1) / 4 : null

/** The (scaled score, count) pairs of the answers that make up the index. */
export function indexTally(tallies: readonly Tally[]): [number, number][] {
  const pairs: [number, number][] = []
  for (const t of tallies) {
    const x = scaled(t.kind, t.score)
    if (x !== null) pairs.push([x, t.n])
  }
  return pairs
}

/**
 * The figures of any group of answers, from counts per kind and score.
 *
 * @example
 * figuresOf([{ kind: 'csat', score: 5, n: 8 }, { kind: 'csat', score: 2, n: 2 }]).csat.satisfied_ci // → [49, 94.3]
 */
export function figuresOf(tallies: readonly Tally[]): Figures {
  const of = (kind: SurveyKind) => tallies.filter((t) => t.kind === kind).map((t) => [t.score, t.n] as [number, number])
  const count = (pairs: [number, number][], keep: (score: number) => boolean = () => true) =>
    pairs.reduce((total, [score, n]) => total + (keep(score) ? n : 0), 0)

  const csatPairs = of('csat')
  const csatN = count(csatPairs)
  const satisfied = count(csatPairs, (s) => s >= 4)
  const csat: CsatFigures = {
    ...meanOf(csatPairs, SCORE_SCALES.csat),
    satisfied,
    satisfied_pct: csatN ? round((satisfied / csatN) * 100, 1) : null,
    satisfied_ci: percent(wilson(satisfied, csatN)),
  }

  const npsPairs = of('nps')
  const promoters = count(npsPairs, (s) => s >= 9)
  const detractors = count(npsPairs, (s) => s <= 6)
  const npsN = count(npsPairs)
  const exact = npsInterval(promoters, npsN - promoters - detractors, detractors)
  const nps: NpsFigures = {
    score: exact.score === null ? null : Math.round(exact.score),
    se: exact.se === null ? null : round(exact.se, 2),
    ci: roundPair(exact.ci, 1),
    promoters,
    passives: npsN - promoters - detractors,
    detractors,
    n: npsN,
  }

  const emotionPairs = of('emotion')
  const emotion = { ...meanOf(emotionPairs, SCORE_SCALES.emotion) } as EmotionFigures
  EMOTION_LABELS.forEach((label, i) => (emotion[label] = count(emotionPairs, (s) => s === i + 1)))

  const ces: CesFigures = meanOf(of('ces'), SCORE_SCALES.ces)

  const pairs = indexTally(tallies)
  const index = moments(pairs)
  const hasIndex = index.n >= MIN_N
  return {
    responses: tallies.reduce((total, t) => total + t.n, 0),
    csat,
    nps,
    emotion,
    ces,
    index: hasIndex ? round(index.mean * 100, 1) : null,
    index_ci: hasIndex ? roundPair(scaleBy(meanInterval(pairs, [0, 1]), 100), 1) : null,
    index_n: index.n,
    few: index.n < SMALL_N,
  }
}

function meanOf(pairs: [number, number][], scale: readonly [number, number]) {
  const { n, mean } = moments(pairs)
  return { avg: n ? round(mean, 2) : null, n, ci: roundPair(meanInterval(pairs, scale), 2) }
}

const scaleBy = (pair: Interval | null, factor: number): Interval | null =>
  pair ? [pair[0] * factor, pair[1] * factor] : null
const percent = (pair: Interval | null) => roundPair(scaleBy(pair, 100), 1)
const roundPair = (pair: Interval | null, digits: number): Interval | null =>
  pair ? [round(pair[0], digits), round(pair[1], digits)] : null
export const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits
