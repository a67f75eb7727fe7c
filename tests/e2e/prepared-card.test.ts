import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appears, page, recordEvents, tag, useHarness } from './harness'

// A survey armed on a page has its card rendered ahead, at idle, invisible and inert, so that
// its show() only reveals it (src/ui/open-survey.tsx). The built dist/ files in Chromium: before
// show nothing of it can be seen, focused, tabbed to or heard, and nothing moves; at show it is
// the same card as ever. A different survey than the prepared one still shows, as ever.

const PRODUCT = (surveys: string) =>
  page({
    head: '<meta name="viewport" content="width=device-width,initial-scale=1">',
    bodyClass: 'single-product woocommerce',
    body: '<main><button id="buy">Add to cart</button><p>Linen shirt</p></main>',
    // A dwell of ten minutes: armed (the UI is prefetched and the card prepared), never fired here.
    tag: tag({ 'data-surveys': surveys, 'data-flush-ms': '200', async: true }),
  })

const harness = useHarness({
  '/product/linen-shirt/': PRODUCT('product:nps@dwell=600s'),
  // As the default plan arms it on a product page: an emotion survey on exit intent.
  '/product/wool-coat/': PRODUCT('product:emotion@exit'),
})

// Installed before any page script: layout shifts (as web-vitals counts CLS, without recent input).
const WATCH_SHIFTS = () => {
  const w = window as any
  w.shift = 0
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as any[]) if (!entry.hadRecentInput) w.shift += entry.value
  }).observe({ type: 'layout-shift', buffered: true })
}

// The build shortens our own attribute names (data-floating): the prepared host is found by `inert`.
const PREPARED = 'body > [inert]'

/** Opens a product page and waits until its card is prepared and three idle callbacks more. */
async function prepared(path = '/product/linen-shirt/'): Promise<Page> {
  const { tab } = await harness.visit(path, {
    contextOptions: { viewport: { width: 1280, height: 800 } },
    init: WATCH_SHIFTS,
  })
  await tab.waitForFunction(
    (selector) => document.querySelector(selector)?.shadowRoot?.querySelector('input'),
    PREPARED,
  )
  await tab.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const idle = (times: number) => (times ? requestIdleCallback(() => idle(times - 1)) : resolve())
        idle(3)
      }),
  )
  return tab
}

describe('a card prepared ahead for the armed survey', () => {
  it('waits unseen, unfocusable, out of the tab order and the accessibility tree, moving nothing', async () => {
    const tab = await prepared()
    const state = await tab.evaluate((selector) => {
      const host = document.querySelector(selector) as HTMLElement
      const dialog = host.shadowRoot!.querySelector('[role=dialog]') as HTMLElement
      const radio = host.shadowRoot!.querySelector('input') as HTMLInputElement
      radio.focus() // a page's script trying to focus into it
      return {
        inert: host.inert,
        names: host.hasAttribute('data-touchpoint-survey'),
        seen: dialog.checkVisibility({ visibilityProperty: true }),
        focused: host.shadowRoot!.activeElement != null,
        hit: document.elementFromPoint(innerWidth - 40, innerHeight - 40) == host,
      }
    }, PREPARED)
    expect(state).toEqual({ inert: true, names: false, seen: false, focused: false, hit: false })
    // Screen readers hear nothing of it: no dialog in the accessibility tree.
    expect(await tab.getByRole('dialog').count()).toBe(0)
    expect(await tab.locator('body').ariaSnapshot()).not.toMatch(/dialog|recommend/i)
    // …and in Chromium's own accessibility tree, what assistive technology is given: no node of
    // the card (dialog, radio, the question's text) that is not ignored.
    const cdp = await tab.context().newCDPSession(tab)
    const { nodes } = await cdp.send('Accessibility.getFullAXTree')
    const exposed = nodes
      .filter((node) => !node.ignored)
      .map((node) => `${node.role?.value} ${node.name?.value ?? ''}`)
      .filter((text) => /dialog|radio|recommend/i.test(text))
    expect(exposed).toEqual([])
    // Tab goes from the page's own controls back to the address bar, never into the card.
    for (let n = 0; n < 4; n++) {
      await tab.keyboard.press('Tab')
      expect(await tab.evaluate(() => document.activeElement?.shadowRoot == null)).toBe(true)
    }
    expect(await tab.evaluate(() => (window as any).shift)).toBe(0)
  })

  it('is revealed at show(): the same element, focused once its first frame is painted, announced, counted, and it answers', async () => {
    const tab = await prepared()
    const events = await recordEvents(tab)
    await tab.focus('#buy')
    const shown = await tab.evaluate((selector) => {
      const w = window as any
      w.preparedHost = document.querySelector(selector)
      const done = w.touchpoint.show('nps')
      // In the first frame callback asked for after show(), the card is there and focus not yet
      // moved: focus() would force its style and layout before that frame.
      return new Promise((resolve) =>
        requestAnimationFrame(() => {
          const host = document.querySelector('[data-touchpoint-survey]')
          const focused = host?.shadowRoot?.activeElement ?? null
          done.then((ok: boolean) => resolve({ ok, same: host == w.preparedHost, focused }))
        }),
      )
    }, PREPARED)
    expect(shown).toEqual({ ok: true, same: true, focused: null })
    // Then, once that frame is painted, on its first option.
    await tab.waitForFunction(
      () => document.querySelector('[data-touchpoint-survey]')?.shadowRoot?.activeElement?.getAttribute('value') == '0',
    )
    // As a screen reader finds it: a dialog named by its question, with its eleven radios.
    const card = await appears(tab, 'How likely are you to recommend us to a friend?')
    expect(await card.getByRole('radio').count()).toBe(11)
    expect(await tab.evaluate(() => (document.querySelector('[data-touchpoint-survey]') as HTMLElement).inert)).toBe(
      false,
    )
    const [show] = await events.hear('show')
    expect(show).toMatchObject({ survey: 'nps', kind: 'nps', display: expect.any(String) })

    // The keyboard works as on any card: arrow to 9, the follow-up line appears, Send.
    for (let n = 0; n < 9; n++) await tab.keyboard.press('ArrowRight')
    await card.getByRole('textbox').fill('Nice linen')
    await card.getByRole('button', { name: 'Send' }).click()
    const [answer] = await events.hear('answer')
    expect(answer).toMatchObject({ score: 9, comment: 'Nice linen', display: show.display })
    await harness.shop.delivered(answer.id)
    expect(await tab.evaluate(() => (window as any).shift)).toBe(0)
  })

  it('gives focus back on Escape, as a card rendered at show does', async () => {
    const tab = await prepared()
    await tab.focus('#buy')
    await tab.evaluate(() => (window as any).touchpoint.show('nps'))
    await appears(tab)
    await tab.keyboard.press('Escape')
    await tab.getByRole('dialog').waitFor({ state: 'detached' })
    expect(await tab.evaluate(() => document.activeElement?.id)).toBe('buy')
  })

  it('shows a different survey than the prepared one as ever, and takes the prepared card away', async () => {
    const tab = await prepared()
    const events = await recordEvents(tab)
    expect(await tab.evaluate(() => (window as any).touchpoint.show('csat'))).toBe(true)
    const card = await appears(tab, /how satisfied/i)
    expect(await card.getByRole('radio').count()).toBe(5)
    expect(await tab.locator(PREPARED).count()).toBe(0)
    expect(await tab.locator('[data-touchpoint-survey]').count()).toBe(1)
    // Focus once the card's first frame is painted, on its first option.
    await tab.waitForFunction(
      () => document.querySelector('[data-touchpoint-survey]')?.shadowRoot?.activeElement?.getAttribute('value') == '1',
    )
    await card.getByRole('radio', { name: '4' }).check()
    await card.getByRole('button', { name: 'Send' }).click()
    const [answer] = await events.hear('answer')
    expect(answer).toMatchObject({ survey: 'csat', kind: 'csat', score: 4 })
    expect(await tab.evaluate(() => (window as any).shift)).toBe(0)
  })

  it('is what its own trigger opens: the same element, revealed without moving focus, counted, and it answers', async () => {
    const tab = await prepared('/product/wool-coat/')
    const events = await recordEvents(tab)
    await tab.focus('#buy')
    // The pointer leaves the page through its top edge: the exit-intent trigger fires.
    const same = await tab.evaluate((selector) => {
      const before = document.querySelector(selector)
      document.dispatchEvent(new MouseEvent('mouseout', { clientY: -1, bubbles: true }))
      return new Promise((resolve) =>
        requestAnimationFrame(() => resolve(document.querySelector('[data-touchpoint-survey]') == before)),
      )
    }, PREPARED)
    expect(same).toBe(true)
    const card = await appears(tab, /how do you feel/i)
    expect(await card.getByRole('radio').count()).toBe(5)
    const [show] = await events.hear('show')
    expect(show).toMatchObject({
      survey: 'emotion',
      kind: 'emotion',
      touchpoint: 'product',
      display: expect.any(String),
    })
    // A trigger's card never takes focus from what the shopper was doing.
    expect(await tab.evaluate(() => document.activeElement?.id)).toBe('buy')
    await card.getByRole('radio').nth(4).check()
    await card.getByRole('button', { name: 'Send' }).click()
    const [answer] = await events.hear('answer')
    expect(answer).toMatchObject({ survey: 'emotion', score: 5, emotion: 'delighted', display: show.display })
    await harness.shop.delivered(answer.id)
    expect(await tab.locator(PREPARED).count()).toBe(0)
    expect(await tab.evaluate(() => (window as any).shift)).toBe(0)
  })

  it('is taken away when the shop navigates in place (SPA) to a page where nothing is armed', async () => {
    const tab = await prepared('/product/wool-coat/')
    const events = await recordEvents(tab)
    await tab.evaluate(() => {
      document.body.className = 'home'
      history.pushState({}, '', '/')
    })
    const [stage] = await events.hear('stage')
    expect(stage.touchpoint).not.toBe('product')
    await tab.waitForFunction((selector) => !document.querySelector(selector), PREPARED)
    expect(await tab.locator('body > div').count()).toBe(0)
  })
})
