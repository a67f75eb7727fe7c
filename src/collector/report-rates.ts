import { TOUCHPOINTS } from '../shared/vocabulary.js'
import { round } from './report-figures.js'
import type { DisplayCount } from './storage/index.js'
import { wilson, SMALL_N, type Interval } from './stats/intervals.js'
import type { TallyRow } from './storage/index.js'
import type { Stage, Touchpoint } from '../shared/types.js'

/** Below this response rate, the answers speak for a small, self-selected share of the shoppers asked. */
export const LOW_RATE = 0.1

/** Why a figure deserves caution: few answers, or a low response rate (self-selection). */
export type Caution = 'few-answers' | 'low-response-rate'

export interface Rate {
  shown: number
  dismissed: number
  /** Answers that name a shown display (sent by widgets that send displays). */
  answered: number
  /** answered / shown, 0–1, with its Wilson 95% interval; null before any display. */
  rate: number | null
  ci: Interval | null
  cautions: Caution[]
}
export interface SurveyRate extends Rate {
  stage: Stage
  touchpoint: Touchpoint
  survey: string
}
export interface TouchpointRate extends Rate {
  stage: Stage
  touchpoint: Touchpoint
}
export interface StageRate extends Rate {
  stage: Stage
}

export interface Rates {
  overall: Rate
  stages: StageRate[]
  touchpoints: TouchpointRate[]
  surveys: SurveyRate[]
}

/**
 * Shown, dismissed and answered per survey, touchpoint and stage, with the response rate.
 * `answered` counts answers per stage, touchpoint and survey that name a display.
 */
export function ratesOf(
  displays: readonly DisplayCount[],
  answered: readonly TallyRow[],
  stages: readonly Stage[],
): Rates {
  const surveys = new Map<
    string,
    { stage: Stage; touchpoint: Touchpoint; survey: string; shown: number; dismissed: number; answered: number }
  >()
  const entry = (stage: string, touchpoint: string, survey: string) => {
    const key = `${stage} ${touchpoint} ${survey}`
    let found = surveys.get(key)
    if (!found) {
      found = {
        stage: stage as Stage,
        touchpoint: touchpoint as Touchpoint,
        survey,
        shown: 0,
        dismissed: 0,
        answered: 0,
      }
      surveys.set(key, found)
    }
    return found
  }
  for (const d of displays) entry(d.stage, d.touchpoint, d.survey)[d.event] += d.n
  for (const a of answered) entry(String(a.stage), String(a.touchpoint), String(a.survey)).answered += a.n

  const order = (t: string) => TOUCHPOINTS.indexOf(t as Touchpoint)
  const all = [...surveys.values()].sort(
    (a, b) => order(a.touchpoint) - order(b.touchpoint) || (a.survey < b.survey ? -1 : a.survey > b.survey ? 1 : 0),
  )
  const sumOf = (list: typeof all): Rate =>
    rate(
      list.reduce((s, r) => s + r.shown, 0),
      list.reduce((s, r) => s + r.dismissed, 0),
      list.reduce((s, r) => s + r.answered, 0),
    )
  const touchpoints = [...new Set(all.map((r) => `${r.stage} ${r.touchpoint}`))].map((key) => {
    const [stage, touchpoint] = key.split(' ') as [Stage, Touchpoint]
    return { stage, touchpoint, ...sumOf(all.filter((r) => r.stage === stage && r.touchpoint === touchpoint)) }
  })
  return {
    overall: sumOf(all),
    stages: stages.map((stage) => ({ stage, ...sumOf(all.filter((r) => r.stage === stage)) })),
    touchpoints,
    surveys: all.map(({ stage, touchpoint, survey, shown, dismissed, answered }) => ({
      stage,
      touchpoint,
      survey,
      ...rate(shown, dismissed, answered),
    })),
  }
}

function rate(shown: number, dismissed: number, answered: number): Rate {
  // An answer can outlive its display in the range (shown on the 31st, answered on the 1st):
  // the rate never passes 100 %.
  const counted = Math.min(answered, shown)
  const share = shown ? counted / shown : null
  const cautions: Caution[] = []
  if (shown && answered < SMALL_N) cautions.push('few-answers')
  if (share !== null && share < LOW_RATE) cautions.push('low-response-rate')
  const ci = wilson(counted, shown)
  return {
    shown,
    dismissed,
    answered,
    rate: share === null ? null : round(share, 4),
    ci: ci && [round(ci[0], 4), round(ci[1], 4)],
    cautions,
  }
}
