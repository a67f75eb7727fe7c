// Displays in Chromium: the built dist/ files on a store page send to the real reference
// collector (SQLite). A shown survey that is answered, a dismissed survey, and a survey left
// on screen when the shopper navigates away all arrive with the display link, device and visitor.
import Database from 'better-sqlite3'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createCollector, type Collector } from '../../src/collector/server'
import { FIRST_SEEN_KEY } from '../../src/loader/displays/visitor'
import { tempDir } from '../collector/fixtures'
import { launchChromium, page, serve, type TestServer } from './browser'

let browser: Browser
let collector: Collector
let shop: TestServer
let dbPath = ''
let removeDb = () => {}
let context: BrowserContext | undefined

beforeAll(async () => {
  const tmp = tempDir()
  dbPath = tmp.dbPath
  removeDb = tmp.remove
  collector = createCollector({ dbPath, log: () => {}, rateLimit: null })
  const { url } = await collector.listen(0, '127.0.0.1')
  const tag = (flushMs: number) =>
    `<script src="/touchpoint.js" data-endpoint="${url}/collect" data-flush-ms="${flushMs}"></script>`
  shop = await serve({
    '/checkout/thank-you/': page(tag(100)),
    '/product/linen-shirt/': page(tag(60000)),
    '/about/': page(''),
  })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await shop?.close()
  await collector?.close()
  removeDb()
})
afterEach(async () => {
  await context?.close()
  context = undefined
})

async function open(path: string, viewport = { width: 390, height: 800 }): Promise<Page> {
  context ||= await browser.newContext({ viewport, screen: viewport })
  const tab = await context.newPage()
  tab.on('pageerror', (e) => {
    throw e
  })
  await tab.goto(shop.url + path)
  await tab.waitForFunction(() => (window as any).touchpoint?.version)
  return tab
}

/** Every display the collector's database holds, read from the file itself. */
function displaysInDb(): Record<string, string | null>[] {
  const db = new Database(dbPath, { readonly: true })
  try {
    return db
      .prepare(
        'SELECT id, event, survey, kind, stage, touchpoint, url, locale, device, visitor FROM displays ORDER BY at, event DESC',
      )
      .all() as never
  } finally {
    db.close()
  }
}
const until = async (what: () => Promise<boolean> | boolean, ms = 15000) => {
  for (const end = Date.now() + ms; !(await what());) {
    if (Date.now() > end) throw new Error('timed out; displays: ' + JSON.stringify(displaysInDb()))
    await new Promise((r) => setTimeout(r, 25))
  }
}
const show = (tab: Page, kind: string) => tab.evaluate((k) => (window as any).touchpoint.show(k), kind)

describe('displays in Chromium', () => {
  it('counts a shown survey that is answered and a dismissed one at the collector, the answer linked to its display', async () => {
    const tab = await open('/checkout/thank-you/?key=wc_order_secret')
    expect(await show(tab, 'csat')).toBe(true)
    await tab.getByRole('radio', { name: '4', exact: true }).check()
    await tab.keyboard.press('Escape')
    await tab.getByRole('dialog').waitFor({ state: 'detached' })
    expect(await show(tab, 'nps')).toBe(true)
    await tab.keyboard.press('Escape') // closed without a score: dismissed
    await tab.getByRole('dialog').waitFor({ state: 'detached' })
    await until(async () => displaysInDb().length == 3 && (await collector.store.count()) == 1)

    const url = shop.url + '/checkout/thank-you/'
    const common = { stage: 'purchase', touchpoint: 'confirmation', url, locale: 'en', device: 'phone', visitor: 'new' }
    const [shownCsat, shownNps, dismissedNps] = displaysInDb()
    expect(shownCsat).toEqual({ ...common, id: expect.any(String), event: 'shown', survey: 'csat', kind: 'csat' })
    expect(shownNps).toEqual({ ...common, id: expect.any(String), event: 'shown', survey: 'nps', kind: 'nps' })
    expect(dismissedNps).toEqual({ ...common, id: expect.any(String), event: 'dismissed', survey: 'nps', kind: 'nps' })
    const [answer] = await collector.store.page({}, null, 10)
    expect(answer).toMatchObject({
      kind: 'csat',
      score: 4,
      display: shownCsat.id,
      device: 'phone',
      visitor: 'new',
      url,
    })
    const counts = await collector.store.displayCounts({})
    expect(counts.map(({ survey, event, n }) => [survey, event, n])).toEqual([
      ['csat', 'shown', 1],
      ['nps', 'shown', 1],
      ['nps', 'dismissed', 1],
    ])
    // Nothing is left waiting in the widget's outboxes once the collector said 2xx.
    await until(() => tab.evaluate(() => !Object.keys(localStorage).some((k) => /^tp:[od]:/.test(k))))
  })

  it('gets a shown display through by beacon when the shopper leaves at once, as returning on a desktop the next day', async () => {
    const tab = await open('/product/linen-shirt/', { width: 1440, height: 900 })
    // The widget marked this browser's first-seen day on this page view; pretend it was yesterday.
    await until(() => tab.evaluate((key) => localStorage.getItem(key) != null, FIRST_SEEN_KEY))
    await tab.evaluate(
      (key) => localStorage.setItem(key, String(Number(localStorage.getItem(key)) - 1)),
      FIRST_SEEN_KEY,
    )
    expect(await show(tab, 'emotion')).toBe(true)
    const before = displaysInDb().length
    // flush-ms is a minute and the next page has no widget: only the beacon on page hide can send it.
    await tab.goto(shop.url + '/about/')
    await until(() => displaysInDb().length == before + 1)
    expect(displaysInDb().at(-1)).toMatchObject({
      event: 'shown',
      kind: 'emotion',
      touchpoint: 'product',
      device: 'desktop',
      visitor: 'returning',
    })
  })
})
