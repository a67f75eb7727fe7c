// The README's oldest browsers (Chrome 80, Firefox 78, Safari 13.1) lack APIs that today's
// dependencies reach for. Chromium plays one: the newer APIs are deleted before the store's page
// loads the tag, and a survey answer must still reach the collector. (Syntax cannot be taken away
// from a browser: tests/build/es2019.test.ts parses every shipped file as ES2019 instead.)
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, page, serve, type TestServer } from './browser'

// What Safari 13.1 / Chrome 80 do not have, and our files or their dependencies could call.
const MISSING = [
  'Object.hasOwn',
  'Object.groupBy',
  'Array.prototype.at',
  'String.prototype.at',
  'String.prototype.replaceAll',
  'Array.prototype.findLast',
  'Array.prototype.findLastIndex',
  'AbortSignal.any',
  'AbortSignal.timeout',
  'Promise.any',
  'Promise.withResolvers',
  'Crypto.prototype.randomUUID',
  'window.structuredClone',
]
const OLD_BROWSER = `<script>${MISSING.map((path) => `delete ${path};`).join('')}window.missing=${JSON.stringify(MISSING)}.filter(function(p){return eval('typeof ' + p) != 'undefined'})</script>`

let browser: Browser
let server: TestServer

beforeAll(async () => {
  server = await serve({
    '/': page(
      '<script src="/touchpoint.js" data-endpoint="/collect" data-surveys="" data-flush-ms="100"></script>',
      'body',
      OLD_BROWSER,
    ),
  })
  browser = await launchChromium()
})
// Closed after each test whether it passed or not (a tab from browser.newPage() takes its context along).
const tabs: Page[] = []
afterEach(async () => {
  await Promise.all(tabs.splice(0).map((tab) => tab.close()))
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('a browser without the APIs newer than the README matrix', () => {
  it('shows a survey and delivers its answer to the collector', async () => {
    const tab = await browser.newPage()
    tabs.push(tab)
    const errors: string[] = []
    tab.on('pageerror', (e) => errors.push(e.message))
    await tab.goto(server.url + '/')
    // The deletions took: the page really lacks them when the tag runs.
    expect(await tab.evaluate(() => (window as any).missing)).toEqual([])
    await tab.evaluate(() => {
      const w = window as any
      w.events = []
      for (const name of ['sent', 'error']) w.touchpoint.on(name, (e: any) => w.events.push([name, e.code ?? null]))
      return w.touchpoint.show('csat')
    })
    await tab.getByRole('radio', { name: '4', exact: true }).check()
    await tab.getByRole('textbox').fill('fine on an old phone')
    await tab.getByRole('button', { name: 'Send' }).click()
    await tab.waitForFunction(() => (window as any).events.length > 0)
    expect(await tab.evaluate(() => (window as any).events)).toEqual([['sent', null]])
    const responses = server.received.flatMap(
      (batch) => (batch as { responses: { score: number; comment: string }[] }).responses,
    )
    expect(responses.map((r) => [r.score, r.comment])).toEqual([[4, 'fine on an old phone']])
    expect(errors).toEqual([])
  })
})
