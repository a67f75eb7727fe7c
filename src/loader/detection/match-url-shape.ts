import { NONE, rankIn, type Hit, type Rules } from './page-types.js'
import { routeOf, type Place } from './page-key.js'

// Indexed by rank (see RANK). Anchored paths that the platforms themselves generate, tested
// after the market / language prefix is removed (`/vi/products/…`, `/en-us/cart`). Shopify,
// Haravan and Sapo share the Liquid shapes; WooCommerce's include the Vietnamese slugs stores
// commonly choose; `/shop/<slug>` is a product on many stores, so only the shop root lists.
// Also Wix (`/product-page/`, `/cart-page`, `/thank-you-page/`), Odoo (`/shop/<slug>-<id>`,
// `/shop/cart`, `/shop/payment`, `/shop/confirmation`), nopCommerce
// (`/onepagecheckout`, `/checkout/completed/<id>`), Shopware (`/checkout/finish`), Ecwid clean
// URLs (`/shop/Tee-p123`, `/shop/Shirts-c45`). Shopify `/policies/` and `/pages/` are generic
// pages: URL words tell a refund policy (support) from a privacy policy (content).
const SHAPES: Rules = [
  /^\/(\d+\/)?(checkouts?|thanh-toan|shop)\/(.+\/)?(thank.?you|order-(received|confirmation)|success|finish|completed?|confirmation|dat-hang-thanh-cong)\/|^\/\d+\/orders\/|^\/finishorder\.|^\/thank-you-page\//,
  /^\/((\d+\/)?(checkouts?|thanh-toan)\/(?!cart\/)|shop\/(address|payment|extra-info)\/|onepagecheckout\/)/,
  /^\/(cart|gio-hang|checkout\/cart|shop\/cart|cart-page)(\.php)?\//,
  /^\/(account|my-account|tai-khoan|customer|wishlist|login|sales\/order)(\.php)?\//,
  /^\/(search(-results)?|tim-kiem|catalogsearch)(\.php)?\//,
  /^\/((collections\/[^/]+\/)?products|product|san-pham|catalog\/product\/view|product-page)\/[^/]+\/|^\/shop\/(?!category\/|page\/)[^/]+-(p?\d+)\/$/,
  /^\/((collections|product-(category|tag)|danh-muc(-san-pham)?|the-san-pham|catalog\/category|brands|shop\/category)\/|(shop|cua-hang)\/(page\/\d+\/)?$|(shop|store)\/[^/]+-c\d+\/$)/,
  ,
  /^\/(blogs|tin-tuc)\//,
  /^\/(pages|policies)\//,
  /^\/$/,
]

/** Query parameters that carry a search term across platforms (`q`, WordPress `s`, Sapo `query`, Shopware `search` …). */
export const SEARCH_QUERY = /[?&](q|s|query|keywords?|search(_query)?)=/

/**
 * Platform URL shapes: Shopify (with market prefixes), Haravan/Sapo, WooCommerce (incl.
 * Vietnamese slugs), Magento 2, BigCommerce, Wix, Odoo, nopCommerce, Shopware, Ecwid; `/` is
 * the home page unless it carries a search. `at` is another URL to read (the canonical one).
 *
 * @example
 * // https://shop.example/en-us/collections/summer/products/linen-shirt
 * matchUrlShape(window) // → [5, 'url:path'] (product)
 */
export function matchUrlShape(w: Window, at: Place = w.location): Hit | undefined {
  const rank = rankIn(
    SHAPES,
    routeOf(at)
      .replace(/_/g, '-')
      .replace(/^\/[a-z]{2}(-[a-z]{2,4})?\//, '/'),
  )
  if (rank < NONE && !(rank == 10 && SEARCH_QUERY.test(at.search))) return [rank, 'url:path']
}
