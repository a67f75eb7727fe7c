// Where the loader ends and the transport chunk begins (docs/delivery.md): a page view that sends
// nothing never fetches touchpoint-transport.js; an answer is in storage before the chunk is
// needed, so a blocked chunk loses nothing; and the chunk is fetched as soon as a card shows, so
// that a page hidden right after the answer beacons it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appears, page, requireBuild, ROOT, tag, useHarness } from './harness'

requireBuild()

const SEEN = `<script>window.seen=[];touchpoint.on('sent',function(e){seen.push(['sent',e.ids])});touchpoint.on('error',function(e){seen.push(['error',e.code])})</script>`
const shopPage = page({ tag: tag({ 'data-flush-ms': '60000', 'data-debug': true }) + SEEN })
const harness = useHarness({ '/shop': shopPage, '/shop/next': shopPage })

/** The transport chunk's requests, as the page made them. */
const transportFetches = (tab: Page) =>
  tab.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.endsWith('/touchpoint-transport.js')),
  )
/** The answers waiting in the page's outbox. */
const outbox = (tab: Page) =>
  tab.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('tp:o:') && !k.endsWith(':lease'))
    return (key ? JSON.parse(localStorage.getItem(key)!) : []) as { id: string; score: number }[]
  })

/** The shopper gives a CSAT score and closes the card: the final answer. Resolves with its id. */
async function answer(tab: Page, score: number): Promise<string> {
  expect(await tab.evaluate(() => (window as any).touchpoint.show('csat'))).toBe(true)
  await appears(tab)
  await tab.getByRole('radio', { name: String(score), exact: true }).check()
  await tab.keyboard.press('Escape')
  await tab.getByRole('dialog').waitFor({ state: 'detached' })
  return (await outbox(tab)).pop()!.id
}

describe('the transport chunk, loaded only when something is to be sent', () => {
  it('is never fetched by a page view that shows nothing, and the loader carries no send code but its last-resort beacon', async () => {
    const loader = readFileSync(join(ROOT, 'dist/touchpoint.js'), 'utf8')
    for (const sendCode of ['keepalive', 'withLock', 'fetch('])
      expect(loader, `${sendCode} in the loader`).not.toContain(sendCode)
    expect(loader.split('sendBeacon')).toHaveLength(2) // src/loader/delivery/beacon-answers.ts, once

    const { tab, logged, lines } = await harness.visit('/shop')
    await logged(/not sending: nothing is due/) // the idle look found no leftovers
    const since = lines.length
    await tab.evaluate(async () => {
      dispatchEvent(new Event('online'))
      await (window as any).touchpoint.flush()
      dispatchEvent(new Event('pagehide'))
    })
    await logged(/not sending: nothing is due/, since) // flush()'s
    expect(await transportFetches(tab)).toEqual([])
    expect(harness.shop.posts).toEqual([])
  })

  it('keeps an answer given while an extension blocks the chunk in storage, with one error event, beacons it on leave, and the next page view sends it', async () => {
    const visit = await harness.visit('/shop')
    await visit.tab.route('**/touchpoint-transport.js', (route) => route.abort('blockedbyclient'))
    const id = await answer(visit.tab, 2)
    await visit.tab.waitForFunction(() => (window as any).seen.length > 0)
    expect(await visit.tab.evaluate(() => (window as any).seen)).toEqual([['error', 'chunk']])
    expect(await outbox(visit.tab)).toEqual([expect.objectContaining({ id, score: 2 })])
    await visit.tab.unroute('**/touchpoint-transport.js')

    // Leaving: the loader beacons this page view's answer itself (the chunk never came), and keeps
    // it, since a beacon is no receipt; the next page view sends it again by fetch.
    await visit.go('/shop/next')
    const beaconed = await harness.shop.posts.until((p) => p.ids.includes(id) && p.beacon)
    expect(beaconed.batch!.responses).toEqual([expect.objectContaining({ id, score: 2 })])
    await harness.shop.posts.until((p) => p.ids.includes(id) && !p.beacon && p.status == 200)
    expect(harness.shop.posts.filter((p) => p.ids.includes(id))).toHaveLength(2)
    await visit.tab.waitForFunction(() => (window as any).seen.length > 0)
    expect(await visit.tab.evaluate(() => (window as any).seen)).toEqual([['sent', [id]]])
    expect(await outbox(visit.tab)).toEqual([])
  })

  it('is fetched as soon as a card shows, so that a page hidden right after the answer beacons it', async () => {
    const { tab } = await harness.visit('/shop')
    expect(await tab.evaluate(() => (window as any).touchpoint.show('csat'))).toBe(true)
    await appears(tab)
    await tab.waitForFunction(() => (window as any).__touchpoint_chunks.transport)
    expect(await transportFetches(tab)).toHaveLength(1) // before any answer
    await tab.getByRole('radio', { name: '5', exact: true }).check()
    await tab.keyboard.press('Escape')
    // Right after the answer the shopper switches away; the flush timer is a minute away.
    await tab.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
      document.dispatchEvent(new Event('visibilitychange'))
    })
    const post = await harness.shop.posts.until((p) => p.ids.length > 0)
    expect(post.beacon).toBe(true)
    expect(post.batch!.responses).toEqual([expect.objectContaining({ score: 5 })])
    expect(await outbox(tab)).toHaveLength(1) // a beacon is no acknowledgement: it stays for a fetch
  })
})
