import type { Detection, Stage, Touchpoint } from '../types'
import { loadState, pageKey } from './page-key'
import type { Hit } from './page-types'
import { matchUrlShape } from './match-url-shape'
import { matchUrlWords } from './match-url-words'
import { readBodyClass } from './read-body-class'
import { readDataLayer } from './read-data-layer'
import { readGlobals } from './read-globals'
import { readStructuredData } from './read-structured-data'
import { resolveExplicit } from './resolve-explicit'
import { stageOf } from './stage-map'

export interface DetectOptions {
  /** Explicit touchpoint or stage (`data-stage`, `setStage()`); wins over every signal. */
  stage?: string | null
  stageMap?: Partial<Record<Touchpoint, Stage>>
}

/** `data-stage` printed on `<html>` or `<body>` by a template (e.g. BigCommerce `{{page_type}}`). */
const readDataStage = (w: Window): Hit | undefined => {
  const doc = w.document
  const explicit = resolveExplicit(doc.documentElement.getAttribute('data-stage') || (doc.body && doc.body.getAttribute('data-stage')))
  if (explicit) return [explicit.touchpoint, 'data-stage']
}

const attempt = (read: (w: Window) => Hit | undefined, w: Window) => {
  try {
    return read(w)
  } catch {
    /* a foreign global or odd markup must never break the store */
  }
}

/**
 * Works out where the shopper is from the page itself. Signals, strongest first: the explicit
 * stage, `data-stage` on `<html>`/`<body>`, platform globals, platform body classes, platform
 * URL shapes, dataLayer ecommerce events, structured data, URL words; else `other`. A generic
 * CMS page (`page`, an article's markup) is `content` only when no weaker signal is more precise.
 *
 * @example
 * detectStage() // → { stage: 'decision', touchpoint: 'cart', signal: 'shopify:pageType' }
 * detectStage(window, { stage: 'orderconfirmation' }) // → { stage: 'purchase', touchpoint: 'confirmation', signal: 'explicit' }
 */
export function detectStage(win?: Window, options: DetectOptions = {}): Detection {
  const w = win || (typeof window != 'undefined' ? window : undefined)
  const explicit = resolveExplicit(options.stage)
  let hit: Hit | undefined = explicit ? [explicit.touchpoint, 'explicit'] : undefined
  let weak: Hit | undefined
  if (!hit && w) {
    const globals = attempt(readGlobals, w)
    const classes = attempt(readBodyClass, w)
    // Printed by the server for the page that was loaded: after a single-page navigation they
    // speak for the new page only once the store has updated them.
    const markers = '' + globals + classes
    const load = loadState(w, markers)
    const stale = load[0] != pageKey(w) && load[1] == markers
    const tiers = [readDataStage, () => !stale && globals, () => !stale && classes, matchUrlShape, readDataLayer, readStructuredData, matchUrlWords]
    for (const read of tiers) {
      hit = attempt(read as (w: Window) => Hit | undefined, w)
      if (hit && hit[0] == 'page') weak = weak || hit
      else if (hit) break
    }
  }
  const [found, signal] = hit || weak || ['other', 'none']
  const touchpoint = found == 'page' ? 'content' : found
  return { stage: (explicit && explicit.stage) || stageOf(touchpoint, options.stageMap), touchpoint, signal }
}
