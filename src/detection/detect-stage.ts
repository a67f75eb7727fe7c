import type { Detection, Stage, Touchpoint } from '../types'
import { STAGES, TOUCHPOINTS, stageOf } from './stage-map'

export interface DetectOptions {
  /** Explicit touchpoint or stage (`data-stage`, `setStage()`); wins over every signal. */
  stage?: string | null
  stageMap?: Partial<Record<Touchpoint, Stage>>
}

// A stage name given explicitly stands for its most typical touchpoint.
const TOUCHPOINT_OF_STAGE: Record<Stage, Touchpoint> = {
  awareness: 'home',
  consideration: 'product',
  decision: 'checkout',
  purchase: 'confirmation',
  retention: 'account',
}

const URL_WORDS: [Touchpoint, RegExp][] = [
  ['confirmation', /order-received|thank-?you|success|dat-hang-thanh-cong|cam-on/],
  ['checkout', /checkouts?|thanh-toan/],
  ['cart', /cart|basket|bag|gio-hang/],
  ['account', /account|orders|tai-khoan|don-hang/],
  ['support', /contact|help|support|faq|returns|lien-he|ho-tro|doi-tra/],
  ['search', /search|tim-kiem/],
  ['product', /products?|item|p|san-pham/],
  ['listing', /category|collections?|shop|danh-muc/],
  ['content', /blogs?|news|article|tin-tuc|bai-viet/],
]

/**
 * Works out where the shopper is from the page itself.
 *
 * @example
 * detectStage() // → { stage: 'decision', touchpoint: 'cart', signal: 'url' }
 */
export function detectStage(win?: Window, options: DetectOptions = {}): Detection {
  const w = win || (typeof window != 'undefined' ? window : undefined)
  const explicit = options.stage
  let touchpoint: Touchpoint | undefined
  let signal = 'explicit'
  if (explicit) {
    touchpoint = TOUCHPOINTS.indexOf(explicit as Touchpoint) >= 0 ? (explicit as Touchpoint) : undefined
    if (!touchpoint && STAGES.indexOf(explicit as Stage) >= 0) {
      const stage = explicit as Stage
      return { stage, touchpoint: TOUCHPOINT_OF_STAGE[stage], signal }
    }
  }
  if (!touchpoint && w) {
    const segments = w.location.pathname.toLowerCase().split('/').filter(Boolean)
    signal = 'url'
    if (!segments.length) touchpoint = 'home'
    for (const [tp, words] of URL_WORDS) {
      if (touchpoint) break
      if (segments.some((s) => new RegExp('^(' + words.source + ')$').test(s))) touchpoint = tp
    }
  }
  if (!touchpoint) {
    touchpoint = 'other'
    signal = 'none'
  }
  return { stage: stageOf(touchpoint, options.stageMap), touchpoint, signal }
}
