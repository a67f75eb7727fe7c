import type { Note } from '../shared/contract.js'
import type { Options } from '../shared/options.js'
import { parseOptions } from './config/parse-options.js'
import { createTouchpoint } from './core/create-touchpoint.js'
import type { Detection, TouchpointApi } from '../shared/types.js'
import { URL_WORDS } from '../shared/url-words.js'
import { importChunk } from './chunks/import-chunk.js'
import { detectStage as detectHere, type DetectOptions } from './detection/detect-stage.js'
import { addUrlWords } from './detection/match-url-words.js'

let instance: TouchpointApi | undefined

/**
 * Starts the widget from code (npm). Safe to import during server-side rendering: nothing touches
 * `window` until `init()` runs in a browser. A second call returns the first instance.
 *
 * @example
 * import { init } from 'touchpoint-survey'
 * const touchpoint = init({ endpoint: 'https://collect.example/r', locale: 'vi' })
 * touchpoint?.on('answer', (r) => console.log(r.kind, r.score))
 */
export function init(options: Options): TouchpointApi | undefined {
  if (typeof window == 'undefined') {
    console.warn('touchpoint: init() needs a browser; call it on the client')
    return undefined
  }
  if (instance) {
    console.warn('touchpoint: init() was already called; returning the running instance')
    return instance
  }
  // The CDN loader fetches other languages' URL words when the page needs them; a bundle has them.
  addUrlWords(window, URL_WORDS)
  const warnings: Note[] = []
  const config = parseOptions((options || {}) as unknown as Record<string, unknown>, false, (note) =>
    warnings.push(note),
  )
  return (instance = createTouchpoint(config, window, importChunk, warnings))
}

/**
 * Works out where the shopper is from the page itself (see the README, "How the stage is detected"):
 * explicit stage, platform globals and body classes, page names, URL shapes, dataLayer events,
 * structured data, URL words in every language the widget knows, else `other`. Safe to call
 * on its own, without `init()`.
 *
 * @example
 * import { detectStage } from 'touchpoint-survey'
 * detectStage() // → { stage: 'decision', touchpoint: 'cart', signal: 'shopify:pageType' }
 * detectStage(window, { stage: 'orderconfirmation' }) // → { stage: 'purchase', touchpoint: 'confirmation', signal: 'explicit' }
 */
export function detectStage(win?: Window, options?: DetectOptions): Detection {
  const w = win || (typeof window != 'undefined' ? window : undefined)
  if (w) addUrlWords(w, URL_WORDS)
  return detectHere(w, options)
}
