// The survey card in Firefox ESR, as the shopper meets it: styled (read back from the shadow
// root's computed styles, not just present), driven by keyboard alone, and styled and delivered
// under a strict Content-Security-Policy.
import type { Browser, BrowserContext, Page } from 'puppeteer-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { expectWireBatch } from '../shared/wire-schema'
import { gone, hear, heard, launchFirefox, loaderUp, pageErrors, recordEvents, shown } from './firefox'
import { openShop, type Shop } from './shop'

const NONCE = 'f1r3f0x'
// The README's strict CSP, tightened: scripts only by nonce, no inline styles at all, and only
// same-origin requests. The unnonced inline script is a control: it must be blocked.
const CSP = `default-src 'none'; script-src 'nonce-${NONCE}'; style-src 'self'; connect-src 'self'; img-src 'self'`
const RECORD = `<script nonce="${NONCE}">window.violations=[];document.addEventListener('securitypolicyviolation',function(e){violations.push(e.violatedDirective+' '+e.blockedURI)})</script>`

const shop = (attrs: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>${head}</head>` +
  `<body><h1>Shop</h1><input id="search" aria-label="Search"><a href="/cart">Cart</a>` +
  `<script src="/touchpoint.js" data-endpoint="/collect" data-surveys="other:csat@track=open-now" ${attrs}></script>` +
  `${recordEvents(NONCE)}</body></html>`

let browser: Browser
let store: Shop
let context: BrowserContext | undefined

beforeAll(async () => {
  store = await openShop({
    '/plain': shop(''),
    '/gold': shop('data-accent="#ffd700"'),
    '/strict': {
      html: shop(
        `nonce="${NONCE}" data-nonce="${NONCE}" data-accent="#ffd700" data-flush-ms="100"`,
        RECORD + '<script>window.inlineRan=true</script>',
      ),
      headers: { 'content-security-policy': CSP },
    },
  })
  browser = await launchFirefox()
})
afterAll(async () => {
  await browser?.close()
  await store?.close()
})
afterEach(async () => {
  await context?.close()
  context = undefined
})

/** A fresh visitor on `path`. */
async function visit(path: string): Promise<{ tab: Page; errors: string[] }> {
  context = await browser.createBrowserContext()
  const tab = await context.newPage()
  const errors = pageErrors(tab)
  await tab.goto(store.url + path)
  await loaderUp(tab)
  return { tab, errors }
}

const SHADOW = 'document.querySelector("[data-touchpoint-survey]")?.shadowRoot'
/** The shopper's outcomes so far as [name, score, comment]: answer, dismiss and error events. */
const events = async (tab: Page) =>
  (await heard(tab))
    .filter(([name]) => ['answer', 'dismiss', 'error'].includes(name))
    .map(([name, event]) => [name, event.score ?? null, event.comment ?? null])
/** The option for `score` (its native radio inside the shadow root). */
const option = (tab: Page, score: number) => tab.locator(`pierce/input[type=radio][value="${score}"]`)
/** What has focus inside the card: `radio:3`, `text`, … or null when focus is outside it. */
const focused = (tab: Page) =>
  tab.evaluate(() => {
    const inner = document.activeElement?.shadowRoot?.activeElement as HTMLInputElement | null | undefined
    return inner ? (inner.type == 'radio' ? `radio:${inner.value}` : inner.type || inner.tagName) : null
  })

/** What the shopper sees of the card, read from computed styles inside the shadow root. */
const look = (tab: Page) =>
  tab.evaluate(() => {
    const root = document.querySelector('[data-touchpoint-survey]')!.shadowRoot!
    const card = getComputedStyle(root.querySelector('[role=dialog]')!)
    const spans = [...root.querySelectorAll('input[type=radio]')].map((radio) => radio.nextElementSibling!)
    const checked = root.querySelector('input:checked + span')
    return {
      card: {
        position: card.position,
        background: card.backgroundColor,
        radius: card.borderTopLeftRadius,
        font: card.fontSize,
        shadow: card.boxShadow != 'none',
        padding: card.paddingTop,
      },
      options: spans.length,
      rows: new Set(spans.map((span) => Math.round(span.getBoundingClientRect().top))).size,
      option: {
        radius: getComputedStyle(spans[0]).borderTopLeftRadius,
        border: getComputedStyle(spans[0]).borderTopWidth,
      },
      faces: root.querySelectorAll('svg circle').length,
      checked: checked && {
        background: getComputedStyle(checked).backgroundColor,
        color: getComputedStyle(checked).color,
      },
    }
  })

const CARD = {
  position: 'fixed',
  background: 'rgb(255, 255, 255)',
  radius: '12px',
  font: '14px',
  shadow: true,
  padding: '16px',
}
const TEAL = { background: 'rgb(15, 94, 110)', color: 'rgb(255, 255, 255)' }
const GOLD = { background: 'rgb(255, 215, 0)', color: 'rgb(0, 0, 0)' }

describe('the survey in Firefox ESR', () => {
  const cases = [
    { kind: 'csat', path: '/plain', options: 5, faces: 0, accent: TEAL },
    { kind: 'nps', path: '/plain', options: 11, faces: 0, accent: TEAL },
    { kind: 'emotion', path: '/gold', options: 5, faces: 5, accent: GOLD },
  ]
  for (const { kind, path, options, faces, accent } of cases)
    it(`shows a styled ${kind} card: floating white card, one row of ${options} options, the chosen one in the accent`, async () => {
      const { tab, errors } = await visit(path)
      expect(await tab.evaluate((k) => (window as any).touchpoint.show(k), kind)).toBe(true)
      await shown(tab)
      expect(await look(tab)).toMatchObject({
        card: CARD,
        options,
        rows: 1,
        option: { radius: '8px', border: '1px' },
        faces,
        checked: null,
      })
      await option(tab, 4).click()
      expect((await look(tab)).checked).toEqual(accent)
      expect(await events(tab)).toEqual([]) // a chosen score is a draft until Send, Escape or leaving
      expect(errors).toEqual([])
    })

  it('is answered by keyboard alone: Tab to the scale, arrows move and check, Tab to the comment, Enter sends', async () => {
    const { tab, errors } = await visit('/plain')
    await tab.focus('#search')
    await tab.evaluate(() => (window as any).touchpoint.track('open-now')) // a trigger: the card does not take focus
    await shown(tab)
    expect(await focused(tab)).toBe(null)
    for (let presses = 0; presses < 5 && (await focused(tab)) == null; presses++) await tab.keyboard.press('Tab')
    expect(await focused(tab)).toBe('radio:1')
    await tab.keyboard.press('ArrowRight')
    await tab.keyboard.press('ArrowRight')
    expect(await focused(tab)).toBe('radio:3')
    await tab.keyboard.press('ArrowLeft')
    expect(await focused(tab)).toBe('radio:2')
    expect(await tab.evaluate(`${SHADOW}.querySelector('input:checked').value`)).toBe('2')
    expect((await look(tab)).checked).toEqual(TEAL)
    await tab.keyboard.press('Tab')
    expect(await focused(tab)).toBe('text')
    await tab.keyboard.type('slow delivery')
    await tab.keyboard.press('Enter')
    await hear(tab, 'answer')
    // The card says thank you in the render its answer asked for, which has run by now.
    expect(await tab.evaluate(`${SHADOW}.textContent`)).toContain('Thank you!')
    expect(await events(tab)).toEqual([['answer', 2, 'slow delivery']])
    await gone(tab)
    expect(errors).toEqual([])
  })

  it('dismisses on Escape and gives focus back to where the shopper was', async () => {
    const { tab } = await visit('/plain')
    await tab.focus('#search')
    await tab.evaluate(() => (window as any).touchpoint.show('nps'))
    await shown(tab)
    expect(await focused(tab)).toBe('radio:0')
    await tab.keyboard.press('Escape')
    await gone(tab)
    expect(await events(tab)).toEqual([['dismiss', null, null]])
    expect(await tab.evaluate(() => document.activeElement?.id)).toBe('search')
  })

  it('is styled and delivers under a strict CSP (nonce scripts, no inline styles)', async () => {
    const { tab, errors } = await visit('/strict')
    expect(await tab.evaluate(() => (window as any).inlineRan)).toBeUndefined() // the policy is in force
    expect(await tab.evaluate(() => (window as any).touchpoint.show('csat'))).toBe(true) // its UI chunk ran
    await shown(tab)
    expect(await look(tab)).toMatchObject({ card: CARD, options: 5, rows: 1 })
    await option(tab, 5).click()
    await tab.locator('pierce/input[type=text]').fill('quick checkout')
    await tab.locator('pierce/button[type=submit]').click()
    const [{ id }] = await hear(tab, 'answer')
    await store.until(
      async () => (await store.stored(id)).length > 0,
      () => JSON.stringify(store.posts),
    )
    expect((await store.stored(id))[0]).toMatchObject({
      kind: 'csat',
      score: 5,
      comment: 'quick checkout',
      touchpoint: 'other',
      locale: 'en',
    })
    for (const post of store.posts) expectWireBatch(post.body)
    // Only the control script was blocked: nothing of the widget's (chunks, styles).
    const violations: string[] = await tab.evaluate(() => (window as any).violations)
    expect(violations.filter((v) => !/^script-src(-elem)? inline$/.test(v))).toEqual([])
    expect(violations.length).toBe(1)
    // Firefox reports the control's block as a page error too.
    expect(errors.filter((e) => !/blocked an inline script/.test(e))).toEqual([])
  })
})
