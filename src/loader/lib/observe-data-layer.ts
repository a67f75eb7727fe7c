import { hookOnce, notify } from './hook-once.js'

/* eslint-disable @typescript-eslint/no-explicit-any -- dataLayer is the store's array */

/** Hears the entries of one `dataLayer.push` call, once the store's push has taken them. */
export type OnPush = (entries: unknown[]) => void

const hooked = new WeakMap<object, Set<OnPush>>()

/**
 * The widget's one hook on `window.dataLayer`: detection and consent both listen through it.
 * `push` is wrapped once per dataLayer array, however many listeners there are, chaining
 * whatever `push` is there, so Google Tag Manager keeps working whether it wraps before or after
 * us. Creates `window.dataLayer` when absent. With `replay`, `onPush` first hears the entries
 * already in the array, in one call. A listener that throws reaches neither the store's push
 * nor the other listeners; a push that cannot be replaced (frozen) is left alone and only the
 * replay is heard. Returns a function that stops listening.
 *
 * @example
 * observeDataLayer(window, (entries) => entries.forEach(readConsent), true)
 */
export function observeDataLayer(win: Window, onPush: OnPush, replay?: boolean): () => void {
  let listeners: Set<OnPush> | undefined
  try {
    const w = win as any
    const dataLayer = (w.dataLayer = w.dataLayer || [])
    // What the page pushed before we came (a Consent Mode default in the page's head).
    if (replay) notify(new Set([onPush]), dataLayer)
    const push = dataLayer.push
    if (typeof push == 'function')
      listeners = hookOnce(hooked, dataLayer, (all) => {
        dataLayer.push = function (this: unknown, ...entries: unknown[]) {
          const result = push.apply(this, entries)
          notify(all, entries)
          return result
        }
      }).add(onPush)
  } catch {
    /* a dataLayer we may not read or wrap: no later pushes are heard */
  }
  return () => listeners && listeners.delete(onPush)
}
