import { NONE, PAGE, pageTypeOf, rankIn, type Hit, type Rules } from './page-types.js'

// Indexed by rank (see RANK). Magento 1 and 2 print the full action name (M1's checkout is
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
    [
      / (checkout-onepage|multishipping-checkout)-success /,
      / (checkout-(index|onepage)-index|multishipping-checkout-\S+|\S*(onestep|one-?page|fire)checkout\S*|opc-index-index) /,
      / checkout-cart-index /,
      / (customer-(account|address)|sales-(order|guest)|wishlist-index|newsletter-manage|vault-cards|review-customer|downloadable-customer)-\S+ /,
      / catalogsearch-\S+ /,
      / catalog-product-view /,
      / catalog-category-view /,
      / contacts?-index-index /,
      / (mp|aw-?)?blog-(index|post|category|tag|archive|author|search)-(index|view) /,
      / cms-page-view /,
      / cms-index-index /,
    ],
  ],
  [
    'woocommerce',
    [
      / woocommerce-order-received /,
      / woocommerce-(checkout|order-pay) /,
      / woocommerce-cart /,
      / woocommerce-account /,
      / search-(no-)?results /,
      / single-product /,
      / (post-type-archive-product|woocommerce-shop|tax-(product|pa)_\S+) /,
    ],
  ],
  [
    'edd',
    [
      / edd-success /,
      / edd-checkout /,
      ,
      / edd-purchase-history /,
      ,
      / single-download /,
      / (post-type-archive-download|tax-download_\S+) /,
    ],
  ],
  ['wordpress', [, , , , , , , , , , / home /]],
  ['wordpress', [, , , , , , , , / (single-post|blog|archive (category|tag)) /, / page /]],
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
    if (rank == PAGE && platform == 'magento') {
      const identified = pageTypeOf((/ cms-(?!page-view )(\S+)/.exec(classes) || [])[1])
      rank = identified < NONE ? identified : rank
    }
    if (rank < NONE) return [rank, platform + ':body-class']
  }
}
