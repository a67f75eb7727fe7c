import type { Stage, Touchpoint } from './types.js'

export const TOUCHPOINTS: Touchpoint[] = [
  'home',
  'listing',
  'search',
  'product',
  'cart',
  'checkout',
  'confirmation',
  'account',
  'support',
  'content',
  'other',
]

export const STAGES: Stage[] = ['awareness', 'consideration', 'decision', 'purchase', 'retention']

/**
 * The default journey: which stage each touchpoint belongs to (product.md): home, content and
 * other → awareness; listing, search, product → consideration; cart, checkout → decision;
 * confirmation → purchase; account, support → retention. Stored as one digit (an index in
 * STAGES) per touchpoint, in TOUCHPOINTS order, which is a fifth of the bytes of the object.
 */
export const DEFAULT_STAGE_MAP = Object.fromEntries(
  TOUCHPOINTS.map((touchpoint, i) => [touchpoint, STAGES[+'01112234400'[i]]]),
) as Record<Touchpoint, Stage>

/** The stage of a touchpoint under the store's mapping overrides. */
export const stageOf = (touchpoint: Touchpoint, overrides?: Partial<Record<Touchpoint, Stage>>): Stage =>
  (overrides && overrides[touchpoint]) || DEFAULT_STAGE_MAP[touchpoint]
