// A store in a language without built-in wording (README, "Other languages"): its own strings
// through data-config, English for the one key it left out with one warning naming it, and the
// answer sent with the store's locale; data-locale="fr" without strings warns once and speaks English.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { page, tag, useHarness, type Visit } from './harness'
import { FRENCH } from '../fixtures/french-strings'

// The French strings of a store that forgot `send`.
const STRINGS = Object.fromEntries(Object.entries(FRENCH).filter(([key]) => key != 'send'))
const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
const store = (attributes: Record<string, string>) => page({ lang: 'fr', title: 'Boutique', tag: tag(attributes) })

const harness = useHarness({
  '/checkout/order-received/90/': store({
    'data-locale': 'fr',
    'data-config': attribute(JSON.stringify({ strings: STRINGS })),
  }),
  '/sans-textes/checkout/order-received/91/': store({ 'data-locale': 'fr' }),
})
const visit = (path: string) => harness.visit(path, { contextOptions: { viewport: { width: 1024, height: 700 } } })

/** The survey card, as a screen reader finds it. */
const card = (tab: Page) => tab.getByRole('dialog')

let marks = 0
/**
 * Every warning the widget has made so far, once all of them are on the console: notes print in
 * the order they were made, so once the warning about an unknown command asked for now (a mark)
 * is there, any warning made before it is there too. Proves "no other warning" without sleeping.
 */
async function warningsSoFar({ tab, lines, logged }: Visit): Promise<string[]> {
  const mark = `warnings-so-far-${++marks}`
  await tab.evaluate((name) => (window as any).touchpoint(name), mark)
  const marked = await logged(new RegExp(mark))
  return lines
    .slice(0, lines.indexOf(marked))
    .filter((line) => line.startsWith('warning: '))
    .map((line) => line.slice('warning: '.length))
}

describe('a survey in a language the store supplies', () => {
  it("shows the store's French wording, English for the key it left out, warns once naming it, and sends locale fr", async () => {
    const v = await visit('/checkout/order-received/90/')
    const { tab } = v
    expect(await tab.evaluate(() => (window as any).touchpoint.show('csat'))).toBe(true)
    await expect(card(tab).locator('legend').textContent()).resolves.toBe('Êtes-vous satisfait de votre achat ?')
    await expect(card(tab).getAttribute('lang')).resolves.toBe('fr')
    // Found by what the shopper reads and what a screen reader announces, not by the one-letter
    // class names the build gives the card's elements. The scale's two end labels, once each and
    // low before high: in the card's text (a screen reader's order) and on screen, left to right.
    const ends = ['Très insatisfait', 'Très satisfait']
    for (const end of ends) expect(await card(tab).getByText(end, { exact: true }).count(), end).toBe(1)
    const text = (await card(tab).innerText()).replace(/\s+/g, ' ')
    expect(text.indexOf(ends[0]), text).toBeLessThan(text.indexOf(ends[1]))
    const [low, high] = await Promise.all(ends.map((end) => card(tab).getByText(end, { exact: true }).boundingBox()))
    expect(low!.x + low!.width).toBeLessThanOrEqual(high!.x)
    expect(await card(tab).getByRole('button', { name: 'Fermer', exact: true }).count()).toBe(1)
    await card(tab).getByRole('radio', { name: '5', exact: true }).check()
    // The comment field is named by its label: the question for a 5, then "(facultatif)".
    await card(tab).getByRole('textbox', { name: "Qu'avez-vous le plus aimé ? (facultatif)", exact: true }).waitFor()
    // `send` was left out: English stands in.
    await card(tab).getByRole('button', { name: 'Send', exact: true }).click()
    await card(tab).getByRole('status').getByText('Merci !', { exact: true }).waitFor()
    await card(tab).waitFor({ state: 'detached' }) // the thank-you closes by itself

    // A second survey on the same page does not repeat the warning.
    expect(await tab.evaluate(() => (window as any).touchpoint.show('csat'))).toBe(true)
    await card(tab).waitFor()
    await tab.evaluate(() => (window as any).touchpoint.flush())
    // The first answer, acknowledged by the collector, with the store's locale.
    await harness.shop.posts.until((post) =>
      (post.batch?.responses ?? []).some((r) => post.status < 300 && r.locale == 'fr' && r.score == 5),
    )
    expect(await warningsSoFar(v)).toEqual(['touchpoint: the strings for fr leave out send; using English for it'])
  })

  it('speaks English with data-locale="fr" and no strings, with one warning saying how to supply them', async () => {
    const v = await visit('/sans-textes/checkout/order-received/91/')
    const { tab } = v
    expect(await tab.evaluate(() => (window as any).touchpoint.show('csat'))).toBe(true)
    await expect(card(tab).locator('legend').textContent()).resolves.toBe('How satisfied are you with your purchase?')
    await expect(card(tab).getAttribute('lang')).resolves.toBe('en')
    expect(await warningsSoFar(v)).toEqual([
      'touchpoint: data-locale="fr": no strings for fr: using English; supply strings for it with init({ strings }) or data-config\'s "strings" (README, "Other languages")',
    ])
  })
})
