// Displays in Chromium: the built dist/ files on a store page send to the real reference
// collector (SQLite). A shown survey that is answered, a dismissed survey, and a survey left
// on screen when the shopper navigates away all arrive with the display link, device and visitor.
import Database from 'better-sqlite3'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { FIRST_SEEN_KEY } from '../../src/loader/displays/visitor'
import { appears, page, tag, useHarness } from './harness'

const harness = useHarness({
  '/checkout/thank-you/': page({ tag: tag({ 'data-flush-ms': '100' }) }),
  '/product/linen-shirt/': page({ tag: tag({ 'data-flush-ms': '60000' }) }),
  '/about/': page({ tag: '' }),
})

const phone = { width: 390, height: 800 }
const desktop = { width: 1440, height: 900 }
const visit = (path: string, viewport: typeof phone) =>
  harness.visit(path, { contextOptions: { viewport, screen: viewport } })

/** Every display the collector's database holds, read from the file itself. */
function displaysInDb(): Record<string, string | null>[] {
  const db = new Database(harness.shop.dbPath, { readonly: true })
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
/** Resolves once the collector has acknowledged `displays` displays and `answers` answers in all. */
const acknowledged = (displays: number, answers = 0) => {
  const { posts } = harness.shop
  const sum = (count: (post: (typeof posts)[number]) => number) =>
    posts.filter((post) => post.status < 300).reduce((total, post) => total + count(post), 0)
  return posts.until(() => sum((post) => post.displays) >= displays && sum((post) => post.ids.length) >= answers, {
    what: `${displays} displays and ${answers} answers`,
  })
}
const show = (tab: Page, kind: string) => tab.evaluate((k) => (window as any).touchpoint.show(k), kind)

describe('displays in Chromium', () => {
  it('counts a shown survey that is answered and a dismissed one at the collector, the answer linked to its display', async () => {
    const { tab } = await visit('/checkout/thank-you/?key=wc_order_secret', phone)
    expect(await show(tab, 'csat')).toBe(true)
    await appears(tab)
    await tab.getByRole('radio', { name: '4', exact: true }).check()
    await tab.keyboard.press('Escape')
    await tab.getByRole('dialog').waitFor({ state: 'detached' })
    expect(await show(tab, 'nps')).toBe(true)
    await appears(tab)
    await tab.keyboard.press('Escape') // closed without a score: dismissed
    await tab.getByRole('dialog').waitFor({ state: 'detached' })
    await acknowledged(3, 1)

    const url = harness.shop.url + '/checkout/thank-you/'
    const common = { stage: 'purchase', touchpoint: 'confirmation', url, locale: 'en', device: 'phone', visitor: 'new' }
    const [shownCsat, shownNps, dismissedNps] = displaysInDb()
    expect(shownCsat).toEqual({ ...common, id: expect.any(String), event: 'shown', survey: 'csat', kind: 'csat' })
    expect(shownNps).toEqual({ ...common, id: expect.any(String), event: 'shown', survey: 'nps', kind: 'nps' })
    expect(dismissedNps).toEqual({ ...common, id: expect.any(String), event: 'dismissed', survey: 'nps', kind: 'nps' })
    const [answer] = await harness.shop.collector.store.page({}, null, 10)
    expect(answer).toMatchObject({
      kind: 'csat',
      score: 4,
      display: shownCsat.id,
      device: 'phone',
      visitor: 'new',
      url,
    })
    const counts = await harness.shop.collector.store.displayCounts({})
    expect(counts.map(({ survey, event, n }) => [survey, event, n])).toEqual([
      ['csat', 'shown', 1],
      ['nps', 'shown', 1],
      ['nps', 'dismissed', 1],
    ])
    // Nothing is left waiting in the widget's outboxes once the collector said 2xx: flush()
    // settles after the send in flight, and finds nothing more to send.
    await tab.evaluate(() => (window as any).touchpoint.flush())
    expect(await tab.evaluate(() => Object.keys(localStorage).filter((k) => /^tp:[od]:/.test(k)))).toEqual([])
  })

  it('gets a shown display through by beacon when the shopper leaves at once, as returning on a desktop the next day', async () => {
    const { tab, go } = await visit('/product/linen-shirt/', desktop)
    // The widget marks this browser's first-seen day once the page is idle; pretend it was yesterday.
    await tab.waitForFunction((key) => localStorage.getItem(key) != null, FIRST_SEEN_KEY)
    await tab.evaluate(
      (key) => localStorage.setItem(key, String(Number(localStorage.getItem(key)) - 1)),
      FIRST_SEEN_KEY,
    )
    expect(await show(tab, 'emotion')).toBe(true)
    // flush-ms is a minute and the next page has no widget: only the beacon on page hide can send it.
    await go('/about/', false)
    await acknowledged(1)
    expect(displaysInDb().at(-1)).toMatchObject({
      event: 'shown',
      kind: 'emotion',
      touchpoint: 'product',
      device: 'desktop',
      visitor: 'returning',
    })
  })
})
