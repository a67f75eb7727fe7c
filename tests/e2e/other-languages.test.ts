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

let marks = 0
/**
 * Every warning the widget has made so far, once all of them are on the console: notes print in
 * the order they were made, so once the warning about an unknown command asked for now (a mark)
 * is there, any warning made before it is there too. Proves "no other warning" without sleeping.
 */
async function warningsSoFar(tab: Page, warnings: string[]): Promise<string[]> {
  const mark = `warnings-so-far-${++marks}`
  const marked = tab.waitForEvent('console', { predicate: (message) => message.text().includes(mark) })
  await tab.evaluate((name) => (window as any).touchpoint(name), mark)
  await marked
  return warnings.slice(
    0,
    warnings.findIndex((line) => line.includes(mark)),
  )
}

describe('a survey in a language the store supplies', () => {
  it("shows the store's French wording, English for the key it left out, warns once naming it, and sends locale fr", async () => {
    const { tab, warnings } = await visit('/checkout/order-received/90/')
    expect(await tab.evaluate(() => (window as any).touchpoint.show('csat'))).toBe(true)
    await expect(card(tab).locator('legend').textContent()).resolves.toBe('Êtes-vous satisfait de votre achat ?')
    await expect(card(tab).getAttribute('lang')).resolves.toBe('fr')
    // Found by what the shopper reads and what a screen reader announces, not by the one-letter
    // class names the build gives the card's elements.
    for (const end of ['Très insatisfait', 'Très satisfait'])
      expect(await card(tab).getByText(end, { exact: true }).count(), end).toBe(1)
    expect(await card(tab).getByRole('button', { name: 'Fermer', exact: true }).count()).toBe(1)
    await card(tab).getByRole('radio', { name: '5', exact: true }).check()
    // The comment field is named by its label: the question for a 5, then "(facultatif)".
    await card(tab).getByRole('textbox', { name: "Qu'avez-vous le plus aimé ? (facultatif)", exact: true }).waitFor()
    // `send` was left out: English stands in.
    await card(tab).getByRole('button', { name: 'Send', exact: true }).click()
    await card(tab).getByRole('status').getByText('Merci !', { exact: true }).waitFor()
    await tab.waitForFunction(() => document.querySelector('[data-touchpoint-survey]') == null)

    // A second survey on the same page does not repeat the warning.
    expect(await tab.evaluate(() => (window as any).touchpoint.show('csat'))).toBe(true)
    await card(tab).waitFor()
    await tab.evaluate(() => (window as any).touchpoint.flush())
    await expect.poll(() => server.received.length).toBeGreaterThan(0)
    const sent = (server.received as { responses: { locale: string; score: number }[] }[]).flatMap((b) => b.responses)
    expect(sent.map((r) => [r.locale, r.score])).toContainEqual(['fr', 5])
    expect(await warningsSoFar(tab, warnings)).toEqual([
      'touchpoint: the strings for fr leave out send; using English for it',
    ])
  })

  it('speaks English with data-locale="fr" and no strings, with one warning saying how to supply them', async () => {
    const { tab, warnings } = await visit('/sans-textes/checkout/order-received/91/')
    expect(await tab.evaluate(() => (window as any).touchpoint.show('csat'))).toBe(true)
    await expect(card(tab).locator('legend').textContent()).resolves.toBe('How satisfied are you with your purchase?')
    await expect(card(tab).getAttribute('lang')).resolves.toBe('en')
    expect(await warningsSoFar(tab, warnings)).toEqual([
      'touchpoint: data-locale="fr": no strings for fr: using English; supply strings for it with init({ strings }) or data-config\'s "strings" (README, "Other languages")',
    ])
  })
})
