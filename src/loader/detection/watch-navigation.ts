import { hookOnce, notify } from '../lib/hook-once.js'

/* eslint-disable @typescript-eslint/no-explicit-any -- history methods are replaced in place */

type OnChange = () => void

const hooked = new WeakMap<object, Set<OnChange>>()

/**
 * Calls `onChange` after each single-page navigation: `history.pushState` / `replaceState`
 * (wrapped once per window, chaining whatever was there), `popstate` and `hashchange`. The call
 * comes a tick later, once the new URL and DOM are in place, and bursts of navigation in one
 * tick come as one call. Returns a function that stops the calls.
 *
 * @example
 * const stop = watchNavigation(window, () => console.log(detectStage()))
 */
export function watchNavigation(win: Window, onChange: OnChange): () => void {
  try {
    const subscribers = hookOnce(hooked, win, (subscribers) => {
      let pending: unknown
      const changed = () => {
        pending =
          pending ||
          win.setTimeout(() => {
            pending = 0
            notify(subscribers)
          })
      }
      const history = win.history as any
      for (const method of ['pushState', 'replaceState']) {
        const original = history[method]
        if (typeof original == 'function')
          history[method] = function (this: unknown, ...args: unknown[]) {
            const result = original.apply(this, args)
            changed()
            return result
          }
      }
      win.addEventListener('popstate', changed)
      win.addEventListener('hashchange', changed)
    })
    subscribers.add(onChange)
    return () => subscribers.delete(onChange)
  } catch {
    return () => {}
  }
}
