import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { page, tag, useHarness, type TagAttributes, type Visit as HarnessVisit } from './harness'
import { TEST_COOKIE } from './harness/shop'

// When a survey shows, seen from the shopper's side: the built dist/touchpoint.js on store-like
// pages in Chromium, with nothing but the tag's data-* attributes. Each page has its own path so
// its tag can carry its own attributes; detection reads the path like on a real store.

const TALL = '<div style="height:4000px">Products, reviews, more products</div><footer>End</footer>'
const VIEWPORT = '<meta name="viewport" content="width=device-width,initial-scale=1">'
const store = (attributes: TagAttributes, { head = '', tall = false, body = '' } = {}) =>
  page({
    head: VIEWPORT + head,
    body: body || (tall ? TALL : '<p>Thanks for shopping with us.</p>'),
    tag: tag({ ...attributes, async: true }),
  })

// A CMP that answers "not decided yet" first, then the visitor's choice on window.cmpChoose().
const TCF = `<script>(function(){var cbs=[],state={eventStatus:'cmpuishown',gdprApplies:true,purpose:{consents:{}}};
window.__tcfapi=function(cmd,v,cb){if(cmd=='addEventListener'){cbs.push(cb);cb(state,true)}};
window.cmpChoose=function(yes){state={eventStatus:'useractioncomplete',gdprApplies:true,purpose:{consents:{1:yes}}};cbs.forEach(function(cb){cb(state,true)})}})()</script>`
// Google Consent Mode v2 as gtag.js sets it up: denied until the banner's update.
const GCM = `<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('consent','default',{analytics_storage:'denied',ad_storage:'denied'})</script>`
const GPC = () =>
  Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true })

// Where the default plan's 3 s is not what a test is about, a 1 s delay keeps the file quick.
const SOON = { 'data-surveys': 'confirmation:csat@delay=1s' }
const DEBUG = { 'data-debug': true } as const

const harness = useHarness({
  '/checkout/order-received/1001/': store({}),
  '/checkout/order-received/1002/': store({ ...SOON, ...DEBUG }),
  '/checkout/order-received/1003/': store({ ...SOON, ...DEBUG }),
  '/checkout/': store(DEBUG, { tall: true }),
  '/cart/': store(DEBUG),
  '/products/linen-shirt': store(DEBUG, { tall: true }),
  '/': store({ 'data-surveys': 'home:nps@scroll=60%', ...DEBUG }, { tall: true }),
  '/products/silk-scarf': store({ 'data-surveys': 'product:emotion@event=add_to_cart', ...DEBUG }),
  '/products/wool-hat': store(
    { 'data-surveys': 'product:csat@click=.size-guide a', ...DEBUG },
    { body: '<p id="price">€24</p><div class="size-guide"><a href="#sizes"><b>Size guide</b></a></div>' },
  ),
  '/checkout/order-received/2001/': store({ ...SOON, 'data-consent': 'required' }),
  '/checkout/order-received/2002/': store({ ...SOON, 'data-consent': 'required' }, { head: TCF }),
  '/checkout/order-received/2003/': store({ ...SOON, 'data-consent': 'required' }, { head: GCM }),
  '/checkout/order-received/3001/': store(SOON),
  '/checkout/order-received/3002/': store({ ...SOON, 'data-gpc': 'false' }),
})

interface Visit extends HarnessVisit {
  /** Every URL the page asked for, in order, without the shop's origin. */
  requests: string[]
}

/** Opens `path` in a fresh visitor's browser (own storage and cookies) once the loader is up. */
async function visit(
  path: string,
  { mobile = false, init, clock = false }: { mobile?: boolean; init?: () => void; clock?: boolean } = {},
): Promise<Visit> {
  const requests: string[] = []
  const visit = await harness.visit(path, {
    contextOptions: mobile
      ? { viewport: { width: 375, height: 700 }, isMobile: true, hasTouch: true }
      : { viewport: { width: 1024, height: 700 } },
    init,
    listen: async (tab) => {
      // The page's timers on a clock that moves only when the test moves it (tab.clock.runFor): a
      // throttled scroll check or a 3 s delay then runs when the test says, however busy the machine is.
      if (clock) {
        // Paused before the page exists (no timers to fire yet), a minute ahead of the wall clock so
        // the jump is never into the past.
        const now = Date.now()
        await tab.clock.install({ time: now })
        await tab.clock.pauseAt(now + 60_000)
      }
      // Every chunk the page asks for, by script tag (removed once the chunk ran): a quiet page asked for none.
      await tab.addInitScript(() => {
        const asked: string[] = ((window as any).chunksAsked = [])
        new MutationObserver((records) => {
          for (const record of records)
            for (const node of record.addedNodes)
              if (/touchpoint-\w+\.js$/.test((node as HTMLScriptElement).src || ''))
                asked.push((node as HTMLScriptElement).src)
        }).observe(document, { childList: true, subtree: true })
      })
      tab.on('request', (r) => requests.push(r.url().replace(harness.shop.url, '')))
    },
  })
  return { ...visit, requests }
}

const survey = (tab: Page) => tab.getByRole('dialog')
const appears = (tab: Page, timeout = 10_000) => survey(tab).waitFor({ timeout })
const radios = (tab: Page) => tab.getByRole('radio').count()
let marks = 0
/**
 * No trigger has fired so far: the loader prints its notes in the order it made them, so once a
 * note asked for now (a warning about an unknown command) is on the console, the note of any
 * trigger that fired before it is there too. Proves the negative without sleeping.
 */
async function noTriggerYet(v: Visit) {
  const mark = `no-trigger-yet-${++marks}`
  await v.tab.evaluate((name) => (window as any).touchpoint(name), mark)
  const marked = await v.logged(new RegExp(mark))
  const before = v.lines.slice(0, v.lines.indexOf(marked))
  expect(before.filter((line) => /^\w+: touchpoint: survey \S+ on /.test(line))).toEqual([])
  expect(await survey(v.tab).count()).toBe(0)
}
/**
 * Nothing shows, and no chunk is asked for, for `ms` of the page's clock (`visit(…, { clock: true })`):
 * long enough that a survey due after a delay would be up. For pages that must not load the
 * diagnostics chunk, which noTriggerYet would.
 */
async function staysQuiet(v: Visit, ms = 1800) {
  await v.tab.clock.runFor(ms)
  expect(await v.tab.evaluate(() => (window as any).chunksAsked)).toEqual([])
  expect(await survey(v.tab).count()).toBe(0)
}
/**
 * Gives consent with `give` and resolves once the store's own plan has arrived: the surveys chunk is
 * fetched only after consent, over the real network, while the page's clock stands still.
 */
async function consentThen(v: Visit, give: () => Promise<unknown>) {
  const parser = v.tab.waitForResponse((response) => response.url().endsWith('/touchpoint-surveys.js'))
  await give()
  await (await parser).finished()
}
/** Scrolls the page to `y` and resolves once the browser has fired the scroll event. */
const scrollTo = (tab: Page, y: number | string) =>
  tab.evaluate(
    (to) =>
      new Promise<void>((resolve) => {
        addEventListener('scroll', () => resolve(), { once: true })
        window.scrollTo(0, typeof to == 'number' ? to : document.documentElement.scrollHeight * parseFloat(to))
      }),
    y,
  )
/** Everything the page keeps about the visitor: web storage and cookies (not the harness's own test cookie). */
const kept = async ({ tab, context }: Visit) => ({
  ...(await tab.evaluate(
    (harnessCookie) => ({
      local: { ...localStorage },
      session: { ...sessionStorage },
      cookie: document.cookie
        .split('; ')
        .filter((pair) => pair && !pair.startsWith(harnessCookie + '='))
        .join('; '),
    }),
    TEST_COOKIE,
  )),
  cookies: (await context.cookies()).filter((cookie) => cookie.name != TEST_COOKIE).length,
})
const NOTHING = { local: {}, session: {}, cookie: '', cookies: 0 }
/**
 * The decision targeting logs with data-debug about survey `id` from console line `since` on, e.g.
 * `info: touchpoint: survey csat on delay=1000: not shown, answered …`.
 */
const decision = (v: Visit, id: string, since: number) => v.logged(new RegExp(`touchpoint: survey ${id} on`), since)
/** Leaves the window the way a desktop shopper heads for the tabs or the back button. */
async function exitThroughTop(tab: Page) {
  await tab.mouse.move(500, 300)
  await tab.mouse.move(500, 5, { steps: 5 })
  await tab.mouse.move(500, -20)
}

describe('when a survey shows, in Chromium', () => {
  it('asks for CSAT on a thank-you page within a few seconds, with only data-endpoint set', async () => {
    const v = await visit('/checkout/order-received/1001/', { clock: true })
    // The default plan's 3 s delay is up: it counts from the arming step, a task or two after the
    // loader's own (on this paused clock each yield is a timer of its own).
    await v.tab.clock.runFor(3100)
    await appears(v.tab)
    expect(await radios(v.tab)).toBe(5) // CSAT: 1–5
    expect(v.errors).toEqual([])
  })

  it('does not ask again after an answer: not on reload, not on the next thank-you page', async () => {
    const v = await visit('/checkout/order-received/1002/')
    await appears(v.tab)
    await v.tab.getByRole('radio', { name: '5', exact: true }).click()
    await v.tab.getByRole('button', { name: 'Send' }).click()
    await survey(v.tab).waitFor({ state: 'detached', timeout: 5000 })
    expect(JSON.parse((await kept(v)).local['tp:s'])).toMatchObject({
      a: expect.any(Number),
      r: { csat: expect.any(Number) },
    })

    let since = v.lines.length
    await v.tab.reload()
    expect(await decision(v, 'csat', since)).toContain('not shown, answered a survey 0 days ago')
    expect(await survey(v.tab).count()).toBe(0)

    since = v.lines.length
    await v.go('/checkout/order-received/1003/')
    expect(await decision(v, 'csat', since)).toContain('not shown, answered a survey 0 days ago')
    expect(await survey(v.tab).count()).toBe(0)
  })

  it('leaves a paying shopper alone on checkout, and asks CES only when the pointer leaves through the top', async () => {
    const v = await visit('/checkout/', { clock: true })
    await scrollTo(v.tab, 1500) // reading, scrolling, filling in the form
    await v.tab.clock.runFor(3500) // past every delay in the default plan
    await noTriggerYet(v) // the UI is fetched at idle (CES is armed), but nothing shows
    await v.tab.mouse.wheel(0, -1500)
    await exitThroughTop(v.tab)
    await appears(v.tab)
    expect(await radios(v.tab)).toBe(7) // CES: 1–7
  })

  it('asks how the cart feels when a desktop shopper heads out through the top of the window', async () => {
    const v = await visit('/cart/')
    await v.tab.mouse.move(500, 300)
    await v.tab.mouse.move(1100, 400) // out through the side (a second screen, the scrollbar) is not leaving
    await v.tab.mouse.move(500, 300)
    await noTriggerYet(v)
    await exitThroughTop(v.tab)
    await appears(v.tab)
    expect(await v.tab.getByRole('radio', { name: 'Delighted' }).count()).toBe(1)
  })

  it('asks on a product page when a phone shopper flicks back up after scrolling down', async () => {
    // The flick is told by speed (px per ms between throttled checks): on the test's clock, so a busy
    // machine cannot stretch the flick into a drift (it did once) or squeeze the drift into a flick.
    const v = await visit('/products/linen-shirt', { mobile: true, clock: true })
    await scrollTo(v.tab, 1500)
    await v.tab.clock.runFor(300)
    await scrollTo(v.tab, 1300) // a slow drift up (200 px in 300 ms) is still reading
    await v.tab.clock.runFor(400)
    await noTriggerYet(v)
    await scrollTo(v.tab, 0) // 1300 px in 400 ms
    await v.tab.clock.runFor(100)
    await appears(v.tab)
    expect(await v.tab.getByRole('radio', { name: 'Pleased' }).count()).toBe(1)
  })

  it('asks once the shopper has scrolled as deep as data-surveys says (scroll=60%)', async () => {
    const v = await visit('/', { clock: true })
    await scrollTo(v.tab, '0.3')
    await v.tab.clock.runFor(200) // the throttled scroll check has run
    await noTriggerYet(v)
    await scrollTo(v.tab, '0.6')
    await v.tab.clock.runFor(200)
    await appears(v.tab)
    expect(await radios(v.tab)).toBe(11) // NPS: 0–10
  })

  it('asks when the store pushes add_to_cart to the dataLayer (event=add_to_cart)', async () => {
    const v = await visit('/products/silk-scarf')
    await v.tab.evaluate(() =>
      ((window as any).dataLayer ||= []).push({ event: 'view_item', ecommerce: { items: [] } }),
    )
    await noTriggerYet(v)
    await v.tab.evaluate(() =>
      (window as any).dataLayer.push({ event: 'add_to_cart', ecommerce: { items: [{ item_id: 'scarf' }] } }),
    )
    await appears(v.tab, 2000)
    expect(await v.tab.getByRole('radio', { name: 'Frustrated' }).count()).toBe(1)
  })

  it('asks on a click inside the element data-surveys names (click=.size-guide a), not elsewhere', async () => {
    const v = await visit('/products/wool-hat')
    await v.logged(/survey csat is due on click=\.size-guide a/) // the store's plan is armed
    await v.tab.click('#price')
    await noTriggerYet(v)
    await v.tab.click('.size-guide b')
    await appears(v.tab, 2000)
  })
})

describe('consent and privacy signals, in Chromium', () => {
  const loaderOnly = (path: string) => [path, '/touchpoint.js']

  it('with data-consent="required", stores, sends and shows nothing until touchpoint.consent(true)', async () => {
    const path = '/checkout/order-received/2001/'
    const v = await visit(path, { clock: true })
    await staysQuiet(v)
    expect(await v.tab.evaluate(() => (window as any).touchpoint.show('csat'))).toBe(false)
    expect(await kept(v)).toEqual(NOTHING)
    expect(v.requests).toEqual(loaderOnly(path))

    await consentThen(v, () => v.tab.evaluate(() => (window as any).touchpoint.consent(true)))
    await v.tab.clock.runFor(1000) // data-surveys: delay=1s from consent
    await appears(v.tab)
    await v.tab.getByRole('radio', { name: '4', exact: true }).click()
    await v.tab.getByRole('button', { name: 'Send' }).click()
    await v.tab.evaluate(() => (window as any).touchpoint.flush()) // resolves once the batch is on the wire
    await harness.shop.posts.until(
      (post) =>
        post.status < 300 && !!post.batch?.responses.some((r) => r.score == 4 && r.touchpoint == 'confirmation'),
    )
    expect(v.requests).toContain('/collect')
  })

  it('with data-consent="required", opens once an IAB TCF CMP reports consent, not while it waits', async () => {
    const path = '/checkout/order-received/2002/'
    const v = await visit(path, { clock: true })
    await staysQuiet(v)
    expect(await kept(v)).toEqual(NOTHING)
    expect(v.requests).toEqual(loaderOnly(path))
    await consentThen(v, () => v.tab.evaluate(() => (window as any).cmpChoose(true)))
    await v.tab.clock.runFor(1000)
    await appears(v.tab)
  })

  it('with data-consent="required", opens once Google Consent Mode v2 updates analytics_storage to granted', async () => {
    const path = '/checkout/order-received/2003/'
    const v = await visit(path, { clock: true })
    await staysQuiet(v)
    expect(await kept(v)).toEqual(NOTHING)
    expect(v.requests).toEqual(loaderOnly(path))
    await consentThen(v, () =>
      v.tab.evaluate(() => (window as any).gtag('consent', 'update', { analytics_storage: 'granted' })),
    )
    await v.tab.clock.runFor(1000)
    await appears(v.tab)
  })

  it('honours Global Privacy Control: no survey, nothing stored, no request beyond the loader', async () => {
    const path = '/checkout/order-received/3001/'
    const v = await visit(path, { init: GPC, clock: true })
    expect(await v.tab.evaluate(() => (navigator as any).globalPrivacyControl)).toBe(true)
    await staysQuiet(v)
    // Stronger than the store's own consent call, and than show() from code.
    expect(
      await v.tab.evaluate(() => ((window as any).touchpoint.consent(true), (window as any).touchpoint.show('csat'))),
    ).toBe(false)
    await staysQuiet(v, 1200)
    expect(await kept(v)).toEqual(NOTHING)
    expect(v.requests).toEqual(loaderOnly(path))
  })

  it('asks as usual under Global Privacy Control when the store sets data-gpc="false"', async () => {
    const v = await visit('/checkout/order-received/3002/', { init: GPC })
    await appears(v.tab)
    expect((await kept(v)).local['tp:s']).toBeTruthy()
  })
})
