// A store's CDN that fails to serve touchpoint-transport.js for a while (a deploy in progress,
// an edge node out of step): the answer waits, the page hears one `error` event, the loader backs
// off without piling `<script>` elements onto the page, and the answer goes once the file is back.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, launchChromium, page, serve, type TestServer } from './browser'

const dist = (file: string) => readFileSync(join(ROOT, 'dist', file), 'utf8')
// The files live under /cdn/; what `pages` does not list there is a 404.
const pages: Record<string, string> = {
  '/': page(
    '<script src="/cdn/touchpoint.js" data-endpoint="/collect" data-surveys="" data-flush-ms="1000"></script>' +
      '<script>window.events=[];touchpoint.on("error",function(e){events.push([e.code,e.message])})</script>',
  ),
}

let browser: Browser
let server: TestServer

beforeAll(async () => {
  pages['/cdn/touchpoint.js'] = dist('touchpoint.js')
  pages['/cdn/touchpoint-ui.js'] = dist('touchpoint-ui.js')
  server = await serve(pages)
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('a transport chunk that fails to load', () => {
  it('reports one chunk error, retries with growing waits and one script at a time, and delivers once the file is back', async () => {
    const tab = await browser.newPage()
    const errors: string[] = []
    tab.on('pageerror', (e) => errors.push(e.message))
    // When the page asked for the transport file, and how many of its <script> elements were on the page then.
    const tries: number[] = []
    tab.on('request', (request) => void (request.url().endsWith('/touchpoint-transport.js') && tries.push(Date.now())))
    const scripts = () => tab.evaluate(() => document.querySelectorAll('script[src*="touchpoint-transport"]').length)

    await tab.goto(server.url + '/')
    await tab.evaluate(() => (window as any).touchpoint.show('csat'))
    await tab.getByRole('radio', { name: '2', exact: true }).check()
    await tab.getByRole('button', { name: 'Send' }).click()

    await tab.waitForFunction(() => (window as any).events.length > 0)
    // Three tries, 1 s and then 2 s apart (a fixed 1 s before the fix); a busy machine adds a few
    // hundred ms to each, not a second.
    await expect.poll(() => tries.length, { timeout: 20000 }).toBeGreaterThanOrEqual(3)
    expect(await scripts()).toBeLessThanOrEqual(1)
    const [first, second] = tries.slice(1, 3).map((at, i) => at - tries[i])
    expect(second).toBeGreaterThan(first + 500)
    expect(await tab.evaluate(() => (window as any).events)).toEqual([
      ['chunk', 'Error: touchpoint-transport.js did not load'],
    ])
    expect(server.received).toEqual([])

    pages['/cdn/touchpoint-transport.js'] = dist('touchpoint-transport.js')
    await expect.poll(() => server.received.length, { timeout: 20000 }).toBe(1)
    const [batch] = server.received as { responses: { score: number }[] }[]
    expect(batch.responses.map((r) => r.score)).toEqual([2])
    expect(await tab.evaluate(() => (window as any).events)).toHaveLength(1)
    expect(await scripts()).toBeLessThanOrEqual(1)
    expect(errors).toEqual([])
    await tab.close()
  })
})
