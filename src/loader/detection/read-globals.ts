import { NONE, pageTypeOf, type Hit } from './page-types.js'

/* eslint-disable @typescript-eslint/no-explicit-any -- foreign globals have no types */

/**
 * Platform globals: Shopify `ShopifyAnalytics.meta.page.pageType`, Sapo `Bizweb.template` (on
 * checkout and thank-you pages `Bizweb.checkout` / `Bizweb.Checkout`), PrestaShop 1.7+
 * `prestashop.page.page_name`,
 * Shopify's legacy checkout (`Shopify.Checkout.step`, `Shopify.checkout.order_id`),
 * BigCommerce's `stencilBootstrap("<page_type>")` call, else `BCData.product_attributes`
 * (product pages only; `BCData` itself is on every page).
 *
 * @example
 * readGlobals(window) // → [5, 'shopify:pageType'] (product)
 */
export function readGlobals(w: Window): Hit | undefined {
  const g = w as any
  const analytics = g.ShopifyAnalytics
  let rank = pageTypeOf(analytics && analytics.meta && analytics.meta.page && analytics.meta.page.pageType)
  if (rank < NONE) return [rank, 'shopify:pageType']
  // Shopify's legacy checkout: storefront pages define `Shopify.Checkout` too, but only the
  // checkout sets its `step`; the thank-you page's `Shopify.checkout` carries the order.
  const shopify = g.Shopify
  const step = shopify && shopify.Checkout && shopify.Checkout.step
  if (step || (shopify && shopify.checkout && shopify.checkout.order_id))
    return [step && step != 'thank_you' ? 1 : 0, 'shopify:checkout']
  const sapo = g.Bizweb
  if (sapo) {
    if ((rank = pageTypeOf(sapo.template)) < NONE) return [rank, 'sapo:template']
    // Sapo's checkout and thank-you pages leave `template` empty; their checkout object carries
    // an order id only once the order is placed.
    const checkouts = [sapo.checkout, sapo.Checkout].filter(Boolean)
    const ordered = checkouts.some((checkout) =>
      Object.keys(checkout).some((key) => /^order/i.test(key) && checkout[key]),
    )
    if (checkouts.length) return [ordered ? 0 : 1, 'sapo:checkout']
  }
  const prestashop = g.prestashop
  if ((rank = pageTypeOf(prestashop && prestashop.page && prestashop.page.page_name)) < NONE)
    return [rank, 'prestashop:page_name']
  if (g.BCData || g.stencilBootstrap) {
    // Stencil themes print page_type only into their closing `stencilBootstrap("…", …)` call.
    for (const script of w.document.querySelectorAll('script:not([src])')) {
      const found = /stencilBootstrap\(\s*"([^"]+)/.exec(script.textContent!)
      if (found && (rank = pageTypeOf(found[1])) < NONE) return [rank, 'bigcommerce:page_type']
    }
    if (g.BCData && g.BCData.product_attributes) return [5, 'bigcommerce:BCData']
  }
}
