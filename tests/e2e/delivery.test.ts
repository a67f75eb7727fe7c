// Delivery in Chromium: the built dist/ files on a store page, in front of the reference
// collector (SQLite, de-duplicating by id). The front server can answer 503 and be slow, and
// records every POST so that the tests can say what was sent how often.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createCollector, type Collector } from '../../src/collector/server'
import { tempDir } from '../collector/fixtures'
import { expectWireBatch } from '../shared/wire-schema'
import { ROOT, launchChromium } from './browser'

interface Post {
  ids: string[]
  status: number
  beacon: boolean
}

let browser: Browser
let server: Server
let collector: Collector
let collectorUrl = ''
let removeDb = () => {}
let base = ''
/** What /collect got, in order of arrival. */
let posts: Post[] = []
/**
 * Answer this many POSTs with 503 before passing them on to the collector. Each 503 says
 * `Retry-After: 0`, which the transport honours instead of its 1 s, 2 s … backoff: the retries
 * come at once, and the shipped chunk needs no test knob.
 */
let fail = 0
/** While set, POSTs wait for it before they are answered: a send held in flight until the test lets it go. */
let gate: Promise<void> | null = null
let context: BrowserContext | undefined

const page = (flushMs: number) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body><h1>Shop</h1>` +
  `<script src="/touchpoint.js" data-endpoint="/collect" data-flush-ms="${flushMs}"></script>` +
  `<script>window.seen=[];touchpoint.on('sent',function(e){seen.push(['sent',e.ids])});touchpoint.on('error',function(e){seen.push(['error',e.code,e.status])})</script></body></html>`

beforeAll(async () => {
  for (const file of ['touchpoint.js', 'touchpoint-ui.js', 'touchpoint-transport.js'])
    if (!existsSync(join(ROOT, 'dist', file))) throw new Error(`dist/${file} is missing: run npm run build first`)
  const tmp = tempDir()
  removeDb = tmp.remove
  collector = createCollector({ dbPath: tmp.dbPath, log: () => {}, rateLimit: null })
  collectorUrl = (await collector.listen(0)).url
  server = createServer((req, res) => {
    const url = new URL(req.url || '/', 'http://x')
    if (url.pathname == '/collect') {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', async () => {
        const batch = expectWireBatch(body)
        // sendBeacon requests are no-cors; the widget's fetches are cors (and read the answer).
        const post: Post = {
          ids: batch.responses.map((r) => r.id),
          status: 503,
          beacon: req.headers['sec-fetch-mode'] == 'no-cors',
        }
        if (fail > 0) fail--
        else
          post.status = (
            await fetch(collectorUrl + '/collect', {
              method: 'POST',
              headers: { 'content-type': req.headers['content-type'] || '' },
              body,
            })
          ).status
        await gate
        posts.push(post)
        res.writeHead(post.status, post.status == 503 ? { 'retry-after': '0' } : {}).end()
      })
      return
    }
    const file = join(ROOT, 'dist', url.pathname)
    if (url.pathname.endsWith('.js'))
      return void (existsSync(file)
        ? res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file))
        : res.writeHead(404).end())
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(page(Number(url.searchParams.get('flush') || 100)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
  await collector?.close()
  removeDb()
})
afterEach(async () => {
  await context?.close()
  context = undefined
  posts = []
  fail = 0
  gate = null
})

async function open(path = '/shop?flush=100'): Promise<Page> {
  context ||= await browser.newContext()
  const tab = await context.newPage()
  tab.on('pageerror', (e) => {
    throw e
  })
  await tab.goto(base + path)
  await tab.waitForFunction(() => (window as any).touchpoint?.version)
  return tab
}

/** The shopper picks a score in a CSAT survey; with `send`, closes it too (an answer), else leaves it open (a draft). */
async function answer(tab: Page, score: number, send = true, shown?: () => Promise<unknown>): Promise<string> {
  expect(await tab.evaluate(() => (window as any).touchpoint.show('csat'))).toBe(true)
  await shown?.()
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
  const answer = await collector.store.get(id)
  return answer ? [answer] : []
}
const until = async (what: () => boolean, ms = 15000) => {
  for (const end = Date.now() + ms; !what();) {
    if (Date.now() > end) throw new Error('timed out; posts: ' + JSON.stringify(posts))
    await new Promise((r) => setTimeout(r, 25))
  }
}
/** Each id reached the collector's database once, and nothing went again after the widget saw its 2xx. */
async function expectDeliveredOnce(ids: string[]) {
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

describe('delivery in Chromium', () => {
  it('gets an answer through a collector that answers 503 several times', async () => {
    fail = 3
    const tab = await open()
    const id = await answer(tab, 4)
    await until(() => posts.length == 4)
    expect(posts.map((p) => p.status)).toEqual([503, 503, 503, 200])
    await tab.waitForFunction(() => (window as any).seen.length)
    expect(await tab.evaluate(() => (window as any).seen)).toEqual([['sent', [id]]])
    expect(await outbox(tab)).toEqual([])
    await expectDeliveredOnce([id])
  })

  it('gets an answer through when the shopper navigates away right after giving it', async () => {
    const tab = await open('/shop?flush=60000')
    const id = await answer(tab, 5)
    await tab.goto(base + '/shop/next?flush=60000') // pagehide: beacon; the next page sends it again and removes it on the 2xx
    await until(() => posts.some((p) => p.ids.includes(id) && !p.beacon && p.status == 200))
    expect(posts.find((p) => p.ids.includes(id))!.beacon).toBe(true)
    await tab.waitForFunction(() => (window as any).seen.length)
    expect(await outbox(tab)).toEqual([])
    await expectDeliveredOnce([id])
  })

  it('gets a chosen score through when the shopper leaves without pressing Send', async () => {
    const tab = await open('/shop?flush=100')
    const id = await answer(tab, 2, false)
    await new Promise((r) => setTimeout(r, 300))
    // No answer yet: the shopper may still add a comment (the shown display may go on its own).
    expect(posts.filter((p) => p.ids.length)).toEqual([])
    await tab.goto(base + '/shop/next?flush=100')
    await until(() => posts.some((p) => p.ids.includes(id) && !p.beacon && p.status == 200))
    expect((await stored(id))[0]).toMatchObject({ score: 2, comment: null })
    await expectDeliveredOnce([id])
  })

  it('holds answers through an offline spell and sends them when the browser is back online', async () => {
    const tab = await open()
    // The survey shows while online; the shopper answers after the connection dropped.
    const id = await answer(tab, 3, true, () => context!.setOffline(true))
    await tab.evaluate(() => (window as any).touchpoint.flush())
    await new Promise((r) => setTimeout(r, 400))
    expect(posts).toEqual([])
    expect(await outbox(tab)).toHaveLength(1)
    await context!.setOffline(false)
    await until(() => posts.some((p) => p.status == 200))
    await expectDeliveredOnce([id])
  })

  for (const locks of ['Web Locks', 'storage lease'])
    it(`lets only one of two tabs of the store send the shared outbox at a time (${locks})`, async () => {
      context = await browser.newContext()
      if (locks == 'storage lease')
        await context.addInitScript(() => delete (Navigator.prototype as { locks?: unknown }).locks)
      const [one, two] = [await open('/shop?flush=60000'), await open('/shop?flush=60000')]
      expect(await one.evaluate(() => 'locks' in navigator)).toBe(locks == 'Web Locks')
      const ids = [await answer(one, 4), await answer(two, 5)]
      // Tab one's send is held at the collector, so it still holds the lock when tab two flushes:
      // by order, not by timing. Tab two's flush() resolves once it has decided there is nothing for it.
      let letGo = () => {}
      gate = new Promise((resolve) => (letGo = resolve))
      await one.evaluate(() => (window as any).touchpoint.flush()) // resolves once the batch is on the wire
      await two.evaluate(() => (window as any).touchpoint.flush())
      letGo()
      await until(() => ids.every((id) => posts.some((p) => p.ids.includes(id) && p.status == 200)))
      // One tab sent both answers in one batch; the other found the lock taken and left it alone.
      expect(posts.map((p) => p.ids.sort())).toEqual([ids.sort()])
      await expectDeliveredOnce(ids)
    })

  it('sends what a server error left in the outbox after a reload, and nothing acknowledged again', async () => {
    fail = 1000
    const tab = await open('/shop?flush=100')
    const id = await answer(tab, 1)
    await until(() => posts.length >= 5) // one send: the first try and its retries
    await tab.waitForFunction(() => (window as any).seen.some((e: unknown[]) => e[0] == 'error'))
    await tab.reload() // still failing: the answer stays in the outbox
    expect(await outbox(tab)).toHaveLength(1)
    fail = 0
    await tab.waitForFunction(() => (window as any).seen.some((e: unknown[]) => e[0] == 'sent'))
    expect(await outbox(tab)).toEqual([])
    const count = posts.length
    await tab.reload()
    await new Promise((r) => setTimeout(r, 500))
    expect(posts.slice(count)).toEqual([])
    await expectDeliveredOnce([id])
  })
})
