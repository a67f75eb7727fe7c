import { createServer, type Server } from 'node:http'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, type BrowserContext, type Page } from 'playwright-core'
import { launchChromium } from './browser'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CORPUS, NEUTRAL_PATH, pageHtml } from '../fixtures/load-page'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const dist = join(root, 'dist/touchpoint.js')

let loader = ''
let server: Server
let base = ''
let browser: Browser
let context: BrowserContext
// The page the server answers with next, whatever path is asked for (pages share paths like `/`).
let nextPage = ''

beforeAll(async () => {
  if (!existsSync(dist)) throw new Error('dist/touchpoint.js is missing: run `npm run build` (npm test does)')
  loader = readFileSync(dist, 'utf8')
  server = createServer((req, res) => {
    const path = new URL(req.url || '/', 'http://x').pathname
    if (path == '/touchpoint.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(loader)
    else if (path == '/collect') res.writeHead(204).end()
    else if (req.headers.accept?.includes('text/html') && nextPage)
      // Absolute URLs: OpenCart and Miva pages carry a <base href> of their own store.
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          nextPage.replace(
            /<\/body>/i,
            `<script src="${base}/touchpoint.js" data-endpoint="${base}/collect"></script></body>`,
          ),
        )
    else res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  base = `http://127.0.0.1:${typeof address == 'object' && address ? address.port : 0}`
  browser = await launchChromium()
  context = await browser.newContext()
  // Pages reference their platforms' CDNs; nothing may leave the machine.
  await context.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()))
}, 60_000)

// Every tab a test opened, closed after the test whether it passed or not.
const pages: Page[] = []
afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.close()))
})
afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
})

async function load(html: string, url: string, reuse?: Page): Promise<Page> {
  nextPage = html
  const page = reuse || (await context.newPage())
  if (!reuse) pages.push(page)
  await page.goto(base + url, { waitUntil: 'load' })
  await page.waitForFunction(
    () => typeof (window as unknown as { touchpoint?: { detect?: unknown } }).touchpoint?.detect == 'function',
  )
  return page
}

const detect = (page: Page) =>
  page.evaluate(() => (window as unknown as { touchpoint: { detect(): unknown } }).touchpoint.detect())

/**
 * Records the page's `stage` events from now on. `heard(count)` resolves, in the page, once `count`
 * of them have come (no polling: each event checks), with the touchpoints heard so far; it gives
 * up after 10 s saying what it heard.
 */
async function listenForStages(page: Page): Promise<(count: number) => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as any
    w.stagesHeard = []
    w.touchpoint.on('stage', (detection: { touchpoint: string }) => {
      w.stagesHeard.push(detection.touchpoint)
      w.onStageHeard?.()
    })
  })
  return (count) =>
    page.evaluate(
      (n) =>
        new Promise<string[]>((resolve, reject) => {
          const w = window as any
          w.onStageHeard = () => w.stagesHeard.length >= n && resolve(w.stagesHeard.slice())
          w.onStageHeard()
          setTimeout(() => reject(new Error(`${n} stage events awaited, heard ${w.stagesHeard}`)), 10_000)
        }),
      count,
    )
}

describe('detection in Chromium, through the CDN script', () => {
  // Each page is loaded twice: at its own URL (every page right) and at a neutral path, where
  // pages whose markup names their kind must read the same.
  it.each([
    ['at its URL', false],
    [`from its markup alone at ${NEUTRAL_PATH}`, true],
  ])(
    'reads every corpus page right %s',
    async (_, neutral) => {
      const wrong: string[] = []
      let right = 0
      let page: Page | undefined
      for (const entry of CORPUS) {
        const url = neutral ? NEUTRAL_PATH : entry.url
        page = await load(pageHtml(entry.file), url, page)
        const found = (await detect(page)) as { touchpoint: string; signal: string }
        if (found.touchpoint == entry.touchpoint) right++
        else if (!neutral || entry.markup !== false)
          wrong.push(`${entry.file} at ${url}: ${found.touchpoint} (${found.signal}), expected ${entry.touchpoint}`)
      }
      console.log(
        `Chromium: ${right} of ${CORPUS.length} corpus pages right at ${neutral ? NEUTRAL_PATH : 'their URLs'} (${((100 * right) / CORPUS.length).toFixed(1)} %)`,
      )
      expect(CORPUS.length).toBeGreaterThanOrEqual(150)
      expect(wrong).toEqual([])
    },
    600_000,
  )

  it('follows a single-page store through pushState, popstate, replaceState and hashchange', async () => {
    const page = await load(readFileSync(join(root, 'tests/fixtures/spa/store.html'), 'utf8'), '/')
    const heard = await listenForStages(page)
    expect(await detect(page)).toMatchObject({ touchpoint: 'home' })

    await page.click('text=Desk lamp')
    expect(await heard(1)).toEqual(['product'])
    await page.click('#add') // an action on the product page: no new stage
    await page.click('text=Cart (1)')
    expect(await heard(2)).toEqual(['product', 'cart'])
    expect(await detect(page)).toMatchObject({ stage: 'decision', touchpoint: 'cart' })

    await page.goBack()
    expect(await heard(3)).toEqual(['product', 'cart', 'product'])
    await page.evaluate(() => history.replaceState({}, '', '/search?q=lamp'))
    expect(await heard(4)).toEqual(['product', 'cart', 'product', 'search'])
    await page.evaluate(() => history.pushState({}, '', '/'))
    expect(await heard(5)).toEqual(['product', 'cart', 'product', 'search', 'home'])
    await page.click('text=Account') // a hash-routed view: #/account
    expect(await heard(6)).toEqual(['product', 'cart', 'product', 'search', 'home', 'account'])
  })

  it("leaves a platform page's load-time globals behind after client-side navigation", async () => {
    const page = await load(pageHtml('shopify/product.html'), '/products/linen-shirt')
    expect(await detect(page)).toMatchObject({ touchpoint: 'product', signal: 'shopify:pageType' })
    const heard = await listenForStages(page)
    await page.evaluate(() => history.pushState({}, '', '/cart'))
    expect(await heard(1)).toEqual(['cart'])
    expect(await detect(page)).toMatchObject({ touchpoint: 'cart' })
  })
})
