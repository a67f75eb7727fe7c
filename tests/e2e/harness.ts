/**
 * The end-to-end harness: every browser test drives the built dist/ files through it.
 *
 *   const harness = useHarness({ '/cart': page({ tag: tag({ 'data-debug': true }) }) })
 *
 *   it('asks nothing on the cart before the shopper lingers', async () => {
 *     const { tab, logged } = await harness.visit('/cart')
 *     await logged(/survey csat on delay=30000: not shown/)      // a decision, not a sleep
 *     const card = await appears(tab)                             // the dialog, by role
 *     const post = await harness.shop.posts.until((p) => p.ids.length > 0)
 *     expect(await harness.shop.collector.store.get(post.ids[0])).toMatchObject({ score: 4 })
 *   })
 *
 * - `launchChromium()`: the one way to start Chromium (`CHROMIUM_PATH`, else /usr/bin/chromium;
 *   one set of flags, from scripts/chromium-launch.mjs, which the demo and the bench use too).
 * - `useHarness(pages)` registers the hooks: in `beforeAll` the shop server starts (its pages, the
 *   CDN files of dist/ at `/`, `/dist/esm/` and `/node_modules/` for import maps, and `/collect`
 *   passed on to the REAL reference collector on a temp SQLite file) and Chromium is launched;
 *   `afterEach` closes every context the test opened, fails the test if a page threw, and resets
 *   the shop's `posts` and `intercept` (a request from a context of an earlier test, such as the
 *   beacon of a tab closing, is passed on but not recorded); `afterAll` closes everything. `useHarness(null)`: the
 *   browser alone (the demo runs its own server; `visit` then takes full URLs).
 * - The shop (`harness.shop`, harness/shop.ts): `posts` records every POST to /collect (raw body,
 *   ids, displays, beacon or not, status) and can be waited on (`posts.until`, `delivered(id)`);
 *   `fail(n, status)` answers the next n POSTs with a status instead of the collector, `hold()`
 *   keeps them until released, `intercept` decides per request; `collector.store` and `dbPath`
 *   read what was stored.
 * - `page(parts)` / `tag(attributes)` / `stub(...calls)` (harness/page.ts): the one store page.
 * - `harness.visit(path, options)` (harness/visit.ts): a new context and tab at `path`, once the
 *   API (`window.touchpoint.version`) is up; `{ context, tab, lines, errors, go, logged }`.
 *   `logged(pattern)` waits for a console line: with `data-debug` the loader reports its
 *   decisions there, so a test proves a negative by waiting for the decision, never by sleeping.
 * - `appears(tab, name?)`: the survey card by role `dialog` and accessible name.
 * - `recordEvents(tab)` (harness/events.ts): the widget's events recorded in the page; `hear(name)`
 *   resolves on the event itself (an answer's id, a `sent`, a `stage`), without polling.
 * - `collectorAnswers(tab)`: the answers to a tab's POSTs to /collect, beacons included, to wait
 *   on where the collector is not the harness's own (the demo's).
 */
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { CollectorOptions } from '../../src/collector/server'
import { launchChromium } from './harness/chromium'
import { startShop, TEST_COOKIE, type PageSource, type Shop } from './harness/shop'
import { openVisit, type Visit, type VisitOptions } from './harness/visit'

export { launchChromium, requireBuild, ROOT } from './harness/chromium'
export { page, stub, tag, type PageParts, type TagAttributes } from './harness/page'
export type { Intercept, PageSource, Post, Shop } from './harness/shop'
export { apiReady, appears, collectorAnswers, type Answered, type Visit, type VisitOptions } from './harness/visit'
export { watched, type Watched } from './harness/watch'
export { recordEvents, type Events } from './harness/events'

export interface Harness {
  /** The shop server (throws in a harness started without one). */
  readonly shop: Shop
  readonly browser: Browser
  /** Opens `path` on the shop (or a full URL) in a new context, tracked for `afterEach`. */
  visit(path: string, options?: VisitOptions): Promise<Visit>
}

/**
 * Starts the shop (unless `pages` is null) and Chromium for this test file, and registers the
 * hooks that close them; see the top of this file.
 */
export function useHarness(
  pages: Record<string, PageSource> | null = {},
  collectorOptions: Partial<CollectorOptions> = {},
): Harness {
  let shop: Shop | undefined
  let browser: Browser | undefined
  // What this test opened: closed after it, and the uncaught errors of each tab.
  const contexts = new Set<BrowserContext>()
  let tabErrors: string[][] = []

  beforeAll(async () => {
    if (pages) shop = await startShop(pages, collectorOptions)
    browser = await launchChromium()
  })
  afterEach(async () => {
    const thrown = tabErrors.flat()
    await Promise.all([...contexts].map((context) => context.close()))
    contexts.clear()
    tabErrors = []
    shop?.reset()
    if (thrown.length) throw new Error('the page threw: ' + thrown.join('\n'))
  })
  afterAll(async () => {
    await browser?.close()
    await shop?.close()
  })

  const harness: Harness = {
    get shop() {
      if (!shop) throw new Error('this harness runs without a shop server (useHarness(null))')
      return shop
    },
    get browser() {
      return browser!
    },
    visit(path, options = {}) {
      const url = (to: string) => (/^https?:/.test(to) ? to : harness.shop.url + to)
      const newContext = async (contextOptions?: BrowserContextOptions) => {
        const context = await harness.browser.newContext(contextOptions)
        // Marks this test's requests, so that a beacon from an earlier test's closing tab is not taken for one of them.
        if (shop) await context.addCookies([{ name: TEST_COOKIE, value: String(shop.test), url: shop.url }])
        return context
      }
      return openVisit(newContext, url, path, options, (context, errors) => {
        contexts.add(context)
        tabErrors.push(errors)
      })
    },
  }
  return harness
}
