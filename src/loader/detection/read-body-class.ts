import { NONE, RANK, pageTypeOf, rankIn, type Hit, type Rules } from './page-types.js'

// Keyed by rank (see RANK). Magento 1 and 2 print the full action name (M1's checkout is
// `checkout-onepage-index`, its contact page `contacts-index-index`; one-step checkout
// extensions name their own); blog extensions print `blog-…` / `mpblog-…` classes. WooCommerce
// prints one class per page and endpoint (the thank-you page carries both
// `woocommerce-order-received` and `woocommerce-checkout`), and its product search also carries
// the shop archive classes. WordPress adds `home` to the front page next to `page` or `blog`:
// `home` is tested first, so the front page is never a generic page. A blog archive is
// `archive category` (PrestaShop 1.6 prints `category category-5` on its product categories).
const PLATFORMS: [string, Rules][] = [
  [
    'magento',
    {
      [RANK.confirmation]: / (checkout-onepage|multishipping-checkout)-success /,
      [RANK.checkout]:
        / (checkout-(index|onepage)-index|multishipping-checkout-\S+|\S*(onestep|one-?page|fire)checkout\S*|opc-index-index) /,
      [RANK.cart]: / checkout-cart-index /,
      [RANK.account]:
        / (customer-(account|address)|sales-(order|guest)|wishlist-index|newsletter-manage|vault-cards|review-customer|downloadable-customer)-\S+ /,
      [RANK.search]: / catalogsearch-\S+ /,
      [RANK.product]: / catalog-product-view /,
      [RANK.listing]: / catalog-category-view /,
      [RANK.support]: / contacts?-index-index /,
      [RANK.content]: / (mp|aw-?)?blog-(index|post|category|tag|archive|author|search)-(index|view) /,
      [RANK.page]: / cms-page-view /,
      [RANK.home]: / cms-index-index /,
    },
  ],
  [
    'woocommerce',
    {
      [RANK.confirmation]: / woocommerce-order-received /,
      [RANK.checkout]: / woocommerce-(checkout|order-pay) /,
      [RANK.cart]: / woocommerce-cart /,
      [RANK.account]: / woocommerce-account /,
      [RANK.search]: / search-(no-)?results /,
      [RANK.product]: / single-product /,
      [RANK.listing]: / (post-type-archive-product|woocommerce-shop|tax-(product|pa)_\S+) /,
    },
  ],
  [
    'edd',
    {
      [RANK.confirmation]: / edd-success /,
      [RANK.checkout]: / edd-checkout /,
      [RANK.account]: / edd-purchase-history /,
      [RANK.product]: / single-download /,
      [RANK.listing]: / (post-type-archive-download|tax-download_\S+) /,
    },
  ],
  ['wordpress', { [RANK.home]: / home / }],
  ['wordpress', { [RANK.content]: / (single-post|blog|archive (category|tag)) /, [RANK.page]: / page / }],
]

/**
 * Platform body classes: Magento 1 and 2, WooCommerce, Easy Digital Downloads, WordPress. Only `<body>` counts: a
 * mini-cart's `woocommerce` classes inside the page say nothing. A Magento CMS page is read
 * further by its identifier (`cms-page-view cms-returns` is support, `cms-about-us` content).
 *
 * @example
 * // <body class="… woocommerce-checkout woocommerce-order-received">
 * readBodyClass(window) // → [0, 'woocommerce:body-class'] (confirmation)
 */
export function readBodyClass(w: Window): Hit | undefined {
  const classes = ' ' + w.document.body.className.replace(/\s+/g, ' ') + ' '
  for (const [platform, rules] of PLATFORMS) {
    let rank = rankIn(rules, classes)
    if (rank == RANK.page && platform == 'magento') {
      const identified = pageTypeOf((/ cms-(?!page-view )(\S+)/.exec(classes) || [])[1])
      rank = identified < NONE ? identified : rank
    }
    if (rank < NONE) return [rank, platform + ':body-class']
  }
}
