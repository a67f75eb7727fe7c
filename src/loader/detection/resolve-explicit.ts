import type { Stage, Touchpoint } from '../../shared/types.js'
import { NONE, PAGE, RANK, pageTypeOf } from './page-types.js'
import { STAGES } from '../../shared/stage-map.js'

/** A page's place in the journey as the store stated it. `stage` is set when a stage name was given. */
export interface Explicit {
  touchpoint: Touchpoint
  stage?: Stage
}

// A stage name given explicitly stands for its most typical touchpoint, in STAGES order.
const TOUCHPOINT_OF_STAGE: Touchpoint[] = ['home', 'product', 'checkout', 'confirmation', 'account']

/**
 * Reads an explicit stage (`data-stage`, `setStage()`, `init({ stage })`): a touchpoint name, a
 * stage name, or a platform page-type name (BigCommerce `orderconfirmation`, Shopify
 * `collection`, `index` …). Returns `null` for anything else, so callers can warn and let
 * detection carry on.
 *
 * @example
 * resolveExplicit('cart') // → { touchpoint: 'cart' }
 * resolveExplicit('decision') // → { touchpoint: 'checkout', stage: 'decision' }
 * resolveExplicit('orderconfirmation') // → { touchpoint: 'confirmation' }
 * resolveExplicit('basket?') // → null
 */
export function resolveExplicit(value: unknown): Explicit | null {
  const name = typeof value == 'string' ? value.trim().toLowerCase() : ''
  const stage = STAGES.indexOf(name as Stage)
  if (stage >= 0) return { touchpoint: TOUCHPOINT_OF_STAGE[stage], stage: name as Stage }
  // RANK holds every touchpoint name, and `page`, which reads as `content` as a page type would.
  const rank = RANK.indexOf(name) < 0 ? pageTypeOf(name) : RANK.indexOf(name)
  return rank >= 0 && rank < NONE ? { touchpoint: RANK[rank == PAGE ? PAGE - 1 : rank] as Touchpoint } : null
}
