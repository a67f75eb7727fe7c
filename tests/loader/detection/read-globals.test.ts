// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { readGlobals } from '../../../src/loader/detection/read-globals'
import { named, openBlank } from '../../fixtures/blank-page'

describe('platform globals', () => {
  it("reads Shopify's legacy checkout step and thank-you order, not the Checkout object every storefront page has", async () => {
    expect(
      named(readGlobals(await openBlank('/x', '<script>Shopify = { Checkout: { step: "thank_you" } }</script>'))),
    ).toEqual(['confirmation', 'shopify:checkout'])
    expect(
      named(readGlobals(await openBlank('/x', '<script>Shopify = { Checkout: { step: "payment_method" } }</script>'))),
    ).toEqual(['checkout', 'shopify:checkout'])
    expect(
      named(readGlobals(await openBlank('/x', '<script>Shopify = { checkout: { order_id: 4501 } }</script>')))?.[0],
    ).toBe('confirmation')
    expect(
      named(
        readGlobals(await openBlank('/x', '<script>Shopify = { Checkout: { apiHost: "a.myshopify.com" } }</script>')),
      ),
    ).toBeUndefined()
  })

  it('reads nothing from a Shopify page whose meta has no pageType (policy pages)', async () => {
    expect(
      named(
        readGlobals(
          await openBlank('/x', '<script>ShopifyAnalytics = { meta: { page: {} } }; Shopify = { shop: "a" }</script>'),
        ),
      ),
    ).toBeUndefined()
  })

  it('reads BigCommerce product pages from BCData, not from the BCData every page has', async () => {
    expect(
      named(readGlobals(await openBlank('/x', '<script>var BCData = {"csrf_token":"a"}</script>'))),
    ).toBeUndefined()
    expect(
      named(readGlobals(await openBlank('/x', '<script>var BCData = {"product_attributes":{"sku":"A"}}</script>'))),
    ).toEqual(['product', 'bigcommerce:BCData'])
  })

  it("reads Sapo's checkout and thank-you pages, whose template is empty, by their checkout object", async () => {
    const sapo = (checkout: string) => `<script>var Bizweb = { template: '' }; ${checkout}</script>`
    expect(named(readGlobals(await openBlank('/x', sapo('Bizweb.Checkout = { token: "b3c0" }'))))).toEqual([
      'checkout',
      'sapo:checkout',
    ])
    expect(
      named(readGlobals(await openBlank('/x', sapo('Bizweb.checkout = { order_id: 10562, token: "b3c0" }')))),
    ).toEqual(['confirmation', 'sapo:checkout'])
    expect(
      named(readGlobals(await openBlank('/x', sapo('Bizweb.Checkout = { token: "b3c0", orderId: null }'))))?.[0],
    ).toBe('checkout')
    expect(named(readGlobals(await openBlank('/x', sapo(''))))).toBeUndefined()
  })

  it('reads PrestaShop 1.7+ prestashop.page.page_name', async () => {
    const presta = (name: string) =>
      `<script>var prestashop = { page: { page_name: '${name}', body_classes: {} } }</script>`
    expect(named(readGlobals(await openBlank('/x', presta('order-confirmation'))))).toEqual([
      'confirmation',
      'prestashop:page_name',
    ])
    expect(named(readGlobals(await openBlank('/x', presta('order'))))?.[0]).toBe('checkout')
    expect(named(readGlobals(await openBlank('/x', presta('cms'))))?.[0]).toBe('page')
  })
})
