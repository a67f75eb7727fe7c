// @vitest-environment node
// The demo store, collector and report in real Chromium.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appears, collectorAnswers, useHarness, type VisitOptions } from './harness'
import type { Demo } from '../../demo/app.mjs'
import { ensureBuilt, ROOT } from '../../demo/ensure-build.mjs'

if (!existsSync(join(ROOT, 'dist', 'touchpoint.js')))
  throw new Error('dist/touchpoint.js is missing: run `npm run build` (npm test does)')

let demo: Demo
let dir: string
// Chromium, and every context a test opens closed after it; the demo is its own server.
const harness = useHarness(null)

beforeAll(async () => {
  ensureBuilt({ widget: false })
  const { startDemo } = await import('../../demo/app.mjs')
  dir = mkdtempSync(join(tmpdir(), 'touchpoint-e2e-'))
  demo = await startDemo({ port: 0, dbPath: join(dir, 'demo.db'), log: () => {} })
}, 120_000)

afterAll(async () => {
  await demo?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

// The demo configures its own report password (the collector keeps the report closed without one).
const asReader = () => ({ Authorization: 'Basic ' + Buffer.from(`demo:${demo.reportPassword}`).toString('base64') })
const total = async (): Promise<number> =>
  (await (await fetch(`${demo.url}/api/report`, { headers: asReader() })).json()).total

/** Opens a demo page as a reader of its report would (the report's password given); the widget's API is not waited for unless `api` says so. */
async function open(
  path: string,
  options: { locale?: string; width?: number; api?: VisitOptions['api']; listen?: VisitOptions['listen'] } = {},
): Promise<Page> {
  const width = options.width ?? 1440
  const phone = width < 600
  const { tab } = await harness.visit(demo.url + path, {
    api: options.api ?? false,
    listen: options.listen,
    contextOptions: {
      viewport: { width, height: phone ? 740 : 900 },
      locale: options.locale,
      isMobile: phone,
      hasTouch: phone,
      httpCredentials: { username: 'demo', password: demo.reportPassword },
    },
  })
  return tab
}

describe('demo store', () => {
  it.each([
    ['/', ['home']],
    ['/product-category/clothing/', ['tax-product_cat', 'woocommerce']],
    ['/product/linen-shirt/', ['single-product', 'woocommerce']],
    ['/cart/', ['woocommerce-cart']],
    ['/checkout/', ['woocommerce-checkout']],
    [
      '/checkout/order-received/1234/?key=wc_order_Qx7pL2mA9fKc',
      ['woocommerce-checkout', 'woocommerce-order-received'],
    ],
    ['/my-account/orders/', ['woocommerce-account']],
    ['/vi/danh-muc-san-pham/thoi-trang/', ['tax-product_cat']],
    ['/vi/san-pham/ao-so-mi-linen/', ['single-product']],
    ['/vi/gio-hang/', ['woocommerce-cart']],
    ['/vi/thanh-toan/', ['woocommerce-checkout']],
    ['/vi/tai-khoan/orders/', ['woocommerce-account']],
    ['/vi/lien-he/', ['page']],
    ['/blog/how-to-care-for-linen/', ['single-post']],
  ])('serves %s with WooCommerce body classes and the tag a store owner pastes', async (path, classes) => {
    const page = await open(path)
    const found = await page.evaluate(() => ({
      classes: [...document.body.classList],
      tag: !!document.querySelector('script[src="/touchpoint.js"][data-endpoint="/collect"][async]'),
      lang: document.documentElement.lang,
    }))
    expect(found.classes).toEqual(expect.arrayContaining(classes))
    expect(found.tag).toBe(true)
    expect(found.lang).toBe(path.startsWith('/vi/') ? 'vi' : 'en-US')
  })

  it('pushes GA4 ecommerce events into the dataLayer the way GTM sites do', async () => {
    const page = await open('/checkout/order-received/1234/?key=wc_order_Qx7pL2mA9fKc')
    const purchase = await page.evaluate(() =>
      (
        window as unknown as { dataLayer: { event?: string; ecommerce?: { transaction_id: string; value: number } }[] }
      ).dataLayer.find((e) => e.event === 'purchase'),
    )
    expect(purchase?.ecommerce).toMatchObject({ transaction_id: '1234', value: 830000 })
  })

  it('walks from product to cart to checkout to the thank-you page like WooCommerce', async () => {
    const page = await open('/vi/san-pham/ao-so-mi-linen/')
    await page.getByRole('button', { name: 'Thêm vào giỏ hàng' }).click()
    await page.waitForURL(/\/vi\/gio-hang\/$/)
    await page.getByRole('link', { name: 'Tiến hành thanh toán' }).click()
    await page.waitForURL(/\/vi\/thanh-toan\/$/)
    await page.getByRole('button', { name: 'Đặt hàng' }).click()
    await page.waitForURL(/\/vi\/thanh-toan\/order-received\/1235\/\?key=wc_order_/)
    await expect(page.locator('.woocommerce-thankyou-order-received').textContent()).resolves.toContain('Cảm ơn bạn')
  })
})

describe('demo store as a shopper uses it', () => {
  const miniCart = (page: Page) => page.locator('.cart-contents .count').textContent()

  it('adds a product to the cart, changes its quantity and removes it, like a WooCommerce cart', async () => {
    const page = await open('/product/rattan-tote-bag/')
    expect(await miniCart(page)).toBe('2 items')
    await page.getByRole('spinbutton', { name: 'Quantity' }).fill('2')
    await page.getByRole('button', { name: 'Add to cart' }).click()
    await page.waitForURL(/\/cart\/$/)
    const tote = page.locator('tr.cart_item', { hasText: 'Rattan tote bag' })
    await expect(tote.locator('input.qty').inputValue()).resolves.toBe('2')
    expect(await miniCart(page)).toBe('4 items')

    await tote.locator('input.qty').fill('3')
    await page.getByRole('button', { name: 'Update cart' }).click()
    await page.waitForLoadState()
    expect(await miniCart(page)).toBe('5 items')

    await page.getByRole('link', { name: 'Remove Rattan tote bag' }).click()
    await page.waitForURL(/\/cart\/$/)
    expect(await page.locator('tr.cart_item', { hasText: 'Rattan tote bag' }).count()).toBe(0)
    expect(await miniCart(page)).toBe('2 items')
    const viewCart = await page.evaluate(() =>
      (window as unknown as { dataLayer: { event?: string; ecommerce?: { items: unknown[] } }[] }).dataLayer.find(
        (e) => e.event === 'view_cart',
      ),
    )
    expect(viewCart?.ecommerce?.items).toHaveLength(2)
  })

  it('empties the cart with the order and shows the order on the thank-you page', async () => {
    const page = await open('/shop/')
    await page.locator('a.add_to_cart_button[data-product_id="47"]').click()
    await page.waitForURL(/\/cart\/$/)
    await page.getByRole('link', { name: 'Proceed to checkout' }).click()
    await page.getByRole('button', { name: 'Place order' }).click()
    await page.waitForURL(/order-received/)
    const purchase = await page.evaluate(() =>
      (
        window as unknown as { dataLayer: { event?: string; ecommerce?: { value: number; items: unknown[] } }[] }
      ).dataLayer.find((e) => e.event === 'purchase'),
    )
    expect(purchase?.ecommerce?.items).toHaveLength(3)
    expect(await miniCart(page)).toBe('0 items')
    await page.goto(demo.url + '/cart/')
    await expect(page.locator('.cart-empty').textContent()).resolves.toContain('Your cart is currently empty.')
    await page.goto(demo.url + '/checkout/')
    expect(new URL(page.url()).pathname).toBe('/cart/')
  })

  for (const [lang, path, proceed] of [
    ['en', '/cart/', 'Proceed to checkout'],
    ['vi', '/vi/gio-hang/', 'Tiến hành thanh toán'],
  ] as const) {
    it(`fits the ${lang} cart into a 375 px phone and its checkout button can be tapped`, async () => {
      const page = await open(path, { width: 375 })
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
      await page.getByRole('link', { name: proceed }).tap()
      await page.waitForURL(/\/(checkout|thanh-toan)\/$/)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    })
  }

  it('answers every request of a first visit without a 404, the favicon included', async () => {
    const failed: string[] = []
    const { tab: page } = await harness.visit(demo.url + '/', {
      api: false,
      listen: (tab) =>
        tab.on('response', (response) => {
          if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`)
        }),
    })
    await page.waitForLoadState('networkidle')
    const icon = await page.evaluate(async () => (await fetch('/favicon.ico')).status)
    expect(icon).toBe(200)
    expect(failed).toEqual([])
  })
})

describe('collector in the browser', () => {
  const beaconBatch = (id: string) => ({
    v: 1,
    sent_at: new Date().toISOString(),
    responses: [
      {
        id,
        survey: 'csat',
        kind: 'csat',
        score: 2,
        comment: 'beacon from the page',
        emotion: null,
        stage: 'decision',
        touchpoint: 'checkout',
        url: '/checkout/',
        locale: 'en',
        at: new Date().toISOString(),
      },
    ],
  })

  it('stores an answer the page sends as a text/plain beacon, once even when sent twice', async () => {
    const before = await total()
    const page = await open('/checkout/')
    const answered = collectorAnswers(page)
    const queued = await page.evaluate((batch) => {
      const blob = () => new Blob([JSON.stringify(batch)], { type: 'text/plain' })
      return [navigator.sendBeacon('/collect', blob()), navigator.sendBeacon('/collect', blob())]
    }, beaconBatch('6f1d3c2b-9a8e-4c7d-8b6a-5e4f3d2c1b0a'))
    expect(queued).toEqual([true, true])
    // Both beacons answered by the collector: the second was taken for the duplicate it is.
    await answered.until(() => answered.length == 2, { what: 'the answers to both beacons' })
    expect(answered.map((answer) => answer.status)).toEqual([200, 200])
    expect(await total()).toBe(before + 1)
  })

  it('refuses answers from an origin outside the allow-list, in the browser too', async () => {
    // The demo allows only its own origin; http://localhost:PORT is another origin than http://127.0.0.1:PORT.
    const before = await total()
    const { tab: page } = await harness.visit(demo.url.replace('127.0.0.1', 'localhost') + '/checkout/', { api: false })
    expect(await page.evaluate(() => document.body.classList.contains('woocommerce-checkout'))).toBe(true)
    const result = await page.evaluate(
      async ({ url, batch }) => {
        const body = JSON.stringify(batch)
        const cors = await fetch(url + '/collect', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body,
        }).then(
          (res) => `status ${res.status}`,
          (err: Error) => err.name,
        )
        // A beacon-style request needs no preflight: the collector itself must say no. The
        // fetch settles once the collector has answered, and it stores before it answers.
        await fetch(url + '/collect', {
          method: 'POST',
          mode: 'no-cors',
          headers: { 'Content-Type': 'text/plain' },
          body,
        })
        return cors
      },
      { url: demo.url, batch: beaconBatch('0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e') },
    )
    expect(result).toBe('TypeError')
    expect(await total()).toBe(before)
  })

  it('an answer on the demo store appears in /api/report', async () => {
    const read = async () =>
      (await (await fetch(`${demo.url}/api/report`, { headers: asReader() })).json()) as {
        total: number
        touchpoints: { touchpoint: string; csat: { n: number } }[]
      }
    const before = await read()
    const productCsat = (r: typeof before) => r.touchpoints.find((t) => t.touchpoint === 'product')?.csat.n ?? 0
    const page = await open('/product/linen-shirt/', { api: 'touchpoint' })
    const answered = collectorAnswers(page)
    await page.evaluate(() =>
      (window as unknown as { touchpoint: { show(kind: string): void } }).touchpoint.show('csat'),
    )
    await appears(page)
    await page.getByRole('radio', { name: '4', exact: true }).click()
    await page.getByRole('button', { name: 'Send' }).click()
    await page.evaluate(() => (window as unknown as { touchpoint: { flush(): Promise<void> } }).touchpoint.flush())
    // The collector's answer to the batch that carried the answer: it was stored before that.
    const sent = await answered.until((answer) => answer.body.includes('"score":4'), { what: 'the answer sent' })
    expect(sent.status).toBe(200)
    const after = await read()
    expect(after.total).toBe(before.total + 1)
    expect(productCsat(after)).toBe(productCsat(before) + 1)
  }, 30_000)
})

describe('journey report', () => {
  it('is closed to a visitor without the demo password', async () => {
    expect((await fetch(`${demo.url}/report`)).status).toBe(401)
    expect((await fetch(`${demo.url}/api/report`, { headers: asReader() })).status).toBe(200)
  })

  it('shows five stage columns, colour-coded figures and checkout as the touchpoint to fix first', async () => {
    const page = await open('/report')
    const stages = await page.locator('.journey > section.stage h3').allTextContents()
    expect(stages).toEqual(['Awareness', 'Consideration', 'Decision', 'Purchase', 'Retention'])
    await expect(page.locator('.fix .name').textContent()).resolves.toBe('Checkout')
    await expect(page.locator('.tp.weakest h4').textContent()).resolves.toContain('Checkout')
    expect(await page.locator('.tp.poor').count()).toBeGreaterThan(0)
    expect(await page.locator('.tp.good').count()).toBeGreaterThan(0)
    // Fits a wall screen without sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    mkdirSync(join(ROOT, 'test-results'), { recursive: true })
    await page.screenshot({ path: join(ROOT, 'test-results', 'report.png'), fullPage: true })
  })

  it('speaks Vietnamese to a Vietnamese browser', async () => {
    const page = await open('/report', { locale: 'vi-VN' })
    // Compound words are held together with no-break spaces in the report's Vietnamese.
    const title = (await page.locator('h1').textContent())!.replace(/\u00a0/g, ' ')
    expect(title).toBe('Bản đồ hành trình khách hàng')
    expect((await page.locator('.fix .name').textContent())!.replace(/\u00a0/g, ' ')).toBe('Thanh toán')
  })

  it('filters by date and exports the same range as CSV', async () => {
    const page = await open('/report')
    await page.locator('input[name=from]').fill('2000-01-01')
    await page.locator('input[name=to]').fill('2000-01-31')
    // The date form's Apply (the comments' filter form has one too).
    await page.locator('form:has(input[name=from])').getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL(/from=2000-01-01/)
    await expect(page.locator('header').textContent()).resolves.toContain('0 answers')
    expect(await page.getByRole('link', { name: 'Figures (CSV)' }).getAttribute('href')).toBe(
      '/report.csv?from=2000-01-01&to=2000-01-31',
    )
    const href = await page.getByRole('link', { name: 'Answers (CSV)' }).getAttribute('href')
    expect(href).toBe('/answers.csv?from=2000-01-01&to=2000-01-31')
    const csv = await (await fetch(demo.url + href, { headers: asReader() })).text()
    expect(csv.trim().split('\r\n')).toHaveLength(1)
  })
})
