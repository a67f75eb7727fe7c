// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { readBodyClass } from '../../../src/loader/detection/read-body-class'
import { named, openBlank } from '../../fixtures/blank-page'

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
    ['home page-template-default page page-id-5', 'home', 'wordpress'],
    ['home blog', 'home', 'wordpress'],
    ['checkout-onepage-index', 'checkout', 'magento'],
    ['contacts-index-index', 'support', 'magento'],
    ['onestepcheckout-index-index', 'checkout', 'magento'],
    ['cms-page-view cms-customer-service', 'support', 'magento'],
    ['cms-page-view cms-privacy-policy-cookie-restriction-mode', 'content', 'magento'],
    ['cms-page-view cms-our-story', 'page', 'magento'],
    ['blog-post-view page-layout-2columns-right', 'content', 'magento'],
  ])('reads "%s" as %s (%s)', async (classes, touchpoint, platform) => {
    expect(named(readBodyClass(await openBlank('/x', '', classes)))).toEqual([touchpoint, platform + ':body-class'])
  })

  it('ignores the classes of a mini-cart or header inside the page', async () => {
    const w = await openBlank(
      '/x',
      '',
      'custom-theme',
      '<div class="woocommerce widget_shopping_cart woocommerce-cart"></div><a class="checkout-cart-index">Cart</a>',
    )
    expect(named(readBodyClass(w))).toBeUndefined()
  })
})
