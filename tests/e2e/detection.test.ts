import { createServer, type Server } from 'node:http'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, type BrowserContext, type Page } from 'playwright-core'
import { launchChromium } from './browser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
    // The words chunk, which pages in German, French … fetch next to the loader.
    else if (path == '/touchpoint-words.js')
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(root, 'dist', path)))
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

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
})

async function load(html: string, url: string, reuse?: Page): Promise<Page> {
  nextPage = html
  const page = reuse || (await context.newPage())
  await page.goto(base + url, { waitUntil: 'load' })
  await page.waitForFunction(
    () => typeof (window as unknown as { touchpoint?: { detect?: unknown } }).touchpoint?.detect == 'function',
  )
  // A page in a language whose URL words come in the words chunk: read it once the chunk is in
  // (the loader removes its script element then).
  await page.waitForFunction(() => !document.querySelector('script[src*="touchpoint-words"]'))
  return page
}

const detect = (page: Page) =>
  page.evaluate(() => (window as unknown as { touchpoint: { detect(): unknown } }).touchpoint.detect())

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
      await page?.close()
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
    await page.evaluate(() => {
      const w = window as unknown as {
        touchpoint: { on(e: string, fn: (d: unknown) => void): void }
        stages: unknown[]
      }
      w.stages = []
      w.touchpoint.on('stage', (d) => w.stages.push(d))
    })
    const stages = () =>
      page.evaluate(() => (window as unknown as { stages: { touchpoint: string }[] }).stages.map((d) => d.touchpoint))
    expect(await detect(page)).toMatchObject({ touchpoint: 'home' })

    await page.click('text=Desk lamp')
    await expect.poll(stages).toEqual(['product'])
    await page.click('#add') // an action on the product page: no new stage
    await page.click('text=Cart (1)')
    await expect.poll(stages).toEqual(['product', 'cart'])
    expect(await detect(page)).toMatchObject({ stage: 'decision', touchpoint: 'cart' })

    await page.goBack()
    await expect.poll(stages).toEqual(['product', 'cart', 'product'])
    await page.evaluate(() => history.replaceState({}, '', '/search?q=lamp'))
    await expect.poll(stages).toEqual(['product', 'cart', 'product', 'search'])
    await page.evaluate(() => history.pushState({}, '', '/'))
    await expect.poll(stages).toEqual(['product', 'cart', 'product', 'search', 'home'])
    await page.click('text=Account') // a hash-routed view: #/account
    await expect.poll(stages).toEqual(['product', 'cart', 'product', 'search', 'home', 'account'])
    await page.close()
  })

  it("leaves a platform page's load-time globals behind after client-side navigation", async () => {
    const page = await load(pageHtml('shopify/product.html'), '/products/linen-shirt')
    expect(await detect(page)).toMatchObject({ touchpoint: 'product', signal: 'shopify:pageType' })
    await page.evaluate(() => history.pushState({}, '', '/cart'))
    await expect.poll(() => detect(page)).toMatchObject({ touchpoint: 'cart' })
    await page.close()
  })
})
