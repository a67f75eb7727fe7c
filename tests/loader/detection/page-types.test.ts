// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { NONE, RANK, pageTypeOf } from '../../../src/loader/detection/page-types'

describe('pageTypeOf', () => {
  it.each([
    ['home', 'home'], ['index', 'home'], ['collection', 'listing'], ['list-collections', 'listing'], ['product', 'product'],
    ['product.quick-view', 'product'], ['cart', 'cart'], ['searchresults', 'search'], ['search', 'search'], ['page', 'page'],
    ['blog', 'content'], ['article', 'content'], ['customers/login', 'account'], ['customers/account', 'account'],
    ['customers/order', 'account'], ['gift_card', 'other'], ['404', 'other'], ['policy', 'page'],
    ['category', 'listing'], ['brand', 'listing'], ['orderconfirmation', 'confirmation'], ['checkout', 'checkout'],
    ['blog_post', 'content'], ['page_contact_form', 'support'], ['pages/home', 'home'], ['page.lien-he', 'support'],
    // PrestaShop controllers: body id, page-<name>, prestashop.page.page_name, ?controller=
    ['index', 'home'], ['order', 'checkout'], ['order-opc', 'checkout'], ['order-confirmation', 'confirmation'], ['my-account', 'account'],
    ['history', 'account'], ['order-detail', 'account'], ['authentication', 'account'], ['cms', 'page'], ['prices-drop', 'listing'],
    ['manufacturer', 'listing'], ['order-follow', 'support'], ['guest-tracking', 'support'], ['pagenotfound', 'other'],
    // OpenCart routes
    ['product/product', 'product'], ['product/category', 'listing'], ['product/search', 'search'], ['product/manufacturer.info', 'listing'],
    ['checkout/cart', 'cart'], ['checkout/checkout', 'checkout'], ['checkout/success', 'confirmation'], ['account/order', 'account'],
    ['information/contact', 'support'], ['information/information', 'page'], ['common/home', 'home'],
    // Shopware 6 routes and controller-action pairs
    ['frontend.detail.page', 'product'], ['frontend.navigation.page', 'listing'], ['frontend.checkout.finish.page', 'confirmation'],
    ['checkout-confirmpage', 'checkout'], ['checkout-cartpage', 'cart'], ['navigation-home', 'home'], ['accountorder-orderoverview', 'account'],
    // nopCommerce html-<name>-page, Miva screens, Zen Cart pages and body ids, X-Cart targets, Odoo models
    ['product-details', 'product'], ['shopping-cart', 'cart'], ['order-completed', 'confirmation'], ['one-page-checkout', 'checkout'],
    ['SFNT', 'home'], ['CTGY', 'listing'], ['PROD', 'product'], ['BASK', 'cart'], ['OCST', 'checkout'], ['INVC', 'confirmation'],
    ['ORHL', 'account'], ['CTUS', 'support'], ['productinfoBody', 'product'], ['checkout_success', 'confirmation'],
    ['advanced_search_result', 'search'], ['checkoutSuccess', 'confirmation'], ['product.template', 'product'],
    ['product.public.category', 'listing'], ['blog.post', 'content'], ['website.page', 'page'],
    // policy taxonomy
    ['returns', 'support'], ['faq', 'support'], ['customer-service', 'support'], ['privacy-policy', 'content'], ['terms', 'content'],
    ['about-us', 'content'],
  ])('reads %s as %s', (name, touchpoint) => {
    expect(RANK[pageTypeOf(name)]).toBe(touchpoint)
  })

  it('reads nothing from a missing or odd value', () => {
    for (const value of [undefined, null, '', 'compare', 7, ['product'], 'body', 'top', 'cart-holder', 'accounting-services', 'wrapper']) expect(pageTypeOf(value)).toBe(NONE)
  })
})
