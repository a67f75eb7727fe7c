// Delivery in Chromium: the built dist/ files on a store page, in front of the reference
// collector (SQLite, de-duplicating by id). The harness's shop can answer 503 and hold a request,
// and records every POST so that the tests can say what was sent how often.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appears, page, requireBuild, tag, useHarness } from './harness'

requireBuild()

const SEEN = `<script>window.seen=[];touchpoint.on('sent',function(e){seen.push(['sent',e.ids])});touchpoint.on('error',function(e){seen.push(['error',e.code,e.status])})</script>`
// `?flush=` sets data-flush-ms; data-debug prints the decisions the tests wait for.
const shopPage = (url: URL) =>
  page({ tag: tag({ 'data-flush-ms': url.searchParams.get('flush') || '100', 'data-debug': true }) + SEEN })

const harness = useHarness({ '/shop': shopPage, '/shop/next': shopPage })
const shop = () => harness.shop

/** The shopper picks a score in a CSAT survey; with `send`, closes it too (an answer), else leaves it open (a draft). */
async function answer(tab: Page, score: number, send = true, shown?: () => Promise<unknown>): Promise<string> {
  expect(await tab.evaluate(() => (window as any).touchpoint.show('csat'))).toBe(true)
  await shown?.()
  await appears(tab)
  await tab.getByRole('radio', { name: String(score), exact: true }).check()
  const id = await tab.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('tp:o:') && !k.endsWith(':lease'))!
    return JSON.parse(localStorage.getItem(key)!).pop().id as string
  })
  if (send) {
    await tab.keyboard.press('Escape')
    await tab.getByRole('dialog').waitFor({ state: 'detached' })
  }
  return id
}

const stored = async (id: string) => {
  const answer = await shop().collector.store.get(id)
  return answer ? [answer] : []
}
/** Waits until a POST carrying `id` got the collector's 2xx for the widget's own fetch (not a beacon). */
const acknowledged = (id: string) =>
  shop().posts.until((p) => p.ids.includes(id) && !p.beacon && p.status == 200, { what: `${id} acknowledged` })
/** Each id reached the collector's database once, and nothing went again after the widget saw its 2xx. */
async function expectDeliveredOnce(ids: string[]) {
  const { posts } = shop()
  for (const id of ids) {
    expect(await stored(id)).toHaveLength(1)
    const mine = posts.filter((p) => p.ids.includes(id))
    const acked = mine.findIndex((p) => !p.beacon && p.status < 300)
    expect(acked, `${id} was never acknowledged: ${JSON.stringify(mine)}`).toBeGreaterThanOrEqual(0)
    expect(mine.slice(acked + 1), `${id} was sent again after its 2xx: ${JSON.stringify(posts)}`).toEqual([])
  }
}
const outbox = (tab: Page) =>
  tab.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('tp:o:') && !k.endsWith(':lease'))
      .map((k) => localStorage.getItem(k)),
  )
const statuses = () => shop().posts.map((p) => p.status)

describe('delivery in Chromium', () => {
  it('gets an answer through a collector that answers 503 several times', async () => {
    shop().fail(3)
    const { tab, logged } = await harness.visit('/shop?flush=60000')
    // The page's first look at the outbox (when idle) is over, and the flush timer is a minute:
    // the shown display and the answer go in the one batch that flush() sends.
    await logged(/not sending: nothing is due/)
    const id = await answer(tab, 4)
    await tab.evaluate(() => (window as any).touchpoint.flush())
    await acknowledged(id)
    expect(statuses()).toEqual([503, 503, 503, 200])
    await tab.waitForFunction(() => (window as any).seen.length)
    expect(await tab.evaluate(() => (window as any).seen)).toEqual([['sent', [id]]])
    expect(await outbox(tab)).toEqual([])
    await expectDeliveredOnce([id])
  })

  it('gets an answer through when the shopper navigates away right after giving it', async () => {
    const visit = await harness.visit('/shop?flush=60000')
    const id = await answer(visit.tab, 5)
    await visit.go('/shop/next?flush=60000') // pagehide: beacon; the next page sends it again and removes it on the 2xx
    await acknowledged(id)
    expect(shop().posts.find((p) => p.ids.includes(id))!.beacon).toBe(true)
    await visit.tab.waitForFunction(() => (window as any).seen.length)
    expect(await outbox(visit.tab)).toEqual([])
    await expectDeliveredOnce([id])
  })

  it('gets a chosen score through when the shopper leaves without pressing Send', async () => {
    const visit = await harness.visit('/shop?flush=100')
    const id = await answer(visit.tab, 2, false)
    // No answer yet: the shopper may still add a comment. Two flushes in a row: the second starts
    // once the first's batch (the shown display, and nothing more) is answered, and decides that
    // nothing is due; by then every batch the page sent has reached the collector.
    const since = visit.lines.length
    await visit.tab.evaluate(async () => {
      await (window as any).touchpoint.flush()
      await (window as any).touchpoint.flush()
    })
    await visit.logged(/not sending: nothing is due/, since)
    expect(shop().posts.filter((p) => p.ids.length)).toEqual([])
    await visit.go('/shop/next?flush=100')
    await acknowledged(id)
    expect((await stored(id))[0]).toMatchObject({ score: 2, comment: null })
    await expectDeliveredOnce([id])
  })

  it('holds answers through an offline spell and sends them when the browser is back online', async () => {
    const visit = await harness.visit('/shop?flush=100')
    // The survey shows while online; the shopper answers after the connection dropped.
    const id = await answer(visit.tab, 3, true, () => visit.context.setOffline(true))
    await visit.logged(/not sending: the browser is offline/)
    expect(shop().posts).toEqual([])
    expect(await outbox(visit.tab)).toHaveLength(1)
    await visit.context.setOffline(false)
    await acknowledged(id)
    await expectDeliveredOnce([id])
  })

  for (const locks of ['Web Locks', 'storage lease'])
    it(`lets only one of two tabs of the store send the shared outbox at a time (${locks})`, async () => {
      const init =
        locks == 'storage lease' ? () => void delete (Navigator.prototype as { locks?: unknown }).locks : undefined
      const one = await harness.visit('/shop?flush=60000', { init })
      const two = await harness.visit('/shop?flush=60000', { context: one.context })
      expect(await one.tab.evaluate(() => 'locks' in navigator)).toBe(locks == 'Web Locks')
      const ids = [await answer(one.tab, 4), await answer(two.tab, 5)]
      // Tab one's send is held at the shop, so it still holds the lock when tab two flushes:
      // by order, not by timing. Tab two's flush() resolves once it has decided there is nothing for it.
      const letGo = shop().hold()
      await one.tab.evaluate(() => (window as any).touchpoint.flush()) // resolves once the batch is on the wire
      await two.tab.evaluate(() => (window as any).touchpoint.flush())
      letGo()
      for (const id of ids) await acknowledged(id)
      // One tab sent both answers in one batch; the other found the lock taken and left it alone.
      const sends = shop().posts.map((p) => ({ ids: p.ids.sort(), beacon: p.beacon, status: p.status }))
      expect(sends).toEqual([{ ids: ids.sort(), beacon: false, status: 200 }])
      await expectDeliveredOnce(ids)
    })

  it('sends what a server error left in the outbox after a reload, and nothing acknowledged again', async () => {
    shop().fail(Infinity)
    const visit = await harness.visit('/shop?flush=100')
    const { tab } = visit
    const id = await answer(tab, 1)
    await shop().posts.until(() => shop().posts.length >= 5, { what: 'the first try and its retries' })
    await tab.waitForFunction(() => (window as any).seen.some((e: unknown[]) => e[0] == 'error'))
    await tab.reload() // still failing: the answer stays in the outbox
    expect(await outbox(tab)).toHaveLength(1)
    shop().fail(0)
    await tab.waitForFunction(() => (window as any).seen.some((e: unknown[]) => e[0] == 'sent'))
    expect(await outbox(tab)).toEqual([])
    const count = shop().posts.length
    const since = visit.lines.length
    await tab.reload()
    // The next page view's look at the outbox finds nothing due: what was acknowledged stays sent.
    await visit.logged(/not sending: nothing is due/, since)
    expect(shop().posts.slice(count)).toEqual([])
    await expectDeliveredOnce([id])
  })
})
