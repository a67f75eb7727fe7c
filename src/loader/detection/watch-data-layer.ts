import { observeDataLayer } from '../lib/observe-data-layer.js'
import { loadState, pageKey } from './page-key.js'
import { eventName, pageEventOf, pushedAt, readDataLayer } from './read-data-layer.js'

/* eslint-disable @typescript-eslint/no-explicit-any -- dataLayer is the store's array */

type OnEvent = (name: string, args: unknown) => void

/**
 * Sees every later `dataLayer.push` (GTM objects and gtag `arguments` alike), for stage
 * detection and as survey triggers: `onEvent(name, args)` gets the event name and its
 * parameters (the GTM object itself, or gtag's third argument). Listens through the widget's one
 * dataLayer hook (lib/observe-data-layer.ts), which creates `window.dataLayer` when absent and
 * keeps Google Tag Manager working whether it wraps before or after us. Events already in the
 * array are read by `detectStage` directly.
 *
 * Page-level events pushed after the page has loaded only describe the page if they are its
 * first (a single-page store) or a `purchase`: a `view_cart` from opening the mini-cart on a
 * product page stays an action. Call `detectStage` again from `onEvent` to pick them up.
 *
 * @example
 * const stop = watchDataLayer(window, (name) => { if (name == 'add_to_cart') maybeAsk() })
 */
export function watchDataLayer(win: Window, onEvent: OnEvent): () => void {
  loadState(win)
  return observeDataLayer(win, (entries: any[]) => {
    for (const entry of entries) {
      const page = pageEventOf(entry)
      if (page && entry && typeof entry == 'object')
        pushedAt.set(
          entry,
          win.document.readyState != 'complete' ||
            page == 'purchase' ||
            page == 'ecommerce.purchase' ||
            !readDataLayer(win, entries) // what the page said before this push
            ? pageKey(win)
            : '',
        )
    }
    for (const entry of entries) {
      const name = eventName(entry)
      if (typeof name == 'string' && !/^gtm\./.test(name))
        onEvent(name, entry && entry[0] == 'event' ? entry[2] : entry)
    }
  })
}
