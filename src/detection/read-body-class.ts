import { firstMatch, pageTypeOf, type Hit, type Rules } from './page-types'

// Magento 2 prints the full action name; WooCommerce one class per page and endpoint
// (the thank-you page carries both `woocommerce-order-received` and `woocommerce-checkout`).
const RULES: [string, Rules][] = [
  [
    'magento',
    [
      ['confirmation', / (checkout-onepage|multishipping-checkout)-success /],
      ['checkout', / (checkout-index-index|multishipping-checkout-\S+) /],
      ['cart', / checkout-cart-index /],
      ['account', / (customer-account|customer-address|sales-order|sales-guest|wishlist-index|newsletter-manage|vault-cards|review-customer|downloadable-customer)-\S+ /],
      ['search', / catalogsearch-\S+ /],
      ['product', / catalog-product-view /],
      ['listing', / catalog-category-view /],
      ['support', / contact-index-index /],
      ['home', / cms-index-index /],
      ['page', / cms-page-view /],
    ],
  ],
  [
    'woocommerce',
    [
      ['confirmation', / woocommerce-order-received /],
      ['checkout', / woocommerce-(checkout|order-pay) /],
      ['cart', / woocommerce-cart /],
      ['account', / woocommerce-account /],
      // WooCommerce's product search also carries the shop archive classes.
      ['search', / search-(no-)?results /],
      ['product', / single-product /],
      ['listing', / (post-type-archive-product|woocommerce-shop|tax-(product|pa)_\S+) /],
    ],
  ],
  [
    'wordpress',
    [
      ['home', / home /],
      ['content', / (single-post|blog|(category|tag)-\d+) /],
      ['page', / page /],
    ],
  ],
]

/**
 * Platform body classes: Magento 2, WooCommerce, WordPress, and the `template-*` class of
 * Shopify-style themes (also Haravan and Sapo themes).
 *
 * @example
 * // <body class="... woocommerce-checkout woocommerce-order-received">
 * readBodyClass(window) // → ['confirmation', 'woocommerce:body-class']
 */
export function readBodyClass(w: Window): Hit | undefined {
  const body = w.document.body
  const classes = ' ' + (body ? body.className : '').replace(/\s+/g, ' ') + ' '
  for (const [platform, rules] of RULES) {
    const touchpoint = firstMatch(rules, classes)
    if (touchpoint) return [touchpoint, platform + ':body-class']
  }
  const template = / template-(\S+)/.exec(classes)
  const touchpoint = template && pageTypeOf(template[1])
  if (touchpoint) return [touchpoint, 'theme:body-class']
}
