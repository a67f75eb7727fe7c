import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { page, tag, useHarness } from './harness'

// The survey UI is fetched while the page is idle once a survey this visitor may see is armed on
// the page, so that the card paints without a round trip when its trigger fires; a page where no
// survey can show never downloads it. The built dist/touchpoint.js in Chromium.

const store = (attributes: Record<string, string> = {}) => page({ tag: tag({ ...attributes, async: true }) })

const harness = useHarness({
  // The default plan arms emotion on product pages (dwell and exit intent), nothing on the home page.
  '/products/linen-shirt': store(),
  '/': store(),
  '/products/silk-scarf': store({ 'data-surveys': '' }),
  '/products/wool-hat': store({ 'data-consent': 'required' }),
})

/** Opens `path` for a fresh visitor; `state` preloads the targeting memory (`tp:s`). */
async function visit(path: string, state?: object): Promise<{ tab: Page; ui: () => number }> {
  let requests = 0
  const { tab } = await harness.visit(path, {
    init: () => {
      // Counts every touchpoint-ui.js element the page ever gets: the loader removes its script
      // tag once the chunk has run, so looking for the tag afterwards would miss a fetch that happened.
      ;(window as any).askedForUi = 0
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (/\/touchpoint-ui\.js$/.test((node as HTMLScriptElement).src || (node as HTMLLinkElement).href || ''))
              (window as any).askedForUi++
      }).observe(document, { childList: true, subtree: true })
    },
    listen: async (tab) => {
      if (state) await tab.addInitScript((value) => localStorage.setItem('tp:s', value), JSON.stringify(state))
      tab.on('request', (r) => void (new URL(r.url()).pathname == '/touchpoint-ui.js' && requests++))
    },
  })
  return { tab, ui: () => requests }
}

// Idle callbacks run in the order they were asked for: once ours has run after load, the
// loader's (asked for at load) has run too, and any chunk it wanted is requested.
const idleAfterLoad = (tab: Page) =>
  tab.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const idle = () => requestIdleCallback(() => requestIdleCallback(() => resolve()))
        if (document.readyState == 'complete') idle()
        else addEventListener('load', idle)
      }),
  )

// The page's own record of what it asked for: every element naming the chunk, and its registration.
const asked = (tab: Page) =>
  tab.evaluate(() => (window as any).askedForUi > 0 || !!(window as any).__touchpoint_chunks?.ui)

describe('survey UI prefetch', () => {
  it('fetches the UI at idle on a page where a survey is armed, and show() then needs no request', async () => {
    const { tab, ui } = await visit('/products/linen-shirt')
    await idleAfterLoad(tab)
    // The chunk's script tag is removed once it has run: its registration is the lasting sign.
    await tab.waitForFunction(() => (window as any).__touchpoint_chunks?.ui)
    expect(ui()).toBe(1)
    expect(await asked(tab)).toBe(true) // the page's record agrees with the network's
    expect(await tab.getByRole('dialog').count()).toBe(0)
    expect(await tab.evaluate(() => (window as any).touchpoint.show('nps'))).toBe(true)
    await tab.getByRole('dialog').waitFor()
    expect(ui()).toBe(1)
  })

  it('never fetches it on a page where no survey can show', async () => {
    for (const path of ['/', '/products/silk-scarf']) {
      const { tab, ui } = await visit(path)
      await idleAfterLoad(tab)
      expect(await asked(tab), path).toBe(false)
      expect(ui(), path).toBe(0)
    }
  })

  it('never fetches it for a visitor who may not be asked now (answered a survey yesterday)', async () => {
    const { tab, ui } = await visit('/products/linen-shirt', { s: {}, r: {}, b: 5, a: Date.now() - 864e5 })
    await idleAfterLoad(tab)
    expect(await asked(tab)).toBe(false)
    expect(ui()).toBe(0)
  })

  it('waits for consent when it is required, and fetches once it is given', async () => {
    const { tab, ui } = await visit('/products/wool-hat')
    await idleAfterLoad(tab)
    expect(await asked(tab)).toBe(false)
    expect(ui()).toBe(0) // nothing before consent
    const fetched = tab.waitForRequest((r) => r.url().endsWith('/touchpoint-ui.js'))
    await tab.evaluate(() => (window as any).touchpoint.consent(true))
    await fetched
  })
})
