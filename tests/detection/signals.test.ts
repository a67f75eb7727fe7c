// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type { Window as HappyWindow } from 'happy-dom'
import { matchUrlShape } from '../../src/detection/match-url-shape'
import { matchUrlWords } from '../../src/detection/match-url-words'
import { readBodyClass } from '../../src/detection/read-body-class'
import { readGlobals } from '../../src/detection/read-globals'
import { readStructuredData } from '../../src/detection/read-structured-data'
import { openPage } from '../fixtures/load-page'

const opened: HappyWindow[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((w) => w.happyDOM.close()))
})
const open = async (url: string, head = '', bodyClass = '', body = '') => {
  const w = await openPage(`<!doctype html><html><head>${head}</head><body class="${bodyClass}">${body}</body></html>`, url)
  opened.push(w)
  return w as unknown as Window
}
const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`

describe('platform URL shapes', () => {
  it.each([
    ['/', 'home'], ['/vi', 'home'], ['/en-us/?utm_source=x', 'home'], ['/en-us/cart', 'cart'], ['/vi/products/ao', 'product'],
    ['/collections/sale/products/tee', 'product'], ['/collections/all', 'listing'], ['/collections', 'listing'],
    ['/account/orders/12', 'account'], ['/policies/refund-policy', 'support'], ['/blogs/news/x', 'content'], ['/pages/about', 'page'],
    ['/64512/checkouts/abc?step=payment_method', 'checkout'], ['/64512/checkouts/abc/thank_you', 'confirmation'],
    ['/checkouts/c/abc/thank-you', 'confirmation'], ['/64512/orders/abc', 'confirmation'], ['/checkout/thankyou/abc', 'confirmation'],
    ['/checkout/order-received/12/?key=wc_order_x', 'confirmation'], ['/thanh-toan/order-received/12/', 'confirmation'],
    ['/checkout/order-pay/12/', 'checkout'], ['/gio-hang/', 'cart'], ['/thanh-toan/', 'checkout'], ['/tai-khoan/orders/', 'account'],
    ['/san-pham/ao-thun/', 'product'], ['/danh-muc-san-pham/ao/', 'listing'], ['/product-category/hoodies/', 'listing'],
    ['/shop/', 'listing'], ['/shop/page/2/', 'listing'], ['/checkout/cart/', 'cart'], ['/checkout/', 'checkout'],
    ['/checkout/onepage/success/', 'confirmation'], ['/catalogsearch/result/?q=tee', 'search'], ['/sales/order/history/', 'account'],
    ['/customer/account/login/', 'account'], ['/cart.php', 'cart'], ['/checkout/order-confirmation/107', 'confirmation'],
    ['/search.php?search_query=x', 'search'], ['/account.php?action=order_status', 'account'], ['/login.php', 'account'],
  ])('reads %s as %s', async (url, touchpoint) => {
    expect(matchUrlShape(await open(url))?.[0]).toBe(touchpoint)
  })

  it.each(['/shop/leather-bag', '/?s=hoodie', '/?q=tea', '/radiant-tee.html', '/kitchen/', '/order/details'])('leaves %s to other signals', async (url) => {
    expect(matchUrlShape(await open(url))).toBeUndefined()
  })
})

describe('URL words', () => {
  it.each([
    ['/order/complete/thank-you-for-your-order', 'confirmation'], ['/dat-hang-thanh-cong', 'confirmation'], ['/cam-on', 'confirmation'],
    ['/shop/basket', 'cart'], ['/gio-hang.html', 'cart'], ['/my-account', 'account'], ['/don-hang/12', 'account'],
    ['/tim-kiem?tu-khoa=x', 'search'], ['/anything?q=linen', 'search'], ['/p/12', 'product'], ['/item/glass-teapot', 'product'],
    ['/c/category/teapots', 'listing'], ['/products', 'listing'], ['/danh-muc/ao', 'listing'], ['/help/contact-us', 'support'], ['/chinh-sach-doi-tra', 'support'],
    ['/faq', 'support'], ['/tin-tuc/bai-moi', 'content'], ['/news', 'content'], ['/#/cart', 'cart'], ['/#!/p/3', 'product'],
  ])('reads %s as %s', async (url, touchpoint) => {
    expect(matchUrlWords(await open(url))?.[0]).toBe(touchpoint)
  })

  it.each(['/leather-bag', '/p', '/success-stories/2024', '/lookbook?return=/cart/', '/x?ref=help-desk-support-team'])(
    'finds nothing in %s',
    async (url) => {
      expect(matchUrlWords(await open(url))).toBeUndefined()
    },
  )
})

describe('body classes', () => {
  it.each([
    ['checkout-onepage-success page-layout-1column', 'confirmation', 'magento'],
    ['customer-account-login', 'account', 'magento'],
    ['page-products catalogsearch-advanced-result', 'search', 'magento'],
    ['woocommerce-checkout woocommerce-page woocommerce-order-received', 'confirmation', 'woocommerce'],
    ['woocommerce-checkout woocommerce-page woocommerce-order-pay', 'checkout', 'woocommerce'],
    ['woocommerce-account woocommerce-page woocommerce-view-order', 'account', 'woocommerce'],
    ['archive tax-pa_color term-blue woocommerce', 'listing', 'woocommerce'],
    ['search search-results post-type-archive-product woocommerce', 'search', 'woocommerce'],
    ['archive category category-news category-5', 'content', 'wordpress'],
    ['template-customers-order', 'account', 'theme'],
    ['template-page-contact', 'support', 'theme'],
  ])('reads "%s" as %s (%s)', async (classes, touchpoint, platform) => {
    expect(readBodyClass(await open('/x', '', classes))).toEqual([touchpoint, platform + ':body-class'])
  })

  it('ignores the classes of a mini-cart or header inside the page', async () => {
    const w = await open('/x', '', 'custom-theme', '<div class="woocommerce widget_shopping_cart woocommerce-cart"></div><a class="checkout-cart-index">Cart</a>')
    expect(readBodyClass(w)).toBeUndefined()
  })
})

describe('platform globals', () => {
  it('reads the legacy Shopify checkout and its thank-you page', async () => {
    expect(readGlobals(await open('/x', '<script>Shopify = { Checkout: { step: "payment_method", page: "show" } }</script>'))).toEqual(['checkout', 'shopify:checkout'])
    expect(readGlobals(await open('/x', '<script>Shopify = { Checkout: { step: "thank_you" } }</script>'))?.[0]).toBe('confirmation')
    expect(readGlobals(await open('/x', '<script>Shopify = { Checkout: { isOrderStatusPage: true } }</script>'))?.[0]).toBe('confirmation')
  })

  it('reads nothing from a Shopify page whose meta has no pageType (policy pages)', async () => {
    expect(readGlobals(await open('/x', '<script>ShopifyAnalytics = { meta: { page: {} } }; Shopify = { shop: "a" }</script>'))).toBeUndefined()
  })

  it('reads BigCommerce product pages from BCData, not from the BCData every page has', async () => {
    expect(readGlobals(await open('/x', '<script>var BCData = {"csrf_token":"a"}</script>'))).toBeUndefined()
    expect(readGlobals(await open('/x', '<script>var BCData = {"product_attributes":{"sku":"A"}}</script>'))).toEqual(['product', 'bigcommerce:BCData'])
  })
})

describe('structured data', () => {
  it('ignores what every page carries: Organization, WebSite, BreadcrumbList', async () => {
    const w = await open('/x', ld({ '@type': 'Organization', name: 'A' }) + ld({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite' }, { '@type': 'BreadcrumbList' }, { '@type': 'WebPage' }] }))
    expect(readStructuredData(w)).toBeUndefined()
  })

  it('reads a category page\'s ItemList of products as a listing, not a product', async () => {
    const items = [1, 2].map((i) => ({ '@type': 'ListItem', position: i, item: { '@type': 'Product', name: 'P' + i, offers: { price: 1 } } }))
    expect(readStructuredData(await open('/x', ld({ '@type': 'ItemList', itemListElement: items })))).toEqual(['listing', 'json-ld'])
  })

  it('reads one Product with offers as a product page; several Products as a listing', async () => {
    const product = { '@type': 'Product', name: 'A', offers: { price: 1 } }
    expect(readStructuredData(await open('/x', ld(product)))?.[0]).toBe('product')
    expect(readStructuredData(await open('/x', ld({ '@graph': [{ '@type': 'Product', name: 'A' }, { '@type': 'Product', name: 'B' }] })))?.[0]).toBe('listing')
    expect(readStructuredData(await open('/x', ld({ '@type': ['ProductGroup'], hasVariant: [product] })))?.[0]).toBe('product')
  })

  it('falls back to Open Graph and to a single microdata Product', async () => {
    expect(readStructuredData(await open('/x', '<meta property="og:type" content="product">'))).toEqual(['product', 'og:type'])
    expect(readStructuredData(await open('/x', '<meta property="og:type" content="article">'))?.[0]).toBe('page')
    expect(readStructuredData(await open('/x', '', '', '<div itemscope itemtype="https://schema.org/Product"></div>'))).toEqual(['product', 'microdata'])
    expect(readStructuredData(await open('/x', '', '', '<div itemtype="http://schema.org/Product"></div><div itemtype="http://schema.org/Product"></div>'))).toBeUndefined()
  })
})
