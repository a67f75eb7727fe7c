// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Window as HappyWindow } from 'happy-dom'
import { detectStage, watchDataLayer } from '../../../src/loader/detection'
import { openPage } from '../../fixtures/load-page'

type W = Window & typeof globalThis & { dataLayer: unknown[] & { push: (...items: unknown[]) => number } }
const opened: HappyWindow[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((w) => w.happyDOM.close()))
})
const open = async (url: string, head = '') => {
  const w = await openPage(`<!doctype html><html><head>${head}</head><body></body></html>`, url)
  opened.push(w)
  return w as unknown as W
}

describe('watchDataLayer', () => {
  it('creates dataLayer when absent and reports later GTM and gtag events with their parameters', async () => {
    const w = await open('/x')
    const seen: [string, unknown][] = []
    watchDataLayer(w, (name, args) => seen.push([name, args]))
    expect(Array.isArray(w.dataLayer)).toBe(true)
    w.dataLayer.push({ event: 'add_to_cart', ecommerce: { value: 5 } })
    ;(function (..._: unknown[]) {
      // eslint-disable-next-line prefer-rest-params
      w.dataLayer.push(arguments)
    })('event', 'purchase', { transaction_id: 'T1' })
    w.dataLayer.push({ event: 'gtm.click' }, { consent: 'default' })
    expect(seen).toEqual([
      ['add_to_cart', { event: 'add_to_cart', ecommerce: { value: 5 } }],
      ['purchase', { transaction_id: 'T1' }],
    ])
  })

  it('keeps a push wrapped before us (GTM loaded first) working, and one wrapped after us', async () => {
    const w = await open('/x', '<script>window.dataLayer = [];</script>')
    const gtmSeen: unknown[] = []
    const original = w.dataLayer.push
    w.dataLayer.push = function (this: unknown[], ...items: unknown[]) {
      gtmSeen.push(...items)
      return original.apply(this, items)
    }
    const seen: string[] = []
    watchDataLayer(w, (name) => seen.push(name))
    const ours = w.dataLayer.push
    const lateSeen: unknown[] = []
    w.dataLayer.push = function (this: unknown[], ...items: unknown[]) {
      lateSeen.push(...items)
      return ours.apply(this, items)
    }
    expect(w.dataLayer.push({ event: 'view_cart' })).toBe(1)
    expect(gtmSeen).toHaveLength(1)
    expect(lateSeen).toHaveLength(1)
    expect(seen).toEqual(['view_cart'])
    expect(w.dataLayer).toHaveLength(1)
  })

  it('wraps push only once however often it is called, and each subscriber can stop', async () => {
    const w = await open('/x')
    const a = vi.fn()
    const b = vi.fn()
    const stopA = watchDataLayer(w, a)
    const wrapped = w.dataLayer.push
    watchDataLayer(w, b)
    expect(w.dataLayer.push).toBe(wrapped)
    stopA()
    w.dataLayer.push({ event: 'view_item' })
    expect(a).not.toHaveBeenCalled()
    expect(b).toHaveBeenCalledTimes(1)
  })

  it("never lets a throwing subscriber break the store's push", async () => {
    const w = await open('/x')
    const after = vi.fn()
    watchDataLayer(w, () => {
      throw new Error('subscriber bug')
    })
    watchDataLayer(w, after)
    expect(() => w.dataLayer.push({ event: 'add_to_cart' }, null, 'x', 7)).not.toThrow()
    expect(after).toHaveBeenCalledWith('add_to_cart', { event: 'add_to_cart' })
    expect(w.dataLayer).toHaveLength(4)
  })

  it('does nothing when a store put something other than an array there', async () => {
    const w = await open('/x', "<script>window.dataLayer = 'not an array'</script>")
    expect(() => watchDataLayer(w, () => {})()).not.toThrow()
    expect(w.dataLayer).toBe('not an array')
  })
})

describe('dataLayer as a page signal', () => {
  it('treats add_to_cart on a product page as an action, not a cart page', async () => {
    const w = await open(
      '/p/tee',
      "<script>dataLayer = [{ event: 'view_item' }, { event: 'add_to_cart' }, { event: 'select_item' }]</script>",
    )
    watchDataLayer(w, () => {})
    w.dataLayer.push({ event: 'add_to_cart' }, { event: 'remove_from_cart' })
    expect(detectStage(w)).toMatchObject({ touchpoint: 'product', signal: 'datalayer:view_item' })
  })

  it('lets the most specific page event win: a product page with a related-products list', async () => {
    const w = await open(
      '/p/tee',
      "<script>dataLayer = [{ event: 'view_item_list' }, { event: 'view_item' }, { event: 'view_item_list' }]</script>",
    )
    expect(detectStage(w).touchpoint).toBe('product')
  })

  it('keeps a mini-cart view_cart fired after load from turning a product page into the cart', async () => {
    const w = await open('/p/tee', "<script>dataLayer = [{ event: 'view_item' }]</script>")
    watchDataLayer(w, () => {})
    w.dataLayer.push({ event: 'view_cart' })
    expect(detectStage(w).touchpoint).toBe('product')
  })

  it("takes the first page event pushed after load as the page's own (a theme that pushes view_item late)", async () => {
    const w = await open('/p/tee')
    watchDataLayer(w, () => {})
    expect(detectStage(w).signal).not.toMatch(/^datalayer/)
    w.dataLayer.push({ event: 'gtm.load' }, { event: 'view_item' })
    expect(detectStage(w)).toMatchObject({ touchpoint: 'product', signal: 'datalayer:view_item' })
    w.dataLayer.push({ event: 'view_cart' }) // a later one is an action (the mini-cart)
    expect(detectStage(w).signal).toBe('datalayer:view_item')
  })

  it('lets a purchase pushed on the same URL (one-page checkout) decide', async () => {
    const w = await open('/p/order', "<script>dataLayer = [{ event: 'begin_checkout' }]</script>")
    watchDataLayer(w, () => {})
    expect(detectStage(w).touchpoint).toBe('checkout')
    w.dataLayer.push({ ecommerce: null }, { event: 'purchase', ecommerce: { transaction_id: '1' } })
    expect(detectStage(w)).toMatchObject({ touchpoint: 'confirmation', signal: 'datalayer:purchase' })
  })

  it("forgets the previous page's events after a single-page navigation", async () => {
    const w = await open('/app/item/1', "<script>dataLayer = [{ event: 'view_item' }]</script>")
    watchDataLayer(w, () => {})
    expect(detectStage(w).touchpoint).toBe('product')
    w.history.pushState({}, '', '/app/overview')
    expect(detectStage(w).touchpoint).toBe('other')
    w.dataLayer.push({ event: 'view_cart' })
    expect(detectStage(w)).toMatchObject({ touchpoint: 'cart', signal: 'datalayer:view_cart' })
    w.history.back()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(w.location.pathname).toBe('/app/item/1')
    expect(detectStage(w).touchpoint).toBe('product')
  })

  it('reads Elevar dl_ events and Universal Analytics ecommerce objects', async () => {
    expect(detectStage(await open('/z', "<script>dataLayer = [{ event: 'dl_view_cart' }]</script>")).touchpoint).toBe(
      'cart',
    )
    expect(
      detectStage(
        await open(
          '/z',
          "<script>dataLayer = [{ event: 'gtm.dom', ecommerce: { detail: { products: [] } } }]</script>",
        ),
      ).signal,
    ).toBe('datalayer:ecommerce.detail')
    expect(
      detectStage(
        await open('/z', '<script>dataLayer = [{ ecommerce: { checkout: { actionField: { step: 1 } } } }]</script>'),
      ).touchpoint,
    ).toBe('checkout')
  })
})
