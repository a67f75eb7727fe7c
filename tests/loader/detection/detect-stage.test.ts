// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type { Window as HappyWindow } from 'happy-dom'
import { detectStage } from '../../../src/loader/detection'
import { openPage } from '../../fixtures/load-page'

const opened: HappyWindow[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((w) => w.happyDOM.close()))
})
const open = async (url: string, head = '', body = '', bodyClass = '') => {
  const w = await openPage(
    `<!doctype html><html><head>${head}</head><body class="${bodyClass}">${body}</body></html>`,
    url,
  )
  opened.push(w)
  return w as unknown as Window & typeof globalThis
}
const shopifyMeta = (pageType: string) =>
  `<script>window.ShopifyAnalytics = { meta: { page: { pageType: '${pageType}' } } }</script>`

describe('detectStage', () => {
  it('lets an explicit stage win over every signal', async () => {
    const w = await open('/cart', shopifyMeta('cart'), '', 'woocommerce-cart')
    expect(detectStage(w, { stage: 'confirmation' })).toEqual({
      stage: 'purchase',
      touchpoint: 'confirmation',
      signal: 'explicit',
    })
    expect(detectStage(w, { stage: 'orderconfirmation' }).touchpoint).toBe('confirmation')
  })

  it('keeps a stage given by name even when the stage map moves its touchpoint', async () => {
    const w = await open('/')
    expect(detectStage(w, { stage: 'decision', stageMap: { checkout: 'purchase' } }).stage).toBe('decision')
  })

  it('ignores an unknown explicit value and detects as usual', async () => {
    const w = await open('/products/tee')
    expect(detectStage(w, { stage: 'basket?' })).toMatchObject({ touchpoint: 'product', signal: 'url:path' })
  })

  it('reads data-stage from <body> or <html> above platform signals, below setStage()', async () => {
    const w = await open('/products/tee', shopifyMeta('product'), '', '')
    w.document.body.setAttribute('data-stage', 'orderconfirmation')
    expect(detectStage(w)).toMatchObject({ touchpoint: 'confirmation', signal: 'data-stage' })
    expect(detectStage(w, { stage: 'cart' }).touchpoint).toBe('cart')
    w.document.body.removeAttribute('data-stage')
    w.document.documentElement.setAttribute('data-stage', 'search')
    expect(detectStage(w).touchpoint).toBe('search')
  })

  it('applies stageMap overrides to the detected touchpoint', async () => {
    const w = await open('/cart')
    expect(detectStage(w, { stageMap: { cart: 'consideration' } })).toEqual({
      stage: 'consideration',
      touchpoint: 'cart',
      signal: 'url:path',
    })
  })

  it('prefers platform globals over body classes, body classes over URL shapes', async () => {
    expect(detectStage(await open('/collections/all', shopifyMeta('product'), '', 'template-collection')).signal).toBe(
      'shopify:pageType',
    )
    expect(detectStage(await open('/collections/all', '', '', 'template-product')).touchpoint).toBe('product')
  })

  it('prefers URL shapes over dataLayer, dataLayer over structured data, structured data over URL words', async () => {
    const viewItem = "<script>dataLayer = [{ event: 'view_item' }]</script>"
    const listLd = '<script type="application/ld+json">{"@type":"CollectionPage"}</script>'
    expect(detectStage(await open('/cart', viewItem)).touchpoint).toBe('cart')
    expect(detectStage(await open('/x/help', viewItem + listLd)).touchpoint).toBe('product')
    expect(detectStage(await open('/x/help', listLd)).touchpoint).toBe('listing')
    expect(detectStage(await open('/x/help')).touchpoint).toBe('support')
  })

  it('reads a generic CMS page as content unless a weaker signal is more precise', async () => {
    expect(detectStage(await open('/pages/our-story', shopifyMeta('page')))).toMatchObject({
      touchpoint: 'content',
      signal: 'shopify:pageType',
    })
    expect(detectStage(await open('/pages/faq', shopifyMeta('page')))).toMatchObject({
      touchpoint: 'support',
      signal: 'url',
    })
    const purchase = "<script>dataLayer = [{ event: 'purchase' }]</script>"
    expect(
      detectStage(await open('/thanks-for-shopping/', purchase, '', 'page-template-default page page-id-9')).touchpoint,
    ).toBe('confirmation')
  })

  it('answers other with signal none when nothing is known', async () => {
    expect(detectStage(await open('/lookbook-2025'))).toEqual({
      stage: 'awareness',
      touchpoint: 'other',
      signal: 'none',
    })
  })

  it('never throws on hostile globals and markup', async () => {
    const w = await open(
      '/products/tee',
      `<script>
        Object.defineProperty(window, 'ShopifyAnalytics', { get() { throw new Error('boom') } });
        window.Shopify = { get Checkout() { throw new Error('boom') } };
        window.dataLayer = [null, 7, 'x', { event: {} }, { ecommerce: 'y' }, { event: 'toString' }, { event: '__proto__' }];
      </script>
      <script type="application/ld+json">{ not json</script>
      <script type="application/ld+json">{"@type":"constructor"}</script>`,
    )
    expect(detectStage(w)).toMatchObject({ touchpoint: 'product', signal: 'url:path' })
  })

  it('works without a window (server-side import) and on a window with no body yet', async () => {
    expect(detectStage(undefined, { stage: 'cart' }).touchpoint).toBe('cart')
    const w = await open('/cart')
    w.document.body.remove()
    expect(detectStage(w).touchpoint).toBe('cart')
  })

  it('follows the URL after a single-page navigation even though the load-time globals stay behind', async () => {
    const w = await open('/products/tee', shopifyMeta('product'), '', 'template-product')
    expect(detectStage(w)).toMatchObject({ touchpoint: 'product', signal: 'shopify:pageType' })
    w.history.pushState({}, '', '/cart')
    expect(detectStage(w)).toMatchObject({ touchpoint: 'cart', signal: 'url:path' })
    w.history.pushState({}, '', '/products/tee?variant=2')
    expect(detectStage(w).signal).toBe('shopify:pageType')
  })

  it('trusts globals again once the store updates them after navigation', async () => {
    const w = await open('/app', shopifyMeta('home'))
    expect(detectStage(w).touchpoint).toBe('home')
    w.history.pushState({}, '', '/app?view=1')
    ;(w as unknown as { ShopifyAnalytics: unknown }).ShopifyAnalytics = { meta: { page: { pageType: 'cart' } } }
    w.history.pushState({}, '', '/app/view')
    expect(detectStage(w)).toMatchObject({ touchpoint: 'cart', signal: 'shopify:pageType' })
  })
})
