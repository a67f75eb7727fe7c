// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { readPageNames } from '../../../src/loader/detection/read-page-names'
import { named, openBlank } from '../../fixtures/blank-page'

const withBodyId = (id: string, classes = '') =>
  openBlank('/x', `<script>document.addEventListener('DOMContentLoaded', () => {})</script>`, classes, '').then((w) => {
    w.document.body.id = id
    return w
  })

describe('page names in the markup', () => {
  it.each([
    ['page-product lang-en layout-full-width product-id-1', 'product', 'page:body-class'], // PrestaShop 1.7
    ['page-order-confirmation', 'confirmation', 'page:body-class'],
    [
      'page-template page-template-template-contact page-template-template-contact-php page page-id-9',
      'support',
      'wordpress:page-template',
    ],
    ['is-ctl-checkout is-act-finishpage', 'confirmation', 'shopware:body-class'],
    ['is-ctl-product is-act-index', 'product', 'shopware:body-class'],
    ['is-ctl-navigation is-act-home', 'home', 'shopware:body-class'],
    ['is--ctl-checkout is--act-cart', 'cart', 'shopware:body-class'], // Shopware 5
    ['site com_virtuemart view-productdetails no-layout no-task itemid-101', 'product', 'joomla:body-class'],
    ['site com_virtuemart view-cart layout-orderdone', 'confirmation', 'joomla:body-class'],
    ['site com_hikashop view-product layout-listing', 'listing', 'joomla:body-class'],
    ['site com_content view-featured', 'home', 'joomla:body-class'],
    ['collection-type-products view-item sqs-seven-one', 'product', 'squarespace:body-class'],
    ['collection-type-products view-list', 'listing', 'squarespace:body-class'],
    ['collection-type-blog-basic-grid view-item', 'content', 'squarespace:body-class'],
    ['template-customers-order', 'account', 'theme:body-class'],
    ['template-page-contact', 'support', 'theme:body-class'],
  ])('reads body class "%s" as %s', async (classes, touchpoint, signal) => {
    const hit = named(readPageNames(await openBlank('/x', '', classes)))
    expect(hit).toEqual([touchpoint, signal])
  })

  it('reads a Shopware 6 navigation page without a product listing as a generic page', async () => {
    const w = await openBlank('/x', '', 'is-ctl-navigation is-act-index', '<div class="cms-element-text">Contact</div>')
    expect(named(readPageNames(w))?.[0]).toBe('page')
    const listing = await openBlank(
      '/x',
      '',
      'is-ctl-navigation is-act-index',
      '<div class="cms-element-product-listing"></div>',
    )
    expect(named(readPageNames(listing))).toEqual(['listing', 'shopware:body-class'])
  })

  it.each([
    ['order-confirmation', 'confirmation'],
    ['category', 'listing'],
    ['my-account', 'account'], // PrestaShop
    ['PROD', 'product'],
    ['BASK', 'cart'],
    ['INVC', 'confirmation'],
    ['SFNT', 'home'], // Miva
    ['productinfoBody', 'product'],
    ['shoppingcartBody', 'cart'], // Zen Cart
  ])('reads body id %s as %s', async (id, touchpoint) => {
    expect(named(readPageNames(await withBodyId(id)))).toEqual([touchpoint, 'body-id'])
  })

  it('reads nothing from WordPress default page classes', async () => {
    expect(readPageNames(await openBlank('/x', '', 'page-template-default page page-id-9 page-parent'))).toBeUndefined()
  })

  it('ignores body ids that name no page', async () => {
    for (const id of ['html-body', 'top', 'cart-holder', 'linen-shirt', 'search-light-blue', 'wrapper'])
      expect(readPageNames(await withBodyId(id)), id).toBeUndefined()
  })

  it("reads nopCommerce's html-<name>-page and Odoo's data-main-object on <html>", async () => {
    const nop = await openBlank('/x')
    nop.document.documentElement.className = 'html-order-completed-page'
    expect(named(readPageNames(nop))).toEqual(['confirmation', 'nopcommerce:html-class'])
    const odoo = await openBlank('/x')
    odoo.document.documentElement.setAttribute('data-main-object', 'product.template(12,)')
    expect(named(readPageNames(odoo))).toEqual(['product', 'odoo:main-object'])
  })

  it('lets a precise name win over the generic page template', async () => {
    const w = await withBodyId('product', 'page-template-default page')
    expect(named(readPageNames(w))?.[0]).toBe('product')
  })
})
