// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { readGlobals } from '../../src/detection/read-globals'
import { named, openBlank } from '../fixtures/blank-page'

describe('platform globals', () => {
  it('reads the legacy Shopify checkout and its thank-you page', async () => {
    expect(named(readGlobals(await openBlank('/x', '<script>Shopify = { Checkout: { step: "payment_method", page: "show" } }</script>')))).toEqual(['checkout', 'shopify:checkout'])
    expect(named(readGlobals(await openBlank('/x', '<script>Shopify = { Checkout: { step: "thank_you" } }</script>')))?.[0]).toBe('confirmation')
    expect(named(readGlobals(await openBlank('/x', '<script>Shopify = { Checkout: { isOrderStatusPage: true } }</script>')))?.[0]).toBe('confirmation')
  })

  it('reads nothing from a Shopify page whose meta has no pageType (policy pages)', async () => {
    expect(named(readGlobals(await openBlank('/x', '<script>ShopifyAnalytics = { meta: { page: {} } }; Shopify = { shop: "a" }</script>')))).toBeUndefined()
  })

  it('reads BigCommerce product pages from BCData, not from the BCData every page has', async () => {
    expect(named(readGlobals(await openBlank('/x', '<script>var BCData = {"csrf_token":"a"}</script>')))).toBeUndefined()
    expect(named(readGlobals(await openBlank('/x', '<script>var BCData = {"product_attributes":{"sku":"A"}}</script>')))).toEqual(['product', 'bigcommerce:BCData'])
  })
})

