import type { Touchpoint } from '../types'
import { RANK, type Hit } from './page-types'
import { loadState, pageKey } from './page-key'

/* eslint-disable @typescript-eslint/no-explicit-any -- stores put anything in dataLayer */

// GA4 events that describe the page being viewed. Actions on a page (add_to_cart,
// remove_from_cart, select_item, add_to_wishlist …) are deliberately absent: they do not
// make a product page a cart. Universal Analytics objects are named `ecommerce.<key>`.
const PAGE_EVENTS: Record<string, Touchpoint> = {
  __proto__: null as never,
  purchase: 'confirmation',
  'ecommerce.purchase': 'confirmation',
  begin_checkout: 'checkout',
  add_shipping_info: 'checkout',
  add_payment_info: 'checkout',
  'ecommerce.checkout': 'checkout',
  view_cart: 'cart',
  refund: 'account',
  view_search_results: 'search',
  view_item: 'product',
  'ecommerce.detail': 'product',
  view_item_list: 'listing',
  'ecommerce.impressions': 'listing',
}

/** Where each event pushed after load was seen: its page key, or '' for a later action. */
export const pushedAt = new WeakMap<object, string>()

/**
 * The event name of a dataLayer entry in either shape: a gtag `arguments` object
 * (`['event', 'purchase', {…}]`) or a GTM object (`{ event: 'purchase', ecommerce: {…} }`).
 */
export const eventName = (entry: any): string | undefined =>
  entry && typeof entry == 'object' ? (entry[0] == 'event' ? entry[1] : entry.event) : undefined

/**
 * The page-level event an entry stands for, normalised (`dl_view_item` from Elevar → `view_item`,
 * a UA `{ ecommerce: { detail } }` → `ecommerce.detail`), or undefined.
 */
export function pageEventOf(entry: any): string | undefined {
  const name = eventName(entry)
  const event = typeof name == 'string' ? name.replace(/^dl_/, '') : ''
  if (PAGE_EVENTS[event]) return event
  const ecommerce = entry && entry.ecommerce
  if (ecommerce && typeof ecommerce == 'object')
    for (const key of ['purchase', 'checkout', 'detail', 'impressions']) if (ecommerce[key]) return 'ecommerce.' + key
}

/**
 * The page GA4 / Universal Analytics ecommerce events in `window.dataLayer` describe, counting
 * only events seen on the current page: after a single-page navigation, the previous page's
 * `view_item` no longer decides. The most specific event wins (purchase over begin_checkout,
 * view_item over a related-products view_item_list).
 *
 * @example
 * // dataLayer.push({ ecommerce: null }, { event: 'purchase', ecommerce: { transaction_id: 'T1' } })
 * readDataLayer(window) // → ['confirmation', 'datalayer:purchase']
 */
export function readDataLayer(w: Window): Hit | undefined {
  const entries = (w as any).dataLayer
  if (!entries || !entries.length) return
  const here = pageKey(w)
  const loadedAt = loadState(w)[0]
  let best: string | undefined
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]
    const name = pageEventOf(entry)
    const at = name && (pushedAt.has(entry) ? pushedAt.get(entry) : loadedAt)
    if (at == here && (!best || RANK.indexOf(PAGE_EVENTS[name!]) < RANK.indexOf(PAGE_EVENTS[best]))) best = name
  }
  if (best) return [PAGE_EVENTS[best], 'datalayer:' + best]
}
