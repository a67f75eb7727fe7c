import { NONE, pageTypeOf, rankIn, type Hit, type Rules } from './page-types'

// Indexed by rank (see RANK). Magento 2 prints the full action name; WooCommerce one class per
// page and endpoint (the thank-you page carries both `woocommerce-order-received` and
// `woocommerce-checkout`); WooCommerce's product search also carries the shop archive classes.
const PLATFORMS: [string, Rules][] = [
  [
    'magento',
    [
      / (checkout-onepage|multishipping-checkout)-success /,
      / (checkout-index-index|multishipping-checkout-\S+) /,
      / checkout-cart-index /,
      / (customer-(account|address)|sales-(order|guest)|wishlist-index|newsletter-manage|vault-cards|review-customer|downloadable-customer)-\S+ /,
      / catalogsearch-\S+ /,
      / catalog-product-view /,
      / catalog-category-view /,
      / contact-index-index /,
      ,
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
  ['wordpress', [, , , , , , , , / (single-post|blog|(category|tag)-\d+) /, / page /, / home /]],
]

/**
 * Platform body classes: Magento 2, WooCommerce, WordPress, and the `template-*` class of
 * Shopify-style themes (also Haravan and Sapo themes). Only `<body>` counts: a mini-cart's
 * `woocommerce` classes inside the page say nothing.
 *
 * @example
 * // <body class="… woocommerce-checkout woocommerce-order-received">
 * readBodyClass(window) // → [0, 'woocommerce:body-class'] (confirmation)
 */
export function readBodyClass(w: Window): Hit | undefined {
  const classes = ' ' + w.document.body.className.replace(/\s+/g, ' ') + ' '
  for (const [platform, rules] of PLATFORMS) {
    const rank = rankIn(rules, classes)
    if (rank < NONE) return [rank, platform + ':body-class']
  }
  const rank = pageTypeOf((/ template-(\S+)/.exec(classes) || [])[1])
  if (rank < NONE) return [rank, 'theme:body-class']
}
