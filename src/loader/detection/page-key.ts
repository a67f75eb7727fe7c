/**
 * Which page the shopper is on, as far as a single-page store is concerned: the path plus a
 * hash route (`#/cart`, `#!/p/1`). Query changes (`?variant=`, `?page=2`, `?step=`) and plain
 * anchors (`#reviews`, Magento's `#payment`) stay on the same page.
 */
export const pageKey = (w: Window) => keyOf(w.location)

/** Where a URL points, as far as detection cares: a `Location` or a parsed `URL`. */
export type Place = Pick<Location, 'pathname' | 'hash' | 'search'>

const keyOf = ({ pathname, hash }: Place) => pathname + (/^#!?\//.test(hash) ? hash : '')

// Per window: [page key at load, what the load-time markers said while still on that page].
const loads = new WeakMap<Window, string[]>()

/**
 * Remembers the page the document was loaded at. Platform globals and body classes are printed
 * by the server for that page only: after a single-page navigation they are trusted again only
 * once they change. Returns [load page key, markers at load].
 */
export function loadState(w: Window, markers?: string): string[] {
  let state = loads.get(w)
  if (!state) loads.set(w, (state = [pageKey(w), '']))
  // Keep refreshing while still on the load page: a script in <head> runs before <body> exists.
  if (markers != null && state[0] == pageKey(w)) state[1] = markers
  return state
}

/**
 * The route as one lower-case path ending in `/`: pathname plus hash route, so that hash-routed
 * stores (`/#/cart`) read like the others.
 *
 * @example
 * routeOf(window.location) // on https://shop.example/Collections/Sale#/x → '/collections/sale/x/'
 */
export const routeOf = (at: Place) => (keyOf(at).replace(/#!?/, '') + '/').replace(/\/+/g, '/').toLowerCase()
