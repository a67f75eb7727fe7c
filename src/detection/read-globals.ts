import { pageTypeOf, type Hit } from './page-types'

/* eslint-disable @typescript-eslint/no-explicit-any -- foreign globals have no types */

/**
 * Platform globals: Shopify's legacy checkout (`Shopify.Checkout.step`, `Shopify.checkout` on
 * the thank-you page), Shopify `ShopifyAnalytics.meta.page.pageType`, Sapo `Bizweb.template`,
 * BigCommerce `BCData.product_attributes` (product pages only; `BCData` itself is everywhere).
 *
 * @example
 * readGlobals(window) // → ['product', 'shopify:pageType']
 */
export function readGlobals(w: Window): Hit | undefined {
  const g = w as any
  const shopify = g.Shopify || {}
  const checkout = shopify.Checkout
  if (checkout || shopify.checkout)
    return [
      shopify.checkout || /thank/.test(checkout.step + checkout.page) || checkout.isOrderStatusPage ? 'confirmation' : 'checkout',
      'shopify:checkout',
    ]
  const page = g.ShopifyAnalytics && g.ShopifyAnalytics.meta && g.ShopifyAnalytics.meta.page
  let touchpoint = page && pageTypeOf(page.pageType)
  if (touchpoint) return [touchpoint, 'shopify:pageType']
  if ((touchpoint = g.Bizweb && pageTypeOf(g.Bizweb.template))) return [touchpoint, 'sapo:template']
  if (g.BCData && g.BCData.product_attributes) return ['product', 'bigcommerce:BCData']
}
