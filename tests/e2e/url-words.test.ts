// URL words in German, French … are not in the loader: a page whose <html lang> is one of those
// languages fetches touchpoint-words.js next to the loader, and the stage follows once it is in.
// Seen from the store's side in Chromium: the built files, a page that says its kind only in
// its URL, and what the widget asks for on the network.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { launchChromium, ROOT, serve, type TestServer } from './browser'

const store = (lang: string, attrs = '', src = '/touchpoint.js') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Laden</title></head>` +
  `<body><h1>Ihr Warenkorb</h1><script src="${src}" data-endpoint="/collect" ${attrs} async></script></body></html>`

let browser: Browser
let server: TestServer
let context: BrowserContext | undefined

beforeAll(async () => {
  browser = await launchChromium()
  server = await serve({
    '/de/warenkorb/': store('de-DE', 'data-surveys="cart:csat@delay=0s"'),
    '/fr/mon-compte/commandes/': store('fr'),
    '/en/shopping-bag/': store('en-US'),
    '/warenkorb/': store('en'),
    '/missing/warenkorb/': store('de', '', '/missing/touchpoint.js'),
  })
}, 60_000)
afterEach(async () => {
  await context?.close()
  context = undefined
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** Opens `path`, recording the stage events and every script the page asks for. */
async function visit(path: string): Promise<{ tab: Page; scripts: string[]; errors: string[] }> {
  context = await browser.newContext()
  const tab = await context.newPage()
  const scripts: string[] = []
  const errors: string[] = []
  tab.on('pageerror', (error) => errors.push(error.message))
  // The loader under /missing/ too, where the server has no words chunk (it answers 404).
  await tab.route('**/missing/touchpoint.js', (route) =>
    route.fulfill({ path: join(ROOT, 'dist/touchpoint.js'), contentType: 'text/javascript' }),
  )
  tab.on('request', (request) => {
    if (request.resourceType() == 'script') scripts.push(new URL(request.url()).pathname)
  })
  await tab.addInitScript(() => {
    const w = window as any
    w.stages = []
    w.touchpoint = function () {
      // eslint-disable-next-line prefer-rest-params
      ;(w.touchpoint.q = w.touchpoint.q || []).push(arguments)
    }
    w.touchpoint('on', 'stage', (detection: unknown) => w.stages.push(detection))
  })
  await tab.goto(server.url + path)
  await tab.waitForFunction(() => typeof (window as any).touchpoint?.detect == 'function')
  return { tab, scripts, errors }
}

const detect = (tab: Page) => tab.evaluate(() => (window as any).touchpoint.detect())

describe('URL words in the page language', () => {
  it('fetches the German words on a German page: the cart is a cart, and its survey shows there', async () => {
    const { tab, scripts, errors } = await visit('/de/warenkorb/')
    await expect.poll(() => detect(tab)).toEqual({ stage: 'decision', touchpoint: 'cart', signal: 'url' })
    expect(scripts).toContain('/touchpoint-words.js')
    // The stage changed when the words came in, and the store's code heard it.
    await expect.poll(() => tab.evaluate(() => (window as any).stages.map((d: any) => d.touchpoint))).toEqual(['cart'])
    // Targeting followed: the survey for carts is due on this page.
    await tab.locator('[data-touchpoint-survey] [role=dialog]').waitFor()
    expect(errors).toEqual([])
  })

  it('reads French words on a French page (a sub-tag-free lang)', async () => {
    const { tab, scripts } = await visit('/fr/mon-compte/commandes/')
    await expect.poll(() => detect(tab)).toMatchObject({ stage: 'retention', touchpoint: 'account' })
    expect(scripts).toContain('/touchpoint-words.js')
  })

  it('never fetches them on an English page', async () => {
    const { tab, scripts } = await visit('/en/shopping-bag/')
    expect(await detect(tab)).toMatchObject({ touchpoint: 'cart', signal: 'url' })
    await tab.waitForLoadState('load')
    expect(scripts).toContain('/touchpoint.js')
    expect(scripts).not.toContain('/touchpoint-words.js')
  })

  it('reads a German word on a page that says it is English as nothing (the documented limit)', async () => {
    const { tab, scripts } = await visit('/warenkorb/')
    await tab.waitForLoadState('load')
    expect(await detect(tab)).toMatchObject({ touchpoint: 'other', signal: 'none' })
    expect(scripts).not.toContain('/touchpoint-words.js')
  })

  it('keeps working when the words cannot be fetched: no error on the page, the stage from what the loader has', async () => {
    const { tab, scripts, errors } = await visit('/missing/warenkorb/')
    await tab.waitForLoadState('load')
    await tab.waitForFunction(() => !document.querySelector('script[src*="touchpoint-words"]'))
    expect(scripts).toContain('/missing/touchpoint-words.js')
    expect(await detect(tab)).toMatchObject({ touchpoint: 'other', signal: 'none' })
    expect(await tab.evaluate(() => typeof (window as any).touchpoint.show)).toBe('function')
    expect(errors).toEqual([])
  })
})
