import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { launchChromium, page, ROOT, serve, type TestServer } from './browser'

const PACKAGE_VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version

const STUB = `<script>window.touchpoint=window.touchpoint||function(){(touchpoint.q=touchpoint.q||[]).push(arguments)};
touchpoint('setStage','cart');touchpoint('on','stage',function(d){window.stages=(window.stages||[]).concat(d.touchpoint)});</script>`
const TAG = '<script src="/touchpoint.js" data-endpoint="/collect"></script>'
const ASYNC = '<script src="/touchpoint.js" data-endpoint="/collect" async></script>'

let browser: Browser
let server: TestServer
const warnings: string[] = []

beforeAll(async () => {
  browser = await launchChromium()
  server = await serve({
    '/head': page(TAG, 'head'),
    '/body': page(TAG),
    '/async': page(ASYNC, 'head'),
    '/queued': page(ASYNC, 'body', STUB),
    // The first instance is kept aside between the tags, to compare with what the page has after both ran.
    '/twice': page(TAG + '<script>window.first=touchpoint</script>' + TAG.replace('/collect', '/other')),
    '/bad': page(
      '<script src="/touchpoint.js" data-endpoint="ftp://x" data-sample="lots" data-position="middle" data-batch-size="0" async></script>',
    ),
    '/none': page('<script src="/touchpoint.js" async></script>'),
    // A CDN still serving last month's UI chunk next to today's loader.
    '/old/shop': page('<script src="/old/touchpoint.js" data-endpoint="/collect" async></script>'),
    '/old/touchpoint.js': readFileSync(join(ROOT, 'dist/touchpoint.js'), 'utf8'),
    '/old/touchpoint-ui.js': `(window.__touchpoint_chunks ||= {}).ui = { api: 1, open() { document.body.append('old UI'); return { close() {} } } }`,
  })
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function open(path: string): Promise<Page> {
  const tab = await browser.newPage()
  tab.on('console', (m) => m.type() == 'warning' && warnings.push(`${path}: ${m.text()}`))
  tab.on('pageerror', (e) => warnings.push(`${path}: PAGE ERROR ${e.message}`))
  await tab.goto(server.url + path)
  await tab.waitForFunction(() => (window as any).touchpoint?.version)
  return tab
}

describe('the CDN loader in Chromium', () => {
  for (const path of ['/head', '/body', '/async']) {
    it(`exposes window.touchpoint from a tag in ${path.slice(1)}`, async () => {
      const tab = await open(path)
      const api = await tab.evaluate(() => {
        const t = (window as any).touchpoint
        return {
          version: t.version,
          methods: ['detect', 'show', 'on', 'flush', 'setStage', 'consent', 'track'].filter(
            (m) => typeof t[m] == 'function',
          ),
          detect: t.detect(),
        }
      })
      expect(api.methods).toHaveLength(7)
      expect(api.version).toBe(PACKAGE_VERSION) // written in by the build, never by hand
      expect(api.detect).toEqual({ stage: 'awareness', touchpoint: 'other', signal: 'none' })
      await tab.close()
    })
  }

  it('replays calls queued by the stub, in order', async () => {
    const tab = await open('/queued')
    expect(await tab.evaluate(() => (window as any).touchpoint.detect().touchpoint)).toBe('cart')
    await tab.evaluate(() => (window as any).touchpoint('setStage', 'confirmation'))
    expect(await tab.evaluate(() => (window as any).stages)).toEqual(['confirmation'])
    expect(await tab.evaluate(() => (window as any).touchpoint('detect').stage)).toBe('purchase')
    await tab.close()
  })

  it('runs one instance when the tag is pasted twice', async () => {
    const before = warnings.length
    const tab = await open('/twice')
    const scripts = await tab.evaluate(
      () => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/touchpoint.js')).length,
    )
    expect(scripts).toBe(1) // the same URL is fetched once, and run twice
    const after = await tab.evaluate(async () => ({
      kept: (window as any).first === (window as any).touchpoint,
      // A second instance that found window.touchpoint taken would sit here.
      second: typeof (window as any).touchpointSurvey,
      shown: await (window as any).touchpoint.show('csat'),
    }))
    expect(after).toEqual({ kept: true, second: 'undefined', shown: true })
    await tab.getByRole('dialog').waitFor()
    expect(await tab.evaluate(() => document.querySelectorAll('[data-touchpoint-survey]').length)).toBe(1)
    // Worded by the diagnostics chunk, which the second tag loads to say it.
    await expect
      .poll(() => warnings.slice(before))
      .toEqual([expect.stringMatching(/two tags, data-endpoint \S+\/collect and \S+\/other: the second is ignored/)])
    await tab.close()
  })

  it('warns once per bad attribute, naming it and the value used, and never throws', async () => {
    const before = warnings.length
    const tab = await open('/bad')
    // Worded by the diagnostics chunk, which loads after the loader has run.
    await expect.poll(() => warnings.length - before, { timeout: 10_000 }).toBeGreaterThanOrEqual(4)
    const mine = warnings.slice(before)
    expect(mine.some((w) => w.includes('PAGE ERROR'))).toBe(false)
    expect(mine.filter((w) => w.includes('data-endpoint="ftp://x"'))).toHaveLength(1)
    expect(mine.find((w) => w.includes('data-sample="lots"'))).toMatch(/using the default, 100/)
    expect(mine.find((w) => w.includes('data-position="middle"'))).toMatch(/using the default position, bottom-right/)
    expect(mine.find((w) => w.includes('data-batch-size="0"'))).toMatch(/using the default, 10/)
    expect(await tab.evaluate(() => (window as any).touchpoint.show('nps'))).toBe(false)
    await tab.close()
  })

  it('says data-endpoint is required when it is missing', async () => {
    const before = warnings.length
    const tab = await open('/none')
    await expect.poll(() => warnings.slice(before).join('\n'), { timeout: 10_000 }).toMatch(/data-endpoint is required/)
    await tab.close()
  })

  it('loads the survey UI chunk only when a survey is shown', async () => {
    const tab = await open('/body')
    const chunks = () =>
      tab.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => e.name.split('/').pop())
          .filter((n) => n!.startsWith('touchpoint-')),
      )
    expect(await chunks()).toEqual([])
    expect(await tab.evaluate(() => (window as any).touchpoint.show('csat'))).toBe(true)
    expect(await chunks()).toEqual(['touchpoint-ui.js'])
    await tab.close()
  })

  it('refuses a UI chunk that speaks an older interface: no survey, an error event, nothing thrown', async () => {
    const before = warnings.length
    const tab = await open('/old/shop')
    const result = await tab.evaluate(async () => {
      const errors: unknown[] = []
      ;(window as any).touchpoint.on('error', (e: unknown) => errors.push(e))
      const shown = await (window as any).touchpoint.show('csat')
      return { shown, errors, text: document.body.textContent }
    })
    expect(result.shown).toBe(false)
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'chunk',
        message: expect.stringMatching(/touchpoint-ui\.js speaks api 1, loader \d+/),
      }),
    ])
    expect(result.text).not.toContain('old UI')
    expect(warnings.slice(before).join('\n')).not.toMatch(/PAGE ERROR/)
    await tab.close()
  })
})
