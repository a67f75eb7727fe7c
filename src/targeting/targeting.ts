import type { Context } from '../core/context'
import type { SurveyKind } from '../types'

export interface SurveyPlan { id: string; kind: SurveyKind }
export interface Targeting {
  restart(): void
  track(name: string): void
  dataLayerEvent(name: string): void
  outcome(survey: string, what: 'show' | 'answer' | 'dismiss'): void
}

// Interim: replaced by the targeting engine (issue 6).
export function startTargeting(_ctx: Context, _open: (plan: SurveyPlan, trigger: string) => void): Targeting {
  return { restart() {}, track() {}, dataLayerEvent() {}, outcome() {} }
}
