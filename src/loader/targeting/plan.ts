import type { SurveyPlan, Trigger } from '../../shared/contract.js'
import type { SurveyKind } from '../../shared/types.js'

// The plan's types are part of the contract: a store's own plan is parsed by the surveys chunk.
export type { SurveyPlan, Trigger }

const plan = (kind: SurveyKind, on: SurveyPlan['on'], trigger: Trigger): SurveyPlan => ({ id: kind, kind, on, trigger })

/**
 * The plan used when `surveys` is not set, already parsed: most stores never set one, so the
 * parser (the surveys chunk, src/surveys/) stays off their pages. Written in the `data-surveys`
 * syntax it reads `confirmation:csat@delay=3s; account:nps@delay=5s;
 * product:emotion@dwell=45s; product,cart:emotion@exit; checkout:ces@exit` (a test holds the
 * two together); NPS asks again after 90 days, its default recontact period (eligibility.ts). Checkout only ever asks on exit intent: a survey must not stand between a
 * shopper and paying.
 *
 * @example
 * startTargeting(deps, open) // with deps.config.surveys === null follows DEFAULT_PLANS
 */
export const DEFAULT_PLANS: SurveyPlan[] = [
  plan('csat', ['confirmation'], { delay: 3000 }),
  plan('nps', ['account'], { delay: 5000 }),
  plan('emotion', ['product'], { dwell: 45000 }),
  plan('emotion', ['product', 'cart'], { exit: true }),
  plan('ces', ['checkout'], { exit: true }),
]

/** The trigger's type and value, e.g. `['delay', 3000]`. */
export const triggerOf = (t: Trigger) => Object.entries(t)[0] as [keyof UnionKeys, number | string | true]

type UnionKeys = { delay: 0; dwell: 0; scroll: 0; exit: 0; event: 0; track: 0; click: 0 }
