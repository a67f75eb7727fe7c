import { readFileSync } from 'node:fs'
import { join, normalize } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CORPUS, NEUTRAL_PATH, pageHtml } from '../fixtures/load-page'
import { ROOT, recordEvents, tag, useHarness, type Visit } from './harness'

const harness = useHarness({})

/**
 * Opens a store's own page `html` at `url`, with the tag pasted at the end of its body (absolute
 * URLs: OpenCart and Miva pages carry a <base href> of their own store); in `reuse`'s tab when
 * given. Pages reference their platforms' CDNs: nothing but the shop is reachable.
 */
async function load(html: string, url: string, reuse?: Visit): Promise<Visit> {
  const shop = harness.shop
  shop.pages[normalize(new URL(url, shop.url).pathname)] = html.replace(
    /<\/body>/i,
    tag({ src: `${shop.url}/touchpoint.js`, 'data-endpoint': `${shop.url}/collect` }) + '</body>',
  )
  if (reuse) await reuse.go(url)
  const visit =
    reuse ??
    (await harness.visit(url, {
      failOn: 'widget',
      listen: (tab) =>
        tab.route('**/*', (route) => (route.request().url().startsWith(shop.url) ? route.continue() : route.abort())),
    }))
  // A page in a language whose URL words come in the words chunk: read it once the chunk is in
  // (the loader removes its script element then).
  await visit.tab.waitForFunction(() => !document.querySelector('script[src*="touchpoint-words"]'))
  return visit
}

/** The touchpoints of the page's first `count` stage events from now on, once there are that many. */
async function listenForStages(page: Page): Promise<(count: number) => Promise<string[]>> {
  const events = await recordEvents(page, ['stage'])
  return async (count) => (await events.hear('stage', count, 10_000)).map((detection) => detection.touchpoint)
}

const detect = (page: Page) =>
  page.evaluate(() => (window as unknown as { touchpoint: { detect(): unknown } }).touchpoint.detect())

describe('detection in Chromium, through the CDN script', () => {
  // Each page is loaded twice: at its own URL (every page right) and at a neutral path, where
  // pages whose markup names their kind must read the same.
  it.each([
    ['at its URL', false],
    [`from its markup alone at ${NEUTRAL_PATH}`, true],
  ])(
    'reads every corpus page right %s',
    async (_, neutral) => {
      const wrong: string[] = []
      let right = 0
      let visit: Visit | undefined
      for (const entry of CORPUS) {
        const url = neutral ? NEUTRAL_PATH : entry.url
        visit = await load(pageHtml(entry.file), url, visit)
        const found = (await detect(visit.tab)) as { touchpoint: string; signal: string }
        if (found.touchpoint == entry.touchpoint) right++
        else if (!neutral || entry.markup !== false)
          wrong.push(`${entry.file} at ${url}: ${found.touchpoint} (${found.signal}), expected ${entry.touchpoint}`)
      }
      console.log(
        `Chromium: ${right} of ${CORPUS.length} corpus pages right at ${neutral ? NEUTRAL_PATH : 'their URLs'} (${((100 * right) / CORPUS.length).toFixed(1)} %)`,
      )
      expect(CORPUS.length).toBeGreaterThanOrEqual(150)
      expect(wrong).toEqual([])
    },
    600_000,
  )

  it('follows a single-page store through pushState, popstate, replaceState and hashchange', async () => {
    const { tab: page } = await load(readFileSync(join(ROOT, 'tests/fixtures/spa/store.html'), 'utf8'), '/')
    const heard = await listenForStages(page)
    expect(await detect(page)).toMatchObject({ touchpoint: 'home' })

    await page.click('text=Desk lamp')
    expect(await heard(1)).toEqual(['product'])
    await page.click('#add') // an action on the product page: no new stage
    await page.click('text=Cart (1)')
    expect(await heard(2)).toEqual(['product', 'cart'])
    expect(await detect(page)).toMatchObject({ stage: 'decision', touchpoint: 'cart' })

    await page.goBack()
    expect(await heard(3)).toEqual(['product', 'cart', 'product'])
    await page.evaluate(() => history.replaceState({}, '', '/search?q=lamp'))
    expect(await heard(4)).toEqual(['product', 'cart', 'product', 'search'])
    await page.evaluate(() => history.pushState({}, '', '/'))
    expect(await heard(5)).toEqual(['product', 'cart', 'product', 'search', 'home'])
    await page.click('text=Account') // a hash-routed view: #/account
    expect(await heard(6)).toEqual(['product', 'cart', 'product', 'search', 'home', 'account'])
  })

  it("leaves a platform page's load-time globals behind after client-side navigation", async () => {
    const { tab: page } = await load(pageHtml('shopify/product.html'), '/products/linen-shirt')
    expect(await detect(page)).toMatchObject({ touchpoint: 'product', signal: 'shopify:pageType' })
    const heard = await listenForStages(page)
    await page.evaluate(() => history.pushState({}, '', '/cart'))
    expect(await heard(1)).toEqual(['cart'])
    expect(await detect(page)).toMatchObject({ touchpoint: 'cart' })
  })
})
