import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { expectWireBatch } from '../shared/wire-schema'
import { launchChromium, serve, type TestServer } from './browser'
import type { Batch, SurveyResponse } from '../../src/shared/types'

// The built dist/ files on store pages whose old themes and apps have done odd things to the
// page's JavaScript and CSS (Prototype.js and MooTools still ship with Magento 1 and old
// WordPress themes). On each page the shopper answers, the answer reaches the collector in a
// schema-valid batch, and nothing of ours reaches window.onerror or unhandledrejection.

// The store's own stub, as the README tells it to paste, listening before the loader runs.
const STUB = `<script>window.touchpoint=window.touchpoint||function(){(touchpoint.q=touchpoint.q||[]).push(arguments)};
touchpoint('on','error',function(e){tpErrors.push(e)});touchpoint('on','show',function(e){tpShown.push(e.survey)})</script>`
const TAG = (attrs = 'data-surveys=""', async = 'async') =>
  `<script src="/touchpoint.js" data-endpoint="/collect" data-flush-ms="50" ${attrs} ${async}></script>`
interface Shop {
  head?: string
  body?: string
  tag?: string
  bodyClass?: string
  stub?: boolean
}
const shop = ({ head = '', body = '', tag = TAG(), bodyClass = '', stub = true }: Shop) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>${head}${stub ? STUB : ''}</head>` +
  `<body class="${bodyClass}"><h1>Shop</h1>${body}${tag}</body></html>`

const POLLUTED = `<script>Object.prototype.each = function () {}; Object.prototype.extra = 'from the theme'</script>`
const ARRAY_TO_JSON = `<script>Array.prototype.toJSON = function () { return JSON.stringify(this.slice()) }</script>`
// A "smaller payloads" wrapper that leaves out null fields (the schema requires them).
const WRAPPED_STRINGIFY = `<script>(function (original) { JSON.stringify = function (value) {
  return original.call(JSON, value, function (key, v) { return v === null ? undefined : v }) } })(JSON.stringify)</script>`
const FROZEN = `<script>[Object, Array, Function, Promise, Error, TypeError, String, Number, Boolean, Symbol, Map, Set, WeakMap, RegExp, Date,
  EventTarget, Node, Element, HTMLElement, HTMLInputElement, Event, KeyboardEvent, MouseEvent, Document, CSSStyleDeclaration]
  .forEach(function (c) { Object.freeze(c.prototype) }); Object.freeze(Object)</script>`
const CARD_SLOT = '<div class="sidebar"><div id="slot"></div></div>'

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
    tag: TAG('data-mount="#slot" data-surveys="other:csat@track=go"'),
  }),
  '/visible-slot': shop({ body: CARD_SLOT, tag: TAG('data-mount="#slot" data-surveys="other:csat@track=go"') }),
  '/foreign-function': shop({
    stub: false,
    head: `<script>window.touchpoint = function (what) { return 'their ' + what }</script>`,
  }),
  '/foreign-object': shop({
    stub: false,
    head: `<script>window.touchpoint = { version: '2.4.1', track: function () { return 'theirs' } }</script>`,
  }),
  // Pasted once by hand and once by a theme app, both without async: the first one runs.
  '/two-tags': shop({ tag: TAG(undefined, '') + TAG(undefined, '').replace('/collect', '/elsewhere') }),
}

let browser: Browser
let server: TestServer

beforeAll(async () => {
  browser = await launchChromium()
  server = await serve(PAGES)
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

interface Visit {
  tab: Page
  context: BrowserContext
  warnings: string[]
}

/** A fresh visitor (own storage); every page of the visit reports what reached window.onerror and unhandledrejection. */
async function visitor(): Promise<Visit> {
  const context = await browser.newContext()
  await context.addInitScript(() => {
    const w = window as any
    w.pageErrors = []
    w.tpErrors = []
    w.tpShown = []
    addEventListener('error', (e) => w.pageErrors.push(String(e.message)))
    addEventListener('unhandledrejection', (e) => w.pageErrors.push('unhandled: ' + String(e.reason)))
  })
  const tab = await context.newPage()
  const warnings: string[] = []
  tab.on('console', (m) => m.type() == 'warning' && warnings.push(m.text()))
  tab.on('pageerror', (e) => warnings.push('PAGE ERROR ' + e.message))
  return { tab, context, warnings }
}

/** Opens `path` and resolves once our API is up (`name`: where it lives on that page). */
async function open({ tab }: Visit, path: string, name = 'touchpoint') {
  await tab.goto(server.url + path)
  await tab.waitForFunction((n) => (window as any)[n]?.version, name)
}

const api = (tab: Page, name = 'touchpoint') => tab.evaluateHandle((n) => (window as any)[n], name)

/** The shopper answers a CSAT survey shown by code: a score, a comment, Send; resolves with the answer's id. */
async function answer(tab: Page, score: number, comment: string, name = 'touchpoint'): Promise<string> {
  const widget = await api(tab, name)
  await widget.evaluate((t: any) => t.on('answer', (r: SurveyResponse) => ((window as any).lastAnswer = r.id)))
  expect(await widget.evaluate((t: any) => t.show('csat'))).toBe(true)
  await tab.getByRole('radio', { name: String(score), exact: true }).check()
  await tab.getByRole('textbox').fill(comment)
  await tab.getByRole('button', { name: 'Send' }).click()
  await tab.getByText('Thank you!').waitFor()
  return (await tab.waitForFunction(() => (window as any).lastAnswer)).jsonValue() as Promise<string>
}

/** Every batch the collector got is schema-valid; resolves with the answer once it has arrived. */
async function arrived(id: string, ms = 15000): Promise<SurveyResponse> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 25))) {
    const batches = server.received.map((body) => expectWireBatch(body))
    const found = batches.flatMap((b: Batch) => b.responses).find((r) => r.id == id)
    if (found) return found
  }
  throw new Error(`answer ${id} never arrived; got ${JSON.stringify(server.received)}`)
}

/** What reached the page's own error listeners, and our `error` events. */
const pageErrors = (tab: Page) => tab.evaluate(() => (window as any).pageErrors as string[])
const tpErrors = (tab: Page) => tab.evaluate(() => (window as any).tpErrors as { code: string; message: string }[])

describe('the widget on hostile store pages, in Chromium', () => {
  it('delivers every answer on a page with enumerable Object.prototype properties, across page views, and flush() settles', async () => {
    const visit = await visitor()
    const { tab, context } = visit
    await open(visit, '/polluted')
    // A score chosen, Send not pressed: the answer becomes final when the page is left.
    expect(await tab.evaluate(() => (window as any).touchpoint.show('nps'))).toBe(true)
    await tab.getByRole('radio', { name: '9', exact: true }).check()
    const draft = await tab.evaluate(
      () => JSON.parse(Object.entries(localStorage).find(([k]) => k.startsWith('tp:o:'))![1]).pop().id as string,
    )
    await open(visit, '/polluted')
    expect(await arrived(draft)).toMatchObject({ kind: 'nps', score: 9, comment: null })
    const later = await answer(tab, 5, 'quick delivery')
    await tab.evaluate(() => (window as any).touchpoint.flush())
    const sent = await arrived(later)
    expect(sent).toMatchObject({ score: 5, comment: 'quick delivery' })
    for (const body of server.received) expect(JSON.stringify(body)).not.toMatch(/each|from the theme|"extra"/)
    expect(await tpErrors(tab)).toEqual([]) // nothing of the page's was taken for an answer, not even to be dropped
    expect(await pageErrors(tab)).toEqual([])
    await context.close()
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
      const visit = await visitor()
      const { tab, context } = visit
      const valid = {
        id: '11111111-1111-4111-8111-111111111111',
        survey: 'csat',
        kind: 'csat',
        score: 2,
        comment: 'left from before',
        emotion: null,
        stage: 'awareness',
        touchpoint: 'other',
        url: server.url + '/',
        locale: 'en',
        at: '2026-11-20T10:00:00.000Z',
      }
      await tab.goto(server.url + '/seed')
      await tab.evaluate(
        ([key, value]) => localStorage.setItem(key, value),
        ['tp:o:' + server.url + '/collect', content(JSON.stringify(valid))],
      )
      await open(visit, '/clean')
      const id = await answer(tab, 4, 'still counts')
      await tab.evaluate(() => (window as any).touchpoint.flush())
      expect(await arrived(id)).toMatchObject({ score: 4, comment: 'still counts' })
      if (content('X').includes('X')) expect(await arrived(valid.id)).toEqual(valid)
      expect(await tpErrors(tab)).toEqual([
        { code: 'outbox', message: expect.stringMatching(/unreadable data in tp:o:/) },
      ])
      expect(await pageErrors(tab)).toEqual([])
      await context.close()
    })

  it('sends the wire format on a Prototype.js page whose Array.prototype.toJSON returns a string', async () => {
    const visit = await visitor()
    await open(visit, '/array-tojson')
    const id = await answer(visit.tab, 3, 'prototype page')
    expect(await arrived(id)).toMatchObject({ score: 3, comment: 'prototype page', emotion: null })
    expect(await pageErrors(visit.tab)).toEqual([])
    await visit.context.close()
  })

  it('sends the wire format when the page wrapped JSON.stringify to leave out null fields', async () => {
    const visit = await visitor()
    await open(visit, '/wrapped-stringify')
    const id = await answer(visit.tab, 1, 'wrapped')
    expect(await arrived(id)).toMatchObject({ score: 1, comment: 'wrapped', emotion: null })
    expect(await pageErrors(visit.tab)).toEqual([])
    await visit.context.close()
  })

  it('answers, asks the follow-up and sends on a page that froze Object.prototype and the other built-in prototypes', async () => {
    const visit = await visitor()
    await open(visit, '/frozen')
    expect(await visit.tab.evaluate(() => Object.isFrozen(Object.prototype) && Object.isFrozen(Array.prototype))).toBe(
      true,
    )
    const id = await answer(visit.tab, 5, 'frozen but fine')
    expect(await arrived(id)).toMatchObject({ score: 5, comment: 'frozen but fine' })
    expect(await pageErrors(visit.tab)).toEqual([])
    expect(visit.warnings.filter((w) => /PAGE ERROR|could not start/.test(w))).toEqual([])
    await visit.context.close()
  })

  for (const [path, rule] of [
    ['/div-empty', 'div:empty{display:none}'],
    ['/theme-div', 'body.theme div{display:none !important}'],
    ['/attribute-rules', 'rules on class-less divs'],
  ])
    it(`shows a visible card, and counts it, under store CSS that hides our element (${rule})`, async () => {
      const visit = await visitor()
      await open(visit, path)
      const id = await answer(visit.tab, 4, 'I can see it')
      expect(await arrived(id)).toMatchObject({ score: 4 })
      expect(await visit.tab.evaluate(() => (window as any).tpShown)).toEqual(['csat'])
      expect(await tpErrors(visit.tab)).toEqual([])
      expect(await pageErrors(visit.tab)).toEqual([])
      await visit.context.close()
    })

  it('does not count a card the theme keeps hidden as shown: an error event, and the survey shows on a later page where it is visible', async () => {
    const visit = await visitor()
    const { tab } = visit
    await open(visit, '/hidden-slot')
    await tab.evaluate(() => (window as any).touchpoint.track('go'))
    await tab.waitForFunction(() => (window as any).tpErrors.length)
    expect(await tpErrors(tab)).toEqual([{ code: 'hidden', message: expect.stringMatching(/not visible/) }])
    expect(await tab.evaluate(() => (window as any).tpShown)).toEqual([])
    expect(await tab.locator('[data-touchpoint-survey]').count()).toBe(0)
    await open(visit, '/visible-slot')
    await tab.evaluate(() => (window as any).touchpoint.track('go'))
    await tab.getByRole('dialog').waitFor()
    expect(await tab.evaluate(() => (window as any).tpShown)).toEqual(['csat']) // its 30-day recontact period was not used up
    expect(await pageErrors(tab)).toEqual([])
    await visit.context.close()
  })

  for (const [path, kind] of [
    ['/foreign-function', 'function'],
    ['/foreign-object', 'object'],
  ])
    it(`leaves a foreign window.touchpoint (${kind}) alone, runs anyway, and says so once`, async () => {
      const visit = await visitor()
      const { tab, warnings } = visit
      const before = await (async () => {
        await tab.goto(server.url + path)
        await tab.waitForFunction(() => (window as any).touchpointSurvey?.version)
        return tab.evaluate(() => (window as any).touchpoint)
      })()
      const theirs = await tab.evaluate(() =>
        typeof (window as any).touchpoint == 'function'
          ? (window as any).touchpoint('call')
          : (window as any).touchpoint.track(),
      )
      expect(theirs).toBe(kind == 'function' ? 'their call' : 'theirs')
      if (kind == 'object') expect(before).toEqual({ version: '2.4.1' })
      // Worded by the diagnostics chunk, a moment after the loader has run.
      await expect.poll(() => warnings.filter((w) => w.includes('window.touchpoint')).length).toBe(1)
      const clash = warnings.filter((w) => w.includes('window.touchpoint'))
      expect(clash[0]).toMatch(/already defined by another script; left it alone. Use window\.touchpointSurvey/)
      const id = await answer(tab, 4, 'no clash for me', 'touchpointSurvey')
      expect(await arrived(id)).toMatchObject({ score: 4 })
      expect(await pageErrors(tab)).toEqual([])
      await visit.context.close()
    })

  it('runs one instance for two tags with different data-endpoints, with one warning naming both', async () => {
    const visit = await visitor()
    const { tab, warnings } = visit
    await open(visit, '/two-tags')
    await expect.poll(() => warnings.filter((w) => w.includes('data-endpoint')).length).toBe(1)
    const both = warnings.filter((w) => w.includes('data-endpoint'))
    expect(both).toEqual([expect.stringContaining(`${server.url}/collect`)])
    expect(both[0]).toContain(`${server.url}/elsewhere`)
    const id = await answer(tab, 2, 'one instance')
    expect(await arrived(id)).toMatchObject({ score: 2 })
    expect(await tab.locator('[data-touchpoint-survey]').count()).toBe(1)
    expect(await pageErrors(tab)).toEqual([])
    await visit.context.close()
  })
})
