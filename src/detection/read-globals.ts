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
  if ((touchpoint = (g.BCData || g.stencilBootstrap) && pageTypeOf(stencilPageType(w)))) return [touchpoint, 'bigcommerce:page_type']
  if (g.BCData && g.BCData.product_attributes) return ['product', 'bigcommerce:BCData']
}

const stencil = new WeakMap<Window, string>()

// BigCommerce Stencil themes end with `window.stencilBootstrap("{{page_type}}", …)`: the page
// type is only in that inline script. Read once per page load.
function stencilPageType(w: Window) {
  let type = stencil.get(w)
  if (type == null) {
    type = ''
    for (const script of w.document.querySelectorAll('script:not([src])')) {
      const found = /stencilBootstrap\(\s*"([^"]+)/.exec(script.textContent || '')
      if (found) type = found[1]
    }
    // Until the document is parsed, the script may simply not be there yet.
    if (type || w.document.readyState != 'loading') stencil.set(w, type)
  }
  return type
}
