import { NONE, RANK, rankIn, type Hit, type Rules } from './page-types.js'
import { loadState, pageKey } from './page-key.js'

/* eslint-disable @typescript-eslint/no-explicit-any -- stores put anything in dataLayer */

// Keyed by rank (see RANK): GA4 events that describe the page being viewed, and Universal
// Analytics objects named `ecommerce.<key>`. Actions on a page (add_to_cart, remove_from_cart,
// select_item, add_to_wishlist …) are deliberately absent: they do not make a product page a cart.
const PAGE_EVENTS: Rules = {
  [RANK.confirmation]: /^(ecommerce\.)?purchase$/,
  [RANK.checkout]: /^(begin_checkout|add_(shipping|payment)_info|ecommerce\.checkout)$/,
  [RANK.cart]: /^view_cart$/,
  [RANK.account]: /^refund$/,
  [RANK.search]: /^view_search_results$/,
  [RANK.product]: /^(view_item|ecommerce\.detail)$/,
  [RANK.listing]: /^(view_item_list|ecommerce\.impressions)$/,
}

/** Where each event pushed after load was seen: its page key, or '' for a later action. */
export const pushedAt = new WeakMap<object, string>()

/**
 * The event name of a dataLayer entry in either shape: a gtag `arguments` object
 * (`['event', 'purchase', {…}]`) or a GTM object (`{ event: 'purchase', ecommerce: {…} }`).
 */
export const eventName = (entry: any): unknown => entry && (entry[0] == 'event' ? entry[1] : entry.event)

/**
 * The page-level event an entry stands for, normalised (`dl_view_item` from Elevar → `view_item`,
 * a UA `{ ecommerce: { detail } }` → `ecommerce.detail`), or undefined.
 */
export function pageEventOf(entry: any): string | undefined {
  const name = eventName(entry)
  const event = typeof name == 'string' ? name.replace(/^dl_/, '') : ''
  if (rankIn(PAGE_EVENTS, event) < NONE) return event
  const ecommerce = entry && entry.ecommerce
  if (ecommerce)
    for (const key of ['purchase', 'checkout', 'detail', 'impressions']) if (ecommerce[key]) return 'ecommerce.' + key
}

/**
 * The page GA4 / Universal Analytics ecommerce events in `window.dataLayer` describe, counting
 * only events seen on the current page: after a single-page navigation, the previous page's
 * `view_item` no longer decides. The most specific event wins (purchase over begin_checkout,
 * view_item over a related-products view_item_list). `skip`: entries to leave out (a push being
 * judged, to see what the page said before it).
 *
 * @example
 * // dataLayer.push({ ecommerce: null }, { event: 'purchase', ecommerce: { transaction_id: 'T1' } })
 * readDataLayer(window) // → [0, 'datalayer:purchase'] (confirmation)
 */
export function readDataLayer(w: Window, skip: unknown[] = []): Hit | undefined {
  const here = pageKey(w)
  const loadedAt = loadState(w)[0]
  let best: Hit | undefined
  for (const entry of (w as any).dataLayer || []) {
    const event = pageEventOf(entry)
    const rank = event ? rankIn(PAGE_EVENTS, event) : NONE
    if (
      rank < (best ? best[0] : NONE) &&
      skip.indexOf(entry) < 0 &&
      (pushedAt.has(entry) ? pushedAt.get(entry) : loadedAt) == here
    )
      best = [rank, 'datalayer:' + event]
  }
  return best
}
