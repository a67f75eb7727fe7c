// The CDN loader in Firefox ESR: the public API from an async tag, the stub's queued calls
// replayed, and detect() on the whole detection corpus and through single-page navigation.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'puppeteer-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CORPUS, pageHtml } from '../fixtures/load-page'
import { ROOT, hear, launchFirefox, loaderUp, pageErrors, recordEvents } from './firefox'
import { openShop, type Shop } from './shop'

const TAG = '<script src="/touchpoint.js" data-endpoint="/collect" async></script>'
const STUB = `<script>window.touchpoint=window.touchpoint||function(){(touchpoint.q=touchpoint.q||[]).push(arguments)};
touchpoint('setStage','cart');touchpoint('on','stage',function(d){window.stages=(window.stages||[]).concat(d.touchpoint)});</script>`
const withTag = (html: string) => html.replace(/<\/body>/i, TAG.replace(' async', '') + recordEvents() + '</body>')
const queued = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>${STUB}${TAG}</head><body><h1>Shop</h1></body></html>`

// One corpus page per signal the corpus exercises (platform globals, body classes, URL shapes and
// words, data-stage, dataLayer events, JSON-LD, og:type) and per platform: Firefox's part is the DOM
// and globals these read. Every page of the corpus runs in happy-dom and in Chromium (tests/e2e).
const SAMPLE = [
  'shopify/home.html',
  'shopify/product-market-headless.html',
  'shopify/contact.html',
  'woocommerce/shop.html',
  'woocommerce/blog-post.html',
  'woocommerce-vi/home.html',
  'magento/home.html',
  'bigcommerce/home.html',
  'bigcommerce/category-data-stage.html',
  'haravan/product.html',
  'sapo/home.html',
  'hand-made/product.html',
  'hand-made/category-itemlist.html',
  'hand-made/basket.html',
  'hand-made/checkout.html',
  'hand-made/confirmation.html',
  'hand-made/confirmation-ua.html',
  'hand-made/og-product.html',
]

let browser: Browser
let shop: Shop
let context: BrowserContext | undefined
// The corpus page the store answers with next, whatever the path (corpus pages share paths like `/`).
let nextPage = ''

beforeAll(async () => {
  shop = await openShop((path) =>
    path == '/queued' ? queued : path == '/favicon.ico' || !nextPage ? undefined : withTag(nextPage),
  )
  browser = await launchFirefox()
})
afterAll(async () => {
  await browser?.close()
  await shop?.close()
})
afterEach(async () => {
  await context?.close()
  context = undefined
})

async function open(path: string, html = ''): Promise<{ tab: Page; errors: string[] }> {
  nextPage = html
  context ||= await browser.createBrowserContext()
  const tab = await context.newPage()
  const errors = pageErrors(tab)
  await tab.goto(shop.url + path)
  await loaderUp(tab)
  return { tab, errors }
}
const detect = (tab: Page) => tab.evaluate(() => (window as any).touchpoint.detect())

describe('the CDN loader in Firefox ESR', () => {
  it('exposes the API from an async tag and replays the calls the stub queued, in order', async () => {
    const { tab, errors } = await open('/queued')
    const api = await tab.evaluate(() => {
      const tp = (window as any).touchpoint
      return {
        version: typeof tp.version,
        methods: ['detect', 'show', 'on', 'flush', 'setStage', 'consent', 'track'].filter(
          (m) => typeof tp[m] == 'function',
        ),
      }
    })
    expect(api).toEqual({
      version: 'string',
      methods: ['detect', 'show', 'on', 'flush', 'setStage', 'consent', 'track'],
    })
    // setStage('cart') was queued before the loader ran; the queued `on('stage')` hears the next change.
    expect(await detect(tab)).toMatchObject({ stage: 'decision', touchpoint: 'cart' })
    await tab.evaluate(() => (window as any).touchpoint('setStage', 'confirmation'))
    expect(await tab.evaluate(() => (window as any).stages)).toEqual(['confirmation'])
    expect(await tab.evaluate(() => (window as any).touchpoint('detect').stage)).toBe('purchase')
    expect(errors).toEqual([])
  })

  it('detect() reads a page of every kind in the detection corpus right', async () => {
    const pages = CORPUS.filter((entry) => SAMPLE.includes(entry.file))
    expect(pages.map((entry) => entry.file).sort()).toEqual([...SAMPLE].sort())
    const wrong: string[] = []
    let tab: Page | undefined
    for (const entry of pages) {
      nextPage = pageHtml(entry.file)
      tab ||= await (context ||= await browser.createBrowserContext()).newPage()
      // One round trip per page: a tag without `async` has run by the time `load` fires.
      await tab.goto(shop.url + entry.url)
      const found = await tab.evaluate(
        () => (window as any).touchpoint?.detect() || { touchpoint: 'no loader', signal: '' },
      )
      if (found.touchpoint != entry.touchpoint)
        wrong.push(`${entry.file} at ${entry.url}: ${found.touchpoint} (${found.signal}), expected ${entry.touchpoint}`)
    }
    expect(wrong).toEqual([])
  })

  it('detect() follows a single-page store through link clicks, back and pushState', async () => {
    const { tab } = await open('/', readFileSync(join(ROOT, 'tests/fixtures/spa/store.html'), 'utf8'))
    // The touchpoints of the first `count` stage events, once there are that many.
    const stages = async (count: number) => (await hear(tab, 'stage', count)).map((d) => d.touchpoint)
    expect(await detect(tab)).toMatchObject({ touchpoint: 'home' })
    await tab.locator('a::-p-text(Desk lamp)').click()
    expect(await stages(1)).toEqual(['product'])
    await tab.locator('a::-p-text(Cart (1))').click()
    expect(await stages(2)).toEqual(['product', 'cart'])
    expect(await detect(tab)).toMatchObject({ stage: 'decision', touchpoint: 'cart' })
    await tab.evaluate(() => history.back())
    expect(await stages(3)).toEqual(['product', 'cart', 'product'])
    await tab.evaluate(() => history.pushState({}, '', '/search?q=lamp'))
    expect(await stages(4)).toEqual(['product', 'cart', 'product', 'search'])
    expect(await detect(tab)).toMatchObject({ stage: 'consideration', touchpoint: 'search', signal: 'url:path' })
  })
})
