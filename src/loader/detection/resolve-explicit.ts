import type { Stage, Touchpoint } from '../../shared/types.js'
import { NONE, pageTypeOf, rankOf, touchpointOf } from './page-types.js'
import { STAGES } from '../../shared/vocabulary.js'

/** A page's place in the journey as the store stated it. `stage` is set when a stage name was given. */
export interface Explicit {
  touchpoint: Touchpoint
  stage?: Stage
}

// A stage name given explicitly stands for its most typical touchpoint.
const TOUCHPOINT_OF_STAGE: Record<Stage, Touchpoint> = {
  awareness: 'home',
  consideration: 'product',
  decision: 'checkout',
  purchase: 'confirmation',
  retention: 'account',
}

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
  if (STAGES.indexOf(name as Stage) >= 0)
    return { touchpoint: TOUCHPOINT_OF_STAGE[name as Stage], stage: name as Stage }
  // RANK names every touchpoint, and `page`, which reads as `content` as a page type would.
  const rank = rankOf(name) < 0 ? pageTypeOf(name) : rankOf(name)
  return rank < NONE ? { touchpoint: touchpointOf(rank) } : null
}
