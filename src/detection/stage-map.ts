import type { Stage, Touchpoint } from '../types'

export const TOUCHPOINTS: Touchpoint[] = [
  'home', 'listing', 'search', 'product', 'cart', 'checkout', 'confirmation', 'account', 'support', 'content', 'other',
]

export const STAGES: Stage[] = ['awareness', 'consideration', 'decision', 'purchase', 'retention']

/** The default journey: which stage each touchpoint belongs to (product.md). */
export const DEFAULT_STAGE_MAP: Record<Touchpoint, Stage> = {
  home: 'awareness',
  content: 'awareness',
  other: 'awareness',
  listing: 'consideration',
  search: 'consideration',
  product: 'consideration',
  cart: 'decision',
  checkout: 'decision',
  confirmation: 'purchase',
  account: 'retention',
  support: 'retention',
}

/** The stage of a touchpoint under the store's mapping overrides. */
export const stageOf = (touchpoint: Touchpoint, overrides?: Partial<Record<Touchpoint, Stage>>): Stage =>
  (overrides && overrides[touchpoint]) || DEFAULT_STAGE_MAP[touchpoint]
