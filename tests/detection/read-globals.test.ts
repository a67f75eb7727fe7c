// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { readGlobals } from '../../src/detection/read-globals'
import { named, openBlank } from '../fixtures/blank-page'

describe('platform globals', () => {
  it("leaves Shopify's legacy checkout to the URL shapes of the pages that carry it", async () => {
    expect(named(readGlobals(await openBlank('/64512/checkouts/abc', '<script>Shopify = { Checkout: { step: "thank_you" } }</script>')))).toBeUndefined()
  })

  it('reads nothing from a Shopify page whose meta has no pageType (policy pages)', async () => {
    expect(named(readGlobals(await openBlank('/x', '<script>ShopifyAnalytics = { meta: { page: {} } }; Shopify = { shop: "a" }</script>')))).toBeUndefined()
  })

  it('reads BigCommerce product pages from BCData, not from the BCData every page has', async () => {
    expect(named(readGlobals(await openBlank('/x', '<script>var BCData = {"csrf_token":"a"}</script>')))).toBeUndefined()
    expect(named(readGlobals(await openBlank('/x', '<script>var BCData = {"product_attributes":{"sku":"A"}}</script>')))).toEqual(['product', 'bigcommerce:BCData'])
  })
})

