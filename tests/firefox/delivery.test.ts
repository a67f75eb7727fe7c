// Delivery in Firefox ESR: answers from the built dist/ files reach the reference collector
// (SQLite, de-duplicating by id) through its real HTTP endpoint, survive a reload while the server
// answers 503, and leave with the page by beacon. Every body sent is checked against the schema.
import type { Browser, BrowserContext, Page } from 'puppeteer-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { expectWireBatch } from '../shared/wire-schema'
import { launchFirefox, loaderUp, pageErrors } from './firefox'
import { openShop, until, type Shop } from './shop'

const page = (flushMs: number) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body><h1>Shop</h1>` +
  `<script src="/touchpoint.js" data-endpoint="/collect" data-flush-ms="${flushMs}"></script>` +
  `<script>window.seen=[];touchpoint.on('sent',function(e){seen.push(['sent',e.ids])});touchpoint.on('error',function(e){seen.push(['error',e.status])});
touchpoint.on('answer',function(r){window.answered=r.id})</script></body></html>`

let browser: Browser
let shop: Shop
let context: BrowserContext | undefined

beforeAll(async () => {
  shop = await openShop({
    '/soon': page(100),
    '/later': page(60_000),
    // Somewhere else entirely: no widget, so only what left with the previous page can arrive.
    '/elsewhere': '<!doctype html><title>Elsewhere</title><p>Another site</p>',
  })
  browser = await launchFirefox()
})
afterAll(async () => {
  await browser?.close()
  await shop?.close()
})
afterEach(async () => {
  await context?.close()
  context = undefined
  shop.posts.length = 0
  shop.fail = 0
})

async function visit(path: string): Promise<{ tab: Page; errors: string[] }> {
  context = await browser.createBrowserContext()
  const tab = await context.newPage()
  const errors = pageErrors(tab)
  await tab.goto(shop.url + path)
  await loaderUp(tab)
  return { tab, errors }
}

const SHADOW = 'document.querySelector("[data-touchpoint-survey]")?.shadowRoot'
/** The shopper picks `score` in a `kind` survey (a draft until Send, Escape or leaving the page). */
async function choose(tab: Page, kind: string, score: number) {
  expect(await tab.evaluate((k) => (window as any).touchpoint.show(k), kind)).toBe(true)
  await tab.waitForFunction(`!!${SHADOW}?.querySelector('[role=dialog]')`, { polling: 50 })
  await tab.locator(`pierce/input[type=radio][value="${score}"]`).click()
}
/** Escape keeps the chosen score: the answer is final and goes with the next flush. Returns its id. */
async function close(tab: Page): Promise<string> {
  await tab.keyboard.press('Escape')
  await tab.waitForFunction('!document.querySelector("[data-touchpoint-survey]")', { polling: 50 })
  return tab.evaluate(() => (window as any).answered)
}
/** Ids waiting in the widget's outbox (localStorage), sent or not. */
const outbox = (tab: Page): Promise<string[]> =>
  tab.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('tp:o:') && !key.endsWith(':lease'))
      .flatMap((key) => JSON.parse(localStorage.getItem(key)!).map((entry: { id: string }) => entry.id)),
  )
const seen = (tab: Page) => tab.evaluate(() => (window as any).seen)
const posted = (id: string) => shop.posts.filter((post) => expectWireBatch(post.body).responses.some((r) => r.id == id))
const story = () => JSON.stringify(shop.posts.map(({ status, beacon, ms }) => ({ status, beacon, ms })))

/** One row in the collector's database, and no POST of the widget's own after the first 2xx. */
async function expectDeliveredOnce(id: string) {
  expect(await shop.stored(id)).toHaveLength(1)
  const mine = posted(id)
  const acked = mine.findIndex((post) => !post.beacon && post.status < 300)
  expect(acked, `never acknowledged: ${story()}`).toBeGreaterThanOrEqual(0)
  expect(mine.slice(acked + 1), `sent again after its 2xx: ${story()}`).toEqual([])
}

describe('delivery in Firefox ESR', () => {
  it('delivers an answer with its comment to the collector in the wire format', async () => {
    const { tab, errors } = await visit('/soon')
    await choose(tab, 'nps', 9)
    await tab.locator('pierce/input[type=text]').fill('fast delivery')
    await tab.locator('pierce/button[type=submit]').click()
    const id: string = await tab.evaluate(() => (window as any).answered)
    await tab.waitForFunction(() => (window as any).seen.length, { polling: 50 })
    expect(await seen(tab)).toEqual([['sent', [id]]])
    expect((await shop.stored(id))[0]).toMatchObject({
      kind: 'nps',
      score: 9,
      comment: 'fast delivery',
      emotion: null,
      stage: 'awareness',
      touchpoint: 'other',
      url: shop.url + '/soon',
      locale: 'en',
    })
    expect(await outbox(tab)).toEqual([])
    await expectDeliveredOnce(id)
    expect(errors).toEqual([])
  })

  it('keeps an answer through a reload while the collector answers 503, then delivers it once', async () => {
    shop.fail = 1000
    const { tab } = await visit('/soon')
    await choose(tab, 'csat', 1)
    const id = await close(tab)
    await tab.waitForFunction(() => (window as any).seen.some((event: unknown[]) => event[0] == 'error'), {
      polling: 50,
    })
    expect(await seen(tab)).toContainEqual(['error', 503])
    await tab.reload()
    await loaderUp(tab)
    expect(await outbox(tab)).toEqual([id])
    const before = shop.posts.length
    await until(() => shop.posts.length > before, 15_000, story) // the reloaded page tries again by itself
    shop.fail = 0
    await tab.waitForFunction(() => (window as any).seen.some((event: unknown[]) => event[0] == 'sent'), {
      polling: 50,
    })
    expect(await outbox(tab)).toEqual([])
    expect((await shop.stored(id))[0]).toMatchObject({ kind: 'csat', score: 1 })
    expect(shop.posts.filter((post) => post.status == 503).length).toBeGreaterThanOrEqual(3)
    // Another page view finds nothing left to send.
    const count = shop.posts.length
    await tab.reload()
    await loaderUp(tab)
    await tab.evaluate(() => (window as any).touchpoint.flush())
    expect(await outbox(tab)).toEqual([])
    expect(shop.posts.slice(count)).toEqual([])
    await expectDeliveredOnce(id)
  })

  it('gets an answer out by beacon when the shopper leaves right after giving it', async () => {
    const { tab } = await visit('/later') // the next scheduled send is a minute away
    await choose(tab, 'emotion', 4)
    const id = await close(tab)
    await tab.goto(shop.url + '/elsewhere')
    await until(async () => (await shop.stored(id)).length > 0, 15_000, story)
    expect((await shop.stored(id))[0]).toMatchObject({ kind: 'emotion', score: 4, emotion: 'pleased' })
    expect(posted(id).map(({ status, beacon }) => ({ status, beacon }))).toEqual([{ status: 200, beacon: true }])
  })

  it('gets a chosen score out by beacon when the shopper leaves without pressing Send', async () => {
    const { tab } = await visit('/later')
    await choose(tab, 'csat', 2)
    expect(await outbox(tab)).toHaveLength(1) // kept as a draft: the shopper may still add a comment
    await tab.goto(shop.url + '/elsewhere')
    await until(() => shop.posts.some((post) => post.status == 200), 15_000, story)
    const [response] = expectWireBatch(shop.posts[0].body).responses
    expect((await shop.stored(response.id))[0]).toMatchObject({ kind: 'csat', score: 2, comment: null })
    expect(shop.posts.map(({ status, beacon }) => ({ status, beacon }))).toEqual([{ status: 200, beacon: true }])
  })
})
