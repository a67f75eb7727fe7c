// What a shopper sees first (issue 15): questions worded for the page, five faces told apart at
// a glance, show() replacing a finished card, and a bottom sheet on screen on a too-wide page.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { page, tag, useHarness } from './harness'

const VIEWPORT = '<meta name="viewport" content="width=device-width,initial-scale=1">'
const store = (attributes: Record<string, string> = {}, body = '') =>
  page({ head: VIEWPORT, body, tag: tag(attributes) })

const harness = useHarness({
  '/checkout/order-received/77/': store(),
  '/vi/tai-khoan/': store({ 'data-locale': 'vi' }),
  '/own-words/checkout/order-received/78/': store({ 'data-question-csat': 'Did we get it right?' }),
  '/product/linen-shirt/': store(),
  '/wide/': store({}, '<div style="width:640px;height:1400px;background:#eee">A theme wider than the phone</div>'),
})

async function visit(path: string, viewport = { width: 1024, height: 700 }, phone = false): Promise<Page> {
  const { tab } = await harness.visit(path, { contextOptions: { viewport, isMobile: phone, hasTouch: phone } })
  return tab
}

/** The survey card, as a screen reader finds it. */
const card = (tab: Page) => tab.getByRole('dialog')
/** The face the shopper points at: the label around the radio a screen reader names `name`. */
const faceNamed = (tab: Page, name: string) =>
  card(tab).locator('label', { has: tab.getByRole('radio', { name, exact: true }) })
// Resolves with show()'s answer after the card's first frame, in which it takes focus.
const show = (tab: Page, kind: string) =>
  tab.evaluate(async (k) => {
    const shown = await (window as any).touchpoint.show(k)
    await new Promise((frame) => requestAnimationFrame(frame))
    return shown
  }, kind)

describe('questions that fit the touchpoint', () => {
  it('asks about the purchase on the thank-you page', async () => {
    const tab = await visit('/checkout/order-received/77/')
    expect(await show(tab, 'csat')).toBe(true)
    await expect(card(tab).locator('legend').textContent()).resolves.toBe('How satisfied are you with your purchase?')
  })

  it('asks a Vietnamese shopper on the account page how far they would recommend the store', async () => {
    const tab = await visit('/vi/tai-khoan/')
    expect(await show(tab, 'nps')).toBe(true)
    const question = await card(tab).locator('legend').textContent()
    expect(question).toBe('Bạn sẵn lòng giới thiệu cửa hàng chúng tôi với bạn bè ở mức nào?')
    // A degree over 0–10, not a yes/no question ("… không?") and ends that are not "yes"/"no".
    expect(question).not.toMatch(/không\?$/)
    for (const end of ['Hoàn toàn không sẵn lòng', 'Rất sẵn lòng'])
      expect(await card(tab).getByText(end, { exact: true }).count(), end).toBe(1)
  })

  it("keeps the store's own wording over the touchpoint's", async () => {
    const tab = await visit('/own-words/checkout/order-received/78/')
    await show(tab, 'csat')
    await expect(card(tab).locator('legend').textContent()).resolves.toBe('Did we get it right?')
  })
})

describe('the emotion faces', () => {
  it('differ at a glance in expression and colour, each colour at least 3:1 on the card', async () => {
    const tab = await visit('/product/linen-shirt/')
    await show(tab, 'emotion')
    await expect(card(tab).locator('legend').textContent()).resolves.toBe('How do you feel about this product page?')
    const faces = await card(tab).evaluate((dialog) => {
      const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
      const luminance = (rgb: string) => {
        const [r, g, b] = rgb.match(/\d+/g)!.map(Number)
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
      }
      const background = luminance(getComputedStyle(dialog).backgroundColor)
      // Each face is the drawing beside its radio (the close button's cross is not in a label).
      return [...dialog.querySelectorAll('input[type=radio] + span svg')].map((svg) => {
        const colour = getComputedStyle(svg).color
        const [light, dark] = [luminance(colour), background].sort((a, b) => b - a)
        return {
          colour,
          contrast: (light + 0.05) / (dark + 0.05),
          drawing: [...svg.querySelectorAll('path')].map((p) => p.getAttribute('d')).join(' '),
        }
      })
    })
    expect(faces).toHaveLength(5)
    expect(new Set(faces.map((f) => f.colour)).size).toBe(5)
    expect(new Set(faces.map((f) => f.drawing)).size).toBe(5)
    for (const face of faces) expect(face.contrast).toBeGreaterThanOrEqual(3)
  })

  it('names the face under the pointer or keyboard focus for sighted shoppers', async () => {
    const tab = await visit('/product/linen-shirt/')
    await show(tab, 'emotion')
    // The caption under the faces (the build shortens class names: found by its place).
    const caption = card(tab).locator('fieldset > div:last-child')
    // show() puts the keyboard focus on the first face in the card's first frame, which show() here waits for
    await expect(caption.textContent()).resolves.toBe('Frustrated')
    await faceNamed(tab, 'Disappointed').hover()
    await expect(caption.textContent()).resolves.toBe('Disappointed')
    await faceNamed(tab, 'Pleased').hover()
    await expect(caption.textContent()).resolves.toBe('Pleased')
    await tab.mouse.move(0, 0)
    await expect(caption.textContent()).resolves.toBe('FrustratedDelighted') // the ends again
    await tab.keyboard.press('ArrowRight') // show() focused the first face; arrows move and check
    await expect(caption.textContent()).resolves.toBe('Disappointed')
  })
})

it('replaces a card that is only saying thank you when show() is called again', async () => {
  const tab = await visit('/product/linen-shirt/')
  await show(tab, 'csat')
  await card(tab).getByRole('radio', { name: '4' }).check()
  await card(tab).getByRole('button', { name: 'Send' }).click()
  await card(tab).getByText('Thank you!').waitFor()
  expect(await show(tab, 'nps')).toBe(true)
  await expect(card(tab).getByRole('radio').count()).resolves.toBe(11)
  expect(await tab.locator('[data-touchpoint-survey]').count()).toBe(1)
})

it('does not replace a card the shopper is still answering', async () => {
  const tab = await visit('/product/linen-shirt/')
  await show(tab, 'csat')
  await card(tab).getByRole('radio', { name: '4' }).check()
  expect(await show(tab, 'nps')).toBe(false)
  await expect(card(tab).getByRole('radio').count()).resolves.toBe(5)
})

describe('the bottom sheet on a page wider than the phone', () => {
  for (const width of [320, 360]) {
    it(`sits on the visible screen at ${width} px`, async () => {
      const tab = await visit('/wide/', { width, height: 640 }, true)
      expect(await tab.evaluate(() => innerWidth)).toBeGreaterThan(width) // the theme widened the layout viewport
      await show(tab, 'csat')
      // Measured where the card comes to rest: its entrance slides it up 8 px.
      await card(tab).evaluate((dialog) => Promise.all(dialog.getAnimations().map((animation) => animation.finished)))
      const { box, screen } = await card(tab).evaluate((dialog) => {
        const r = dialog.getBoundingClientRect()
        const v = visualViewport!
        return {
          box: [r.left, r.top, r.right, r.bottom],
          screen: [v.offsetLeft, v.offsetTop, v.offsetLeft + v.width, v.offsetTop + v.height],
        }
      })
      expect(box[0]).toBeGreaterThanOrEqual(screen[0] - 1)
      expect(box[2]).toBeLessThanOrEqual(screen[2] + 1)
      expect(box[3]).toBeLessThanOrEqual(screen[3] + 1)
      expect(box[3]).toBeGreaterThanOrEqual(screen[3] - 1) // at the bottom of the screen
      expect(box[1]).toBeGreaterThanOrEqual(screen[1])
      await card(tab).getByRole('radio', { name: '5' }).tap()
      await expect(card(tab).getByRole('button', { name: 'Send' }).isVisible()).resolves.toBe(true)
    })
  }
})
