import { hookOnce, notify } from './hook-once.js'
import { loadState, pageKey } from './page-key.js'
import { eventName, pageEventOf, pushedAt, readDataLayer } from './read-data-layer.js'

/* eslint-disable @typescript-eslint/no-explicit-any -- dataLayer is the store's array */

type OnEvent = (name: string, args: unknown) => void

const hooked = new WeakMap<object, Set<OnEvent>>()

/**
 * Sees every later `dataLayer.push` (GTM objects and gtag `arguments` alike), for stage
 * detection and as survey triggers: `onEvent(name, args)` gets the event name and its
 * parameters (the GTM object itself, or gtag's third argument). Creates `window.dataLayer` when
 * absent and chains whatever `push` is there, so Google Tag Manager keeps working whether it
 * wraps before or after us. Events already in the array are read by `detectStage` directly.
 *
 * Page-level events pushed after the page has loaded only describe the page if they are its
 * first (a single-page store) or a `purchase`: a `view_cart` from opening the mini-cart on a
 * product page stays an action. Call `detectStage` again from `onEvent` to pick them up.
 *
 * @example
 * const stop = watchDataLayer(window, (name) => { if (name == 'add_to_cart') maybeAsk() })
 */
export function watchDataLayer(win: Window, onEvent: OnEvent): () => void {
  try {
    const w = win as any
    const dataLayer = (w.dataLayer = w.dataLayer || [])
    if (typeof dataLayer.push != 'function') return () => {}
    loadState(win)
    const subscribers = hookOnce(hooked, dataLayer, (subscribers) => {
      const push = dataLayer.push
      dataLayer.push = function (this: unknown, ...items: any[]) {
        try {
          for (const item of items) {
            const page = pageEventOf(item)
            if (page && item && typeof item == 'object')
              pushedAt.set(
                item,
                w.document.readyState != 'complete' ||
                  page == 'purchase' ||
                  page == 'ecommerce.purchase' ||
                  !readDataLayer(win)
                  ? pageKey(win)
                  : '',
              )
          }
        } catch {
          /* never let our bookkeeping break the store's push */
        }
        const result = push.apply(this, items)
        for (const item of items) {
          const name = eventName(item)
          if (typeof name == 'string' && !/^gtm\./.test(name))
            notify(subscribers, name, item && item[0] == 'event' ? item[2] : item)
        }
        return result
      }
    })
    subscribers.add(onEvent)
    return () => subscribers.delete(onEvent)
  } catch {
    return () => {}
  }
}
