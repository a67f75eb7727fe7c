import type { Stage, SurveyKind, Touchpoint } from '../../shared/types.js'

/**
 * What makes a survey due, one key per trigger: `{ delay: 3000 }` (ms after the page view),
 * `{ dwell: 45000 }` (ms the page has been visible), `{ scroll: 50 }` (percent of the page),
 * `{ exit: true }` (exit intent), `{ event: 'add_to_cart' }` (a dataLayer event),
 * `{ track: 'chat_closed' }` (`touchpoint('track', name)`), `{ click: '.size-guide' }`.
 */
export type Trigger =
  | { delay: number }
  | { dwell: number }
  | { scroll: number }
  | { exit: true }
  | { event: string }
  | { track: string }
  | { click: string }

/** One line of the plan: which survey, where, and when. */
export interface SurveyPlan {
  /** Survey id sent with each answer; defaults to the kind. Frequency caps count per id. */
  id: string
  kind: SurveyKind
  /** Touchpoints or stages it may show on. */
  on: (Touchpoint | Stage)[]
  trigger: Trigger
  /** Percent of visitors (0–100), stable per visitor, on top of `config.sample`. */
  sample?: number
  /** Days before the same survey may show again. Default 90 for NPS, 30 otherwise. */
  recontactDays?: number
}

/**
 * Used when `surveys` is not set, in the `data-surveys` syntax: the parser ships in the loader
 * anyway, and the string is a third of the size of the same plan as objects. Checkout only ever
 * asks on exit intent: a survey must not stand between a shopper and paying.
 *
 * @example
 * startTargeting(ctx, open) // with ctx.config.surveys === null follows DEFAULT_SURVEYS
 */
export const DEFAULT_SURVEYS =
  'confirmation:csat@delay=3s;account:nps@delay=5s/recontact=90;product:emotion@dwell=45s;product,cart:emotion@exit;checkout:ces@exit'

/** The trigger's type and value, e.g. `['delay', 3000]`. */
export const triggerOf = (t: Trigger) => Object.entries(t)[0] as [keyof UnionKeys, number | string | true]

/** The trigger as debug notes name it: `delay=3000`, `exit`, `event=add_to_cart`. */
export const describeTrigger = (t: Trigger) => {
  const [type, value] = triggerOf(t)
  return type + (value === true ? '' : '=' + value)
}

type UnionKeys = { delay: 0; dwell: 0; scroll: 0; exit: 0; event: 0; track: 0; click: 0 }
