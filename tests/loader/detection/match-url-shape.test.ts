// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { matchUrlShape } from '../../../src/loader/detection/match-url-shape'
import { named, openBlank } from '../../fixtures/blank-page'

describe('platform URL shapes', () => {
  it.each([
    ['/', 'home'],
    ['/vi', 'home'],
    ['/en-us/?utm_source=x', 'home'],
    ['/en-us/cart', 'cart'],
    ['/vi/products/ao', 'product'],
    ['/collections/sale/products/tee', 'product'],
    ['/collections/all', 'listing'],
    ['/collections', 'listing'],
    ['/account/orders/12', 'account'],
    ['/policies/refund-policy', 'page'],
    ['/blogs/news/x', 'content'],
    ['/pages/about', 'page'],
    ['/64512/checkouts/abc?step=payment_method', 'checkout'],
    ['/64512/checkouts/abc/thank_you', 'confirmation'],
    ['/checkouts/c/abc/thank-you', 'confirmation'],
    ['/64512/orders/abc', 'confirmation'],
    ['/checkout/thankyou/abc', 'confirmation'],
    ['/checkout/order-received/12/?key=wc_order_x', 'confirmation'],
    ['/thanh-toan/order-received/12/', 'confirmation'],
    ['/checkout/order-pay/12/', 'checkout'],
    ['/gio-hang/', 'cart'],
    ['/thanh-toan/', 'checkout'],
    ['/tai-khoan/orders/', 'account'],
    ['/san-pham/ao-thun/', 'product'],
    ['/danh-muc-san-pham/ao/', 'listing'],
    ['/product-category/hoodies/', 'listing'],
    ['/shop/', 'listing'],
    ['/shop/page/2/', 'listing'],
    ['/checkout/cart/', 'cart'],
    ['/checkout/', 'checkout'],
    ['/checkout/onepage/success/', 'confirmation'],
    ['/catalogsearch/result/?q=tee', 'search'],
    ['/sales/order/history/', 'account'],
    ['/customer/account/login/', 'account'],
    ['/cart.php', 'cart'],
    ['/checkout/order-confirmation/107', 'confirmation'],
    ['/search.php?search_query=x', 'search'],
    ['/account.php?action=order_status', 'account'],
    ['/login.php', 'account'],
    ['/product-page/linen-shirt', 'product'],
    ['/cart-page', 'cart'],
    ['/thank-you-page/5d1c', 'confirmation'], // Wix
    ['/shop/linen-shirt-12', 'product'],
    ['/shop/category/shirts-3', 'listing'],
    ['/shop/cart', 'cart'],
    ['/shop/payment', 'checkout'],
    ['/shop/confirmation', 'confirmation'], // Odoo
    ['/onepagecheckout', 'checkout'],
    ['/checkout/completed/17', 'confirmation'],
    ['/checkout/finish?orderId=ab', 'confirmation'],
    ['/shop/Orange-Tee-p123456', 'product'],
    ['/shop/Apparel-c4521', 'listing'], // Ecwid clean URLs
  ])('reads %s as %s', async (url, touchpoint) => {
    expect(named(matchUrlShape(await openBlank(url)))?.[0]).toBe(touchpoint)
  })

  it.each(['/shop/leather-bag', '/?s=hoodie', '/?q=tea', '/radiant-tee.html', '/kitchen/', '/order/details'])(
    'leaves %s to other signals',
    async (url) => {
      expect(named(matchUrlShape(await openBlank(url)))).toBeUndefined()
    },
  )
})
