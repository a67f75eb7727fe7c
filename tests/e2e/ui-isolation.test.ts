import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ROOT, page, recordEvents, tag, useHarness, type PageParts, type TagAttributes } from './harness'
import { expectWireBatch } from '../shared/wire-schema'
// @ts-expect-error: a plain .mjs build script without types
import { SHORT_NAMES } from '../../scripts/rollup-plugin-short-class-names.mjs'

// The survey as a guest on someone else's page, in Chromium against the built dist/ files: it
// must not take the shopper's focus, mix CSS with the store in either direction, move the page,
// or forget right-to-left pages; and what it reports must follow the wire format.

const VIEWPORT = '<meta name="viewport" content="width=device-width,initial-scale=1">'
/** A store page: no survey of its own unless `surveys` says, the tag `async` at the end of the body. */
const shop = ({ attributes = {}, ...parts }: PageParts & { attributes?: TagAttributes } = {}) =>
  page({
    ...parts,
    head: VIEWPORT + (parts.head ?? ''),
    tag: tag({ 'data-surveys': '', ...attributes, async: true }),
  })

// The search box has focus, with the caret inside the word, before the loader even runs.
const TYPING =
  '<input id="search" aria-label="Search" value="linen"><script>search.focus();search.setSelectionRange(2,2)</script>'
// What a careless theme does to every element on the page.
const HOSTILE = `<style>
* { color: red !important; font: 40px/3 serif !important; letter-spacing: 4px !important; word-spacing: 9px !important;
    text-transform: uppercase !important; text-shadow: 0 0 2px lime !important; font-style: italic !important; display: block }
button { display: none !important }
input[type=radio] { appearance: auto !important; opacity: 1 !important; width: 40px !important; height: 40px !important }
fieldset, legend, label, span, small, form, p { margin: 20px !important; padding: 20px !important; border: 5px solid red !important }
@keyframes tp { from { transform: scale(3) translateX(-300px) } }
</style>`
// Page elements that carry the card's class names and attribute both as the build ships them
// (its own table, so a new short name is covered without editing this list) and as written in
// src/ui, and that match its element selectors.
const LOOKALIKE_TAG: Record<string, string> = { comment: 'input', send: 'button', close: 'button' }
const lookalike = (readable: string, attribute: string, id: string) => {
  const tag = LOOKALIKE_TAG[readable] || 'div'
  return tag == 'input' ? `<input ${attribute} id="${id}">` : `<${tag} ${attribute} id="${id}">${id}</${tag}>`
}
const LOOKALIKES =
  Object.entries(SHORT_NAMES as Record<string, string>)
    .filter(([readable]) => !readable.startsWith('--'))
    .map(([readable, short]) => {
      const as = (name: string) => (name.startsWith('data-') ? name : `class="${name}"`)
      return lookalike(readable, as(short), `built-${short}`) + lookalike(readable, as(readable), `source-${readable}`)
    })
    .join('') +
  '<form id="form"><fieldset id="fieldset"><legend id="legend">Delivery</legend>' +
  '<label id="label"><input type="radio" name="d" id="radio"> Express <small id="small">1 day</small></label></fieldset></form>'
const content = (slot = '') =>
  `<main id="main"><p id="intro">Summer sale</p><div style="height:400px">Products</div>${slot}<p id="after">Reviews</p><div style="height:1100px"></div><footer id="end">End</footer></main>`
// Opened from a trigger (so without moving focus), when the test is ready: a `track` trigger.
const ON_TRACK = { 'data-surveys': 'other:csat@track=open-now' }

const harness = useHarness({
  '/auto-typing': shop({ body: TYPING, attributes: { 'data-surveys': 'other:csat@delay=1s' } }),
  '/code-typing': shop({ body: TYPING }),
  '/clean': shop(),
  '/hostile': shop({ head: HOSTILE }),
  '/lookalikes': shop({ body: LOOKALIKES }),
  '/floating': shop({ body: content(), attributes: ON_TRACK }),
  // The documented way to embed inline without a shift: the slot keeps room for the card (README).
  '/inline': shop({
    body: content('<div id="slot" style="min-height:230px"></div>'),
    attributes: { ...ON_TRACK, 'data-mount': '#slot' },
  }),
  '/rtl': shop({ dir: 'rtl', lang: 'ar' }),
  '/vi': shop({ attributes: { 'data-locale': 'vi' } }),
  // A store matching the card to its theme with the documented custom properties.
  '/themed': shop({
    head: '<style>:root{--touchpoint-font:Georgia,serif;--touchpoint-radius:0px;--touchpoint-z:40}</style>',
  }),
})

/** A fresh visitor on `path` at desktop size, once the loader is up. */
const visit = (path: string, init?: () => void) =>
  harness.visit(path, { init, contextOptions: { viewport: { width: 1024, height: 700 } } })

const dialog = (tab: Page) => tab.getByRole('dialog')
/** Waits for the card, then for its slide-in to end, so boxes are where they stay. */
async function appears(tab: Page) {
  await dialog(tab).waitFor({ timeout: 15_000 })
  await dialog(tab).evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)))
}
const show = async (tab: Page, kind: string) => {
  expect(await tab.evaluate((k) => (window as any).touchpoint.show(k), kind)).toBe(true)
  await appears(tab)
}
const box = async (tab: Page, role: 'radio' | 'button' | 'dialog', name?: string) =>
  (await (name == null ? tab.getByRole(role) : tab.getByRole(role as 'radio', { name, exact: true })).boundingBox())!
/** Which element has focus, and where its caret is, seen from the page. */
const focus = (tab: Page) =>
  tab.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null
    const inner = el?.shadowRoot?.activeElement as HTMLInputElement | null | undefined
    return {
      id: el?.id || el?.tagName,
      inner: inner ? `${inner.type}:${inner.value}` : null,
      caret: el?.selectionStart ?? null,
    }
  })

describe('the survey as a guest on the store page, in Chromium', () => {
  it('leaves focus and caret in the search box the shopper is typing into when a survey opens by itself', async () => {
    const { tab, errors } = await visit('/auto-typing')
    await appears(tab)
    expect(await focus(tab)).toEqual({ id: 'search', inner: null, caret: 2 })
    await tab.keyboard.type('XY')
    expect(await tab.locator('#search').inputValue()).toBe('liXYnen')
    expect(await dialog(tab).count()).toBe(1) // typing did not answer or close the survey either
    expect(errors).toEqual([])
  })

  it('moves focus to the first option when code calls show(), and gives it back to the search box on Escape', async () => {
    const { tab } = await visit('/code-typing')
    await show(tab, 'csat')
    // In the card's first frame (not inside show(), where it would force style and layout): show()
    // here waited for its slide-in to end, frames later.
    expect(await focus(tab)).toEqual({ id: 'DIV', inner: 'radio:1', caret: null })
    await tab.keyboard.press('Escape')
    await dialog(tab).waitFor({ state: 'detached' })
    expect((await focus(tab)).id).toBe('search')
    await tab.keyboard.type('XY')
    expect(await tab.locator('#search').inputValue()).toBe('liXYnen')
  })

  it('looks the same under a store stylesheet that restyles every element with !important', async () => {
    // What the shopper sees of the card: type, colour, spacing, the close button, the one-row scale.
    const look = async (path: string) => {
      const { tab } = await visit(path)
      await show(tab, 'csat')
      const styles = await dialog(tab).evaluate((card) => {
        const root = card.getRootNode() as ShadowRoot
        const props = [
          'font-size',
          'font-family',
          'font-style',
          'line-height',
          'color',
          'background-color',
          'letter-spacing',
          'word-spacing',
          'text-transform',
          'text-shadow',
          'display',
          'visibility',
          'margin-top',
          'padding-top',
          'border-top-width',
          'opacity',
          'appearance',
        ]
        const of = (el: Element | null) =>
          Object.fromEntries(props.map((p) => [p, el && getComputedStyle(el).getPropertyValue(p)]))
        const rect = (el: Element) => {
          const r = el.getBoundingClientRect()
          return [r.x, r.y, r.width, r.height].map(Math.round)
        }
        return {
          card: of(card),
          legend: of(root.querySelector('legend')),
          option: of(root.querySelector('fieldset label > span')),
          radio: of(root.querySelector('input[type=radio]')),
          ends: of(root.querySelector('fieldset > div:last-child span')),
          close: of(root.querySelector('button')),
          boxes: [
            card,
            root.querySelector('legend')!,
            ...root.querySelectorAll('fieldset label'),
            root.querySelector('button')!,
          ].map(rect),
        }
      })
      const close = await box(tab, 'button', 'Close')
      const options = await Promise.all(['1', '2', '3', '4', '5'].map((n) => box(tab, 'radio', n)))
      return { styles, close, options }
    }
    const clean = await look('/clean')
    const hostile = await look('/hostile')
    expect(hostile.styles).toEqual(clean.styles)
    expect(clean.styles.card['font-size']).toBe('14px')
    expect(clean.styles.legend['text-transform']).toBe('none')
    expect(hostile.close.width).toBeGreaterThanOrEqual(24)
    expect(hostile.close.height).toBeGreaterThanOrEqual(24)
    expect(hostile.styles.close.display).not.toBe('none')
    expect(new Set(hostile.options.map((o) => o.y)).size).toBe(1) // one row on desktop
    expect(hostile.options.map((o) => o.x)).toEqual([...hostile.options.map((o) => o.x)].sort((a, b) => a - b))
  })

  it("takes the store's font, corner radius and stacking order from --touchpoint-* custom properties", async () => {
    const card = (path: string) =>
      visit(path).then(async ({ tab }) => {
        await show(tab, 'csat')
        const style = await dialog(tab).evaluate((el) => {
          const c = getComputedStyle(el) // the floating card is the dialog itself
          return { font: c.fontFamily, radius: c.borderTopLeftRadius, z: c.zIndex, fontSize: c.fontSize }
        })
        return style
      })
    const [clean, themed] = [await card('/clean'), await card('/themed')]
    expect(clean).toMatchObject({ radius: '12px', z: '2147483000' })
    expect(clean.font).toMatch(/^system-ui/)
    expect(themed).toEqual({ font: 'Georgia, serif', radius: '0px', z: '40', fontSize: clean.fontSize })
  })

  it('leaves page elements that share its class names (built or as written) and fieldset/legend styled as the store made them', async () => {
    const { tab } = await visit('/lookalikes')
    const snapshot = () =>
      tab.evaluate(() => {
        const props = [
          'display',
          'position',
          'inset',
          'margin',
          'padding',
          'border',
          'border-radius',
          'box-shadow',
          'font',
          'color',
          'background-color',
          'width',
          'height',
          'max-width',
          'clip',
          'overflow',
          'opacity',
          'cursor',
          'gap',
          'text-align',
          'z-index',
          'animation-name',
          'box-sizing',
        ]
        return [...document.querySelectorAll('body [id]')].map((el) => {
          const s = getComputedStyle(el)
          const r = el.getBoundingClientRect()
          return {
            id: el.id,
            rect: [r.x, r.y, r.width, r.height],
            ...Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)])),
          }
        })
      })
    const before = await snapshot()
    expect(before.length).toBeGreaterThan(15)
    await show(tab, 'nps')
    await tab.getByRole('radio', { name: '9', exact: true }).check() // the follow-up brings its own classes
    await dialog(tab).getByRole('textbox').waitFor()
    expect(await snapshot()).toEqual(before)
  })

  /** Opens the page's survey through its trigger (so as a trigger would, not from show()) and reports what moved. */
  async function openAndWatchLayout(path: string, then?: (tab: Page) => Promise<void>) {
    const { tab } = await visit(path, () => {
      ;(window as any).shifts = []
      new PerformanceObserver((list) =>
        (window as any).shifts.push(...list.getEntries().map((e: any) => e.value)),
      ).observe({ type: 'layout-shift', buffered: true })
    })
    await tab.evaluate(() => window.scrollTo(0, 300))
    const where = () =>
      tab.evaluate(() => ({
        scroll: [window.scrollY, document.documentElement.scrollHeight, document.documentElement.scrollWidth],
        boxes: ['intro', 'main', 'after', 'end'].map((id) =>
          JSON.stringify(document.getElementById(id)!.getBoundingClientRect()),
        ),
      }))
    const before = await where()
    const seen = await tab.evaluate(() => (window as any).shifts.length)
    await tab.evaluate(() => (window as any).touchpoint('track', 'open-now'))
    await appears(tab)
    await then?.(tab)
    await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    const moved = { layout: await where(), shifts: await tab.evaluate((n) => (window as any).shifts.slice(n), seen) }
    // The observer does see shifts on this page: a banner pushed in above what is on screen is one.
    await tab.evaluate(() => {
      document.documentElement.style.overflowAnchor = 'none' // no scroll anchoring to hide it
      document.getElementById('main')!.prepend(Object.assign(document.createElement('div'), { style: 'height:80px' }))
    })
    await tab.waitForFunction((n) => (window as any).shifts.length > n, seen)
    return { before: { layout: before, shifts: [] }, moved }
  }

  it('opens a floating card by itself without moving the page or the scroll position (no layout shift)', async () => {
    const { before, moved } = await openAndWatchLayout('/floating')
    expect(moved).toEqual(before)
  })

  it('opens inline in a slot that reserves its height without moving what follows, follow-up included', async () => {
    const { before, moved } = await openAndWatchLayout('/inline', async (tab) => {
      expect(await tab.locator('#slot [data-touchpoint-survey]').count()).toBe(1)
      await tab.getByRole('radio', { name: '2', exact: true }).check()
      await dialog(tab).getByRole('textbox').waitFor()
    })
    expect(moved.layout).toEqual(before.layout) // choosing is input, so only positions tell a shift here
    expect(moved.shifts).toEqual([])
  })

  it('mirrors the card on a right-to-left page: bottom-left, text from the right, the scale starting on the right', async () => {
    const { tab } = await visit('/rtl')
    await show(tab, 'csat')
    const card = await box(tab, 'dialog')
    expect(card.x).toBe(16) // the default bottom-right, mirrored
    expect(card.y + card.height).toBeCloseTo(700 - 16, 0)
    const options = await Promise.all(['1', '2', '3', '4', '5'].map((n) => box(tab, 'radio', n)))
    expect(options.map((o) => o.x)).toEqual([...options.map((o) => o.x)].sort((a, b) => b - a)) // 1 rightmost … 5 leftmost
    const close = await box(tab, 'button', 'Close')
    expect(close.x + close.width / 2).toBeLessThan(card.x + card.width / 2) // the close button sits at the start: left
    const text = (s: string) =>
      tab.getByText(s, { exact: true }).evaluate((el) => {
        const range = document.createRange()
        range.selectNodeContents(el)
        return range.getBoundingClientRect().toJSON() as DOMRect
      })
    const question = await text('How satisfied are you with your experience today?') // English: no Arabic strings
    expect(card.x + card.width - (question.x + question.width)).toBeLessThan(20) // starts at the right edge
    const [low, high] = [await text('Very dissatisfied'), await text('Very satisfied')]
    expect(low.x).toBeGreaterThan(high.x)
  })

  it('asks CES on 7 radios named 1 to 7, the ends labelled very difficult and very easy', async () => {
    const { tab } = await visit('/clean')
    await show(tab, 'ces')
    expect(await tab.getByRole('radio').count()).toBe(7)
    const options = []
    for (let n = 1; n <= 7; n++) options.push(await box(tab, 'radio', String(n)))
    const [difficult, easy] = [
      await tab.getByText('Very difficult').boundingBox(),
      await tab.getByText('Very easy').boundingBox(),
    ]
    expect(difficult!.x).toBeLessThan(options[1].x) // under the 1
    expect(easy!.x + easy!.width).toBeGreaterThan(options[5].x + options[5].width) // under the 7
  })

  it('names the five emotion faces frustrated … delighted for screen readers, in English and in Vietnamese', async () => {
    for (const [path, names] of [
      ['/clean', ['Frustrated', 'Disappointed', 'Neutral', 'Pleased', 'Delighted']],
      ['/vi', ['Bực bội', 'Thất vọng', 'Bình thường', 'Hài lòng', 'Rất vui']],
    ] as const) {
      const { tab } = await visit(path)
      await show(tab, 'emotion')
      expect(await tab.getByRole('radio').count()).toBe(5)
      for (const [i, name] of names.entries())
        expect(await tab.getByRole('radio', { name, exact: true }).getAttribute('value')).toBe(String(i + 1))
    }
  })

  it('reports show, dismiss and answer with wire-format payloads; an emotion answer carries its face', async () => {
    const { tab } = await visit('/clean')
    const recorded = await recordEvents(tab, ['show', 'answer', 'dismiss'])
    await show(tab, 'csat')
    await tab.keyboard.press('Escape')
    await dialog(tab).waitFor({ state: 'detached' })
    await show(tab, 'emotion')
    await tab.getByRole('radio', { name: 'Pleased', exact: true }).check()
    await tab.getByRole('textbox').fill('found my size, mail me at an@example.com')
    await tab.getByRole('button', { name: 'Send' }).click()
    await tab.getByText('Thank you!').waitFor()
    const events = await recorded.heard()
    expect(events.map(([name, e]) => `${name} ${e.kind}`)).toEqual([
      'show csat',
      'dismiss csat',
      'show emotion',
      'answer emotion',
    ])

    const ajv = new Ajv2020({ allErrors: true, strict: false })
    addFormats(ajv)
    ajv.addSchema(JSON.parse(readFileSync(join(ROOT, 'schema/response.schema.json'), 'utf8')))
    const valid = ajv.getSchema('https://touchpoint-survey.dev/schema/batch.v1.json#/$defs/response')!
    const [[, shown], [, dismissed], [, shownEmotion], [, answer]] = events
    expect(valid(answer) ? [] : valid.errors).toEqual([])
    expect(answer).toMatchObject({
      id: shownEmotion.id,
      survey: 'emotion',
      score: 4,
      emotion: 'pleased',
      locale: 'en',
      url: harness.shop.url + '/clean',
    })
    expect(answer.comment).not.toContain('an@example.com') // masked in the browser, before anything leaves it
    // show and dismiss carry the same fields, score still empty; a dismissal is its survey's show.
    const fields = Object.keys(answer).sort()
    for (const e of [shown, dismissed, shownEmotion]) {
      expect(Object.keys(e).sort()).toEqual(fields)
      expect(e).toMatchObject({ score: null, comment: null, emotion: null })
      expect(valid({ ...e, score: 1, emotion: e.kind == 'emotion' ? 'frustrated' : null }) ? [] : valid.errors).toEqual(
        [],
      )
    }
    expect(dismissed).toEqual(shown)

    await tab.evaluate(() => (window as any).touchpoint.flush())
    // What the collector acknowledged is what the page reported, in the wire format.
    const post = await harness.shop.posts.until(
      (p) => p.status < 300 && !!p.batch?.responses.some((r) => r.id == answer.id && r.comment),
    )
    expect(expectWireBatch(post.body).responses.find((r) => r.id == answer.id)).toEqual(answer)
  })
})
