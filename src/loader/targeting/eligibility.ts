import type { Config } from '../../shared/options.js'
import type { SurveyPlan } from './plan.js'

/** What is remembered about a visitor, stored as compact JSON under `tp:s`. Times in ms. */
export interface TargetingState {
  /** Last answer, any survey. */
  a?: number
  /** Last dismiss, any survey. */
  d?: number
  /** Last shown, per survey id. */
  s: Record<string, number>
  /** Last answered, per survey id. */
  r: Record<string, number>
  /** Visitor bucket 0–99, drawn once: sampling stays stable per visitor. */
  b: number
  /** Set in memory only: a survey already showed (or is opening) on this page view. */
  p?: boolean
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
 * isEligible(plan, state, Date.now(), state.b, ctx.config) // → { eligible: false, reason: 'dismissed:1' } (a dismiss 1 day ago)
 */
export function isEligible(plan: SurveyPlan, state: TargetingState, now: number, visitorBucket: number, rules: Rules) {
  const days = (t: number | undefined) => (t == null ? Infinity : (now - t) / DAY)
  const recontact = plan.recontactDays! >= 0 ? plan.recontactDays! : plan.kind == 'nps' ? 90 : 30
  // Compact codes, `answered:13` = answered a survey 13 days ago: the diagnostics chunk words them.
  const reason = state.p
    ? 'page-view'
    : visitorBucket >= rules.sample || visitorBucket >= (plan.sample! >= 0 ? plan.sample! : 100)
      ? 'sample'
      : days(state.a) < rules.cooldownDays
        ? 'answered:' + (days(state.a) | 0)
        : days(state.d) < rules.dismissDays
          ? 'dismissed:' + (days(state.d) | 0)
          : days(state.s[plan.id]) < recontact
            ? 'shown:' + (days(state.s[plan.id]) | 0)
            : ''
  return { eligible: !reason, reason: reason || 'eligible' }
}
