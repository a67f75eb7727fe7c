// A store in a language without built-in wording (README, "Other languages"): its own strings
// through data-config, English for the one key it left out with one warning naming it, and the
// answer sent with the store's locale; data-locale="fr" without strings warns once and speaks English.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, serve, type TestServer } from './browser'
import { FRENCH } from '../fixtures/french-strings'

let browser: Browser
let server: TestServer
let context: BrowserContext | undefined

// The French strings of a store that forgot `send`.
const STRINGS = Object.fromEntries(Object.entries(FRENCH).filter(([key]) => key != 'send'))
const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/'/g, '&#39;')

const store = (attrs: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Boutique</title></head>` +
  `<body><h1>Merci pour votre commande</h1><script src="/touchpoint.js" data-endpoint="/collect" ${attrs}></script></body></html>`

beforeAll(async () => {
  browser = await launchChromium()
  server = await serve({
    '/checkout/order-received/90/': store(
      `data-locale="fr" data-config='${attribute(JSON.stringify({ strings: STRINGS }))}'`,
    ),
    '/sans-textes/checkout/order-received/91/': store('data-locale="fr"'),
  })
})
afterEach(async () => {
  await context?.close()
  context = undefined
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** Opens a page and collects what the widget says in the console. */
async function visit(path: string): Promise<{ tab: Page; warnings: string[] }> {
  context = await browser.newContext({ viewport: { width: 1024, height: 700 } })
  const tab = await context.newPage()
  const warnings: string[] = []
  tab.on('console', (message) => {
    if (message.type() == 'warning') warnings.push(message.text())
  })
  await tab.goto(server.url + path)
  await tab.waitForFunction(() => typeof (window as any).touchpoint?.show == 'function')
  return { tab, warnings }
}

const card = (tab: Page) => tab.locator('[data-touchpoint-survey] [role=dialog]')

describe('a survey in a language the store supplies', () => {
  it("shows the store's French wording, English for the key it left out, warns once naming it, and sends locale fr", async () => {
    const { tab, warnings } = await visit('/checkout/order-received/90/')
    expect(await tab.evaluate(() => (window as any).touchpoint.show('csat'))).toBe(true)
    await expect(card(tab).locator('legend').textContent()).resolves.toBe('Êtes-vous satisfait de votre achat ?')
    await expect(card(tab).getAttribute('lang')).resolves.toBe('fr')
    await expect(card(tab).locator('.e').textContent()).resolves.toBe('Très insatisfaitTrès satisfait')
    await expect(card(tab).locator('button.x').getAttribute('aria-label')).resolves.toBe('Fermer')
    await card(tab).locator('label.o').nth(4).click()
    // The comment field's id as built: `comment` in src/ui, `t` after scripts/rollup-plugin-short-class-names.mjs.
    await expect(card(tab).locator('label[for=t]').textContent()).resolves.toBe(
      "Qu'avez-vous le plus aimé ? (facultatif)",
    )
    // `send` was left out: English stands in.
    await expect(card(tab).locator('button.s').textContent()).resolves.toBe('Send')
    await card(tab).locator('button.s').click()
    await expect(card(tab).locator('.y').textContent()).resolves.toBe('Merci !')
    await tab.waitForFunction(() => document.querySelector('[data-touchpoint-survey]') == null)

    // A second survey on the same page does not repeat the warning.
    expect(await tab.evaluate(() => (window as any).touchpoint.show('csat'))).toBe(true)
    await card(tab).waitFor()
    await tab.evaluate(() => (window as any).touchpoint.flush())
    await expect.poll(() => server.received.length).toBeGreaterThan(0)
    const sent = (server.received as { responses: { locale: string; score: number }[] }[]).flatMap((b) => b.responses)
    expect(sent.map((r) => [r.locale, r.score])).toContainEqual(['fr', 5])
    expect(warnings).toEqual(['touchpoint: the strings for fr leave out send; using English for it'])
  })

  it('speaks English with data-locale="fr" and no strings, with one warning saying how to supply them', async () => {
    const { tab, warnings } = await visit('/sans-textes/checkout/order-received/91/')
    expect(await tab.evaluate(() => (window as any).touchpoint.show('csat'))).toBe(true)
    await expect(card(tab).locator('legend').textContent()).resolves.toBe('How satisfied are you with your purchase?')
    await expect(card(tab).getAttribute('lang')).resolves.toBe('en')
    await expect.poll(() => warnings.length).toBe(1)
    expect(warnings).toEqual([
      'touchpoint: data-locale="fr": no strings for fr: using English; supply strings for it with init({ strings }) or data-config\'s "strings" (README, "Other languages")',
    ])
  })
})
