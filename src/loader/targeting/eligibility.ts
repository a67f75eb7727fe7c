import type { Config } from '../../shared/options.js'
import type { SurveyPlan } from './plan.js'

/**
 * The short names the targeting state's fields have in storage (`tp:s`, on every visitor's
 * device), named once. A const enum: the build writes `state[STATE.bucket]` as `state.b`.
 */
export const enum STATE {
  lastAnswer = 'a',
  lastDismiss = 'd',
  shown = 's',
  answered = 'r',
  bucket = 'b',
  thisPage = 'p',
}

/** What is remembered about a visitor, stored as compact JSON under `tp:s`. Times in ms. */
export interface TargetingState {
  /** Last answer, any survey. */
  [STATE.lastAnswer]?: number
  /** Last dismiss, any survey. */
  [STATE.lastDismiss]?: number
  /** Last shown, per survey id. */
  [STATE.shown]: Record<string, number>
  /** Last answered, per survey id. */
  [STATE.answered]: Record<string, number>
  /** Visitor bucket 0–99, drawn once: sampling stays stable per visitor. */
  [STATE.bucket]: number
  /** Set in memory only: a survey already showed (or is opening) on this page view. */
  [STATE.thisPage]?: boolean
}

export type Rules = Pick<Config, 'sample' | 'cooldownDays' | 'dismissDays'>

const DAY = 864e5

/**
 * Whether `plan` may show now, and why (or why not). Pure: the caller loads and saves state.
 * One survey per page view; none for `cooldownDays` after an answer or `dismissDays` after a
 * dismiss; the same survey not again within its `recontactDays` (NPS 90, others 30); only for
 * visitors whose bucket falls under both `rules.sample` and `plan.sample`.
 *
 * @example
 * isEligible(plan, state, Date.now(), state[STATE.bucket], ctx.config) // → { eligible: false, reason: 'dismissed:1' } (a dismiss 1 day ago)
 */
export function isEligible(plan: SurveyPlan, state: TargetingState, now: number, visitorBucket: number, rules: Rules) {
  const days = (time: number | undefined) => (time == null ? Infinity : (now - time) / DAY)
  const recontact = plan.recontactDays! >= 0 ? plan.recontactDays! : plan.kind == 'nps' ? 90 : 30
  // Compact codes, `answered:13` = answered a survey 13 days ago: the diagnostics chunk words them.
  const reason = state[STATE.thisPage]
    ? 'page-view'
    : visitorBucket >= rules.sample || visitorBucket >= (plan.sample! >= 0 ? plan.sample! : 100)
      ? 'sample'
      : days(state[STATE.lastAnswer]) < rules.cooldownDays
        ? 'answered:' + (days(state[STATE.lastAnswer]) | 0)
        : days(state[STATE.lastDismiss]) < rules.dismissDays
          ? 'dismissed:' + (days(state[STATE.lastDismiss]) | 0)
          : days(state[STATE.shown][plan.id]) < recontact
            ? 'shown:' + (days(state[STATE.shown][plan.id]) | 0)
            : ''
  return { eligible: !reason, reason: reason || 'eligible' }
}
