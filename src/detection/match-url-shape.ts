import { NONE, rankIn, type Hit, type Rules } from './page-types'
import { routeOf } from './page-key'

// Indexed by rank (see RANK). Anchored paths that the platforms themselves generate, tested
// after the market / language prefix is removed (`/vi/products/…`, `/en-us/cart`). Shopify,
// Haravan and Sapo share the Liquid shapes; WooCommerce's include the Vietnamese slugs stores
// commonly choose; `/shop/<slug>` is a product on many stores, so only the shop root lists.
const SHAPES: Rules = [
  /^\/(\d+\/)?(checkouts?|thanh-toan)\/(.+\/)?(thank.?you|order-(received|confirmation)|success|dat-hang-thanh-cong)\/|^\/\d+\/orders\/|^\/finishorder\./,
  /^\/(\d+\/)?(checkouts?|thanh-toan)\/(?!cart\/)/,
  /^\/(cart|gio-hang|checkout\/cart)(\.php)?\//,
  /^\/(account|my-account|tai-khoan|customer|wishlist|login|sales\/order)(\.php)?\//,
  /^\/(search|tim-kiem|catalogsearch)(\.php)?\//,
  /^\/((collections\/[^/]+\/)?products|product|san-pham|catalog\/product\/view)\/[^/]+\//,
  /^\/((collections|product-(category|tag)|danh-muc(-san-pham)?|the-san-pham|catalog\/category|brands)\/|(shop|cua-hang)\/(page\/\d+\/)?$)/,
  /^\/policies\//,
  /^\/(blogs|tin-tuc)\//,
  /^\/pages\//,
  /^\/$/,
]

/** Query parameters that carry a search term across platforms (`q`, WordPress `s`, Sapo `query` …). */
export const SEARCH_QUERY = /[?&](q|s|query|keywords?|search_query)=/

/**
 * Platform URL shapes: Shopify (with market prefixes), Haravan/Sapo, WooCommerce (incl.
 * Vietnamese slugs), Magento 2, BigCommerce; `/` is the home page unless it carries a search.
 *
 * @example
 * // https://shop.example/en-us/collections/summer/products/linen-shirt
 * matchUrlShape(window) // → [5, 'url:path'] (product)
 */
export function matchUrlShape(w: Window): Hit | undefined {
  const rank = rankIn(SHAPES, routeOf(w).replace(/^\/[a-z]{2}(-[a-z]{2,4})?\//, '/'))
  if (rank < NONE && !(rank == 10 && SEARCH_QUERY.test(w.location.search))) return [rank, 'url:path']
}
