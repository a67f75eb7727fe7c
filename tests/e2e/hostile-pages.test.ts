import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectWireBatch } from '../shared/wire-schema'
import { appears, page, stub, tag, useHarness, type Visit } from './harness'
import type { SurveyResponse } from '../../src/shared/types'

// The built dist/ files on store pages whose old themes and apps have done odd things to the
// page's JavaScript and CSS (Prototype.js and MooTools still ship with Magento 1 and old
// WordPress themes). On each page the shopper answers, the answer reaches the collector in a
// schema-valid batch, and nothing of ours reaches window.onerror or unhandledrejection.

// The store's own stub, as the README tells it to paste, listening before the loader runs.
const STUB = stub(
  "touchpoint('on','error',function(e){tpErrors.push(e)})",
  "touchpoint('on','show',function(e){tpShown.push(e.survey)})",
)
const TAG = (attrs: Record<string, string> = { 'data-surveys': '' }, async = true) =>
  tag({ 'data-flush-ms': '50', ...attrs, async })
interface Shop {
  head?: string
  body?: string
  tag?: string
  bodyClass?: string
  stub?: boolean
}
const shop = ({ head = '', body = '', tag = TAG(), bodyClass = '', stub = true }: Shop) =>
  page({ head: head + (stub ? STUB : ''), body, tag, bodyClass })

const POLLUTED = `<script>Object.prototype.each = function () {}; Object.prototype.extra = 'from the theme'</script>`
const ARRAY_TO_JSON = `<script>Array.prototype.toJSON = function () { return JSON.stringify(this.slice()) }</script>`
// A "smaller payloads" wrapper that leaves out null fields (the schema requires them).
const WRAPPED_STRINGIFY = `<script>(function (original) { JSON.stringify = function (value) {
  return original.call(JSON, value, function (key, v) { return v === null ? undefined : v }) } })(JSON.stringify)</script>`
const FROZEN = `<script>[Object, Array, Function, Promise, Error, TypeError, String, Number, Boolean, Symbol, Map, Set, WeakMap, RegExp, Date,
  EventTarget, Node, Element, HTMLElement, HTMLInputElement, Event, KeyboardEvent, MouseEvent, Document, CSSStyleDeclaration]
  .forEach(function (c) { Object.freeze(c.prototype) }); Object.freeze(Object)</script>`
const CARD_SLOT = '<div class="sidebar"><div id="slot"></div></div>'
const SLOT = { 'data-mount': '#slot', 'data-surveys': 'other:csat@track=go' }

const PAGES: Record<string, string> = {
  '/seed': '<!doctype html><title>seed</title>',
  '/clean': shop({}),
  '/polluted': shop({ head: POLLUTED }),
  '/array-tojson': shop({ head: ARRAY_TO_JSON }),
  '/wrapped-stringify': shop({ head: WRAPPED_STRINGIFY }),
  '/frozen': shop({ head: FROZEN }),
  '/div-empty': shop({ head: '<style>div:empty{display:none}</style>' }),
  '/theme-div': shop({ head: '<style>body.theme div{display:none !important}</style>', bodyClass: 'theme' }),
  '/attribute-rules': shop({
    head: '<style>div:not([class]):not([id]){visibility:hidden !important;opacity:0 !important}body>div:last-of-type{display:none!important}</style>',
  }),
  // The store mounts the card inline in a sidebar its theme hides on this page: nothing of ours can show there.
  '/hidden-slot': shop({
    head: '<style>.sidebar{display:none}</style>',
    body: CARD_SLOT,
    tag: TAG(SLOT),
  }),
  '/visible-slot': shop({ body: CARD_SLOT, tag: TAG(SLOT) }),
  '/foreign-function': shop({
    stub: false,
    head: `<script>window.touchpoint = function (what) { return 'their ' + what }</script>`,
  }),
  '/foreign-object': shop({
    stub: false,
    head: `<script>window.touchpoint = { version: '2.4.1', track: function () { return 'theirs' } }</script>`,
  }),
  // Pasted once by hand and once by a theme app, both without async: the first one runs.
  '/two-tags': shop({ tag: TAG(undefined, false) + TAG({ 'data-surveys': '', 'data-endpoint': '/elsewhere' }, false) }),
}

const harness = useHarness(PAGES)

/** A fresh visitor (own storage) at `path`; every page of the visit reports what reached window.onerror and unhandledrejection. */
const visitor = (path: string, api: string | false = 'touchpoint') =>
  harness.visit(path, {
    api,
    init: () => {
      const w = window as any
      w.pageErrors = []
      w.tpErrors = []
      w.tpShown = []
      addEventListener('error', (e) => w.pageErrors.push(String(e.message)))
      addEventListener('unhandledrejection', (e) => w.pageErrors.push('unhandled: ' + String(e.reason)))
    },
  })
/** The console warnings of a visit, as the store's developer reads them. */
const warnings = ({ lines }: Visit) => lines.filter((l) => l.startsWith('warning: ')).map((l) => l.slice(9))

const api = (tab: Page, name = 'touchpoint') => tab.evaluateHandle((n) => (window as any)[n], name)

/** The shopper answers a CSAT survey shown by code: a score, a comment, Send; resolves with the answer's id. */
async function answer(tab: Page, score: number, comment: string, name = 'touchpoint'): Promise<string> {
  const widget = await api(tab, name)
  await widget.evaluate((t: any) => t.on('answer', (r: SurveyResponse) => ((window as any).lastAnswer = r.id)))
  expect(await widget.evaluate((t: any) => t.show('csat'))).toBe(true)
  await appears(tab)
  await tab.getByRole('radio', { name: String(score), exact: true }).check()
  await tab.getByRole('textbox').fill(comment)
  await tab.getByRole('button', { name: 'Send' }).click()
  await tab.getByText('Thank you!').waitFor()
  return (await tab.waitForFunction(() => (window as any).lastAnswer)).jsonValue() as Promise<string>
}

/** Resolves with the answer once the collector has acknowledged it; every batch that reached it is schema-valid. */
async function arrived(id: string): Promise<SurveyResponse> {
  const answer = await harness.shop.delivered(id)
  for (const post of harness.shop.posts) expectWireBatch(post.body)
  return answer
}

/** What reached the page's own error listeners, and our `error` events. */
const pageErrors = (tab: Page) => tab.evaluate(() => (window as any).pageErrors as string[])
const tpErrors = (tab: Page) => tab.evaluate(() => (window as any).tpErrors as { code: string; message: string }[])

describe('the widget on hostile store pages, in Chromium', () => {
  it('delivers every answer on a page with enumerable Object.prototype properties, across page views, and flush() settles', async () => {
    const visit = await visitor('/polluted')
    const { tab } = visit
    // A score chosen, Send not pressed: the answer becomes final when the page is left.
    expect(await tab.evaluate(() => (window as any).touchpoint.show('nps'))).toBe(true)
    await tab.getByRole('radio', { name: '9', exact: true }).check()
    const draft = await tab.evaluate(
      () => JSON.parse(Object.entries(localStorage).find(([k]) => k.startsWith('tp:o:'))![1]).pop().id as string,
    )
    await visit.go('/polluted')
    expect(await arrived(draft)).toMatchObject({ kind: 'nps', score: 9, comment: null })
    const later = await answer(tab, 5, 'quick delivery')
    await tab.evaluate(() => (window as any).touchpoint.flush())
    const sent = await arrived(later)
    expect(sent).toMatchObject({ score: 5, comment: 'quick delivery' })
    for (const post of harness.shop.posts) expect(post.body).not.toMatch(/each|from the theme|"extra"/)
    expect(await tpErrors(tab)).toEqual([]) // nothing of the page's was taken for an answer, not even to be dropped
    expect(await pageErrors(tab)).toEqual([])
  })

  const STORED: Record<string, (valid: string) => string> = {
    '[null]': (valid) => `[null,${valid}]`,
    'a string': () => '"[{\\"id\\":1}]"',
    'an object': () => '{"id":"x","responses":[]}',
    'truncated JSON': (valid) => `[${valid},{"id":"00000000-0000-4000-8000-0000`,
    'entries from another version': (valid) =>
      `[{"id":"00000000-0000-4000-8000-000000000001","rating":4,"page":"/"},${valid},{"id":"00000000-0000-4000-8000-000000000002","kind":"csat","score":"4"}]`,
  }
  for (const [what, content] of Object.entries(STORED))
    it(`keeps the valid answers of an outbox holding ${what}, drops the rest with one error event, and blocks no later answer`, async () => {
      const visit = await visitor('/seed', false)
      const { tab } = visit
      const valid = {
        id: '11111111-1111-4111-8111-111111111111',
        survey: 'csat',
        kind: 'csat',
        score: 2,
        comment: 'left from before',
        emotion: null,
        stage: 'awareness',
        touchpoint: 'other',
        url: harness.shop.url + '/',
        locale: 'en',
        // An hour ago: well inside the collector's answer window.
        at: new Date(Date.now() - 3_600_000).toISOString(),
      }
      await tab.evaluate(
        ([key, value]) => localStorage.setItem(key, value),
        ['tp:o:' + harness.shop.url + '/collect', content(JSON.stringify(valid))],
      )
      await visit.go('/clean', 'touchpoint')
      const id = await answer(tab, 4, 'still counts')
      await tab.evaluate(() => (window as any).touchpoint.flush())
      expect(await arrived(id)).toMatchObject({ score: 4, comment: 'still counts' })
      if (content('X').includes('X')) expect(await arrived(valid.id)).toEqual(valid)
      expect(await tpErrors(tab)).toEqual([
        { code: 'outbox', message: expect.stringMatching(/unreadable data in tp:o:/) },
      ])
      expect(await pageErrors(tab)).toEqual([])
    })

  it('sends the wire format on a Prototype.js page whose Array.prototype.toJSON returns a string', async () => {
    const { tab } = await visitor('/array-tojson')
    const id = await answer(tab, 3, 'prototype page')
    expect(await arrived(id)).toMatchObject({ score: 3, comment: 'prototype page', emotion: null })
    expect(await pageErrors(tab)).toEqual([])
  })

  it('sends the wire format when the page wrapped JSON.stringify to leave out null fields', async () => {
    const { tab } = await visitor('/wrapped-stringify')
    const id = await answer(tab, 1, 'wrapped')
    expect(await arrived(id)).toMatchObject({ score: 1, comment: 'wrapped', emotion: null })
    expect(await pageErrors(tab)).toEqual([])
  })

  it('answers, asks the follow-up and sends on a page that froze Object.prototype and the other built-in prototypes', async () => {
    const visit = await visitor('/frozen')
    const { tab } = visit
    expect(await tab.evaluate(() => Object.isFrozen(Object.prototype) && Object.isFrozen(Array.prototype))).toBe(true)
    const id = await answer(tab, 5, 'frozen but fine')
    expect(await arrived(id)).toMatchObject({ score: 5, comment: 'frozen but fine' })
    expect(await pageErrors(tab)).toEqual([])
    expect(warnings(visit).filter((w) => /could not start/.test(w))).toEqual([])
  })

  for (const [path, rule] of [
    ['/div-empty', 'div:empty{display:none}'],
    ['/theme-div', 'body.theme div{display:none !important}'],
    ['/attribute-rules', 'rules on class-less divs'],
  ])
    it(`shows a visible card, and counts it, under store CSS that hides our element (${rule})`, async () => {
      const { tab } = await visitor(path)
      const id = await answer(tab, 4, 'I can see it')
      expect(await arrived(id)).toMatchObject({ score: 4 })
      expect(await tab.evaluate(() => (window as any).tpShown)).toEqual(['csat'])
      expect(await tpErrors(tab)).toEqual([])
      expect(await pageErrors(tab)).toEqual([])
    })

  it('does not count a card the theme keeps hidden as shown: an error event, and the survey shows on a later page where it is visible', async () => {
    const visit = await visitor('/hidden-slot')
    const { tab } = visit
    await tab.evaluate(() => (window as any).touchpoint.track('go'))
    await tab.waitForFunction(() => (window as any).tpErrors.length)
    expect(await tpErrors(tab)).toEqual([{ code: 'hidden', message: expect.stringMatching(/not visible/) }])
    expect(await tab.evaluate(() => (window as any).tpShown)).toEqual([])
    expect(await tab.locator('[data-touchpoint-survey]').count()).toBe(0)
    await visit.go('/visible-slot')
    await tab.evaluate(() => (window as any).touchpoint.track('go'))
    await appears(tab)
    expect(await tab.evaluate(() => (window as any).tpShown)).toEqual(['csat']) // its 30-day recontact period was not used up
    expect(await pageErrors(tab)).toEqual([])
  })

  for (const [path, kind] of [
    ['/foreign-function', 'function'],
    ['/foreign-object', 'object'],
  ])
    it(`leaves a foreign window.touchpoint (${kind}) alone, runs anyway, and says so once`, async () => {
      const visit = await visitor(path, 'touchpointSurvey')
      const { tab } = visit
      const before = await tab.evaluate(() => (window as any).touchpoint)
      const theirs = await tab.evaluate(() =>
        typeof (window as any).touchpoint == 'function'
          ? (window as any).touchpoint('call')
          : (window as any).touchpoint.track(),
      )
      expect(theirs).toBe(kind == 'function' ? 'their call' : 'theirs')
      if (kind == 'object') expect(before).toEqual({ version: '2.4.1' })
      const clash = warnings(visit).filter((w) => w.includes('window.touchpoint'))
      expect(clash).toHaveLength(1)
      expect(clash[0]).toMatch(/already defined by another script; left it alone. Use window\.touchpointSurvey/)
      const id = await answer(tab, 4, 'no clash for me', 'touchpointSurvey')
      expect(await arrived(id)).toMatchObject({ score: 4 })
      expect(await pageErrors(tab)).toEqual([])
    })

  it('runs one instance for two tags with different data-endpoints, with one warning naming both', async () => {
    const visit = await visitor('/two-tags')
    const { tab } = visit
    const both = warnings(visit).filter((w) => w.includes('data-endpoint'))
    expect(both).toEqual([expect.stringContaining(`${harness.shop.url}/collect`)])
    expect(both[0]).toContain(`${harness.shop.url}/elsewhere`)
    const id = await answer(tab, 2, 'one instance')
    expect(await arrived(id)).toMatchObject({ score: 2 })
    expect(await tab.locator('[data-touchpoint-survey]').count()).toBe(1)
    expect(await pageErrors(tab)).toEqual([])
  })
})
