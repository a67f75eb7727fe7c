import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, ConsoleMessage, Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { launchChromium, page, ROOT, serve, type TestServer } from './browser'

// Configuration help with the built files in Chromium: the loader keeps codes, and
// dist/touchpoint-diagnostics.js, next to it, words them, loaded only when there is something to say.

const tag = (attrs: string, src = '/touchpoint.js') =>
  `<script src="${src}" data-endpoint="/collect" ${attrs} async></script>`
// A strict CSP: only scripts carrying the nonce run, so the chunk loads only if data-nonce reaches it.
const CSP = `<meta http-equiv="Content-Security-Policy" content="script-src 'nonce-n0nce'">`

let browser: Browser
let server: TestServer

beforeAll(async () => {
  browser = await launchChromium()
  server = await serve({
    '/misspelt': page(tag('data-postion="bottom-left" data-accent="blu"')),
    '/clean': page(tag('data-position="bottom-left" data-accent="#0a7d5a" data-cfasync="false"')),
    '/strict': page(tag('nonce="n0nce" data-nonce="n0nce" data-acent="#000"'), 'head', CSP),
    '/debug': page(tag('data-debug')),
    // A store that copied only the loader: the chunk is missing next to it.
    '/lonely/shop': page(tag('data-postion="bottom-left"', '/lonely/touchpoint.js')),
    '/lonely/touchpoint.js': readFileSync(join(ROOT, 'dist/touchpoint.js'), 'utf8'),
  })
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

interface Visit {
  tab: Page
  /** Console lines, as the store's developer reads them. */
  lines: string[]
  /** Every chunk the page asked for. */
  chunks: string[]
  errors: string[]
}

/** Opens `path` and waits for the loader (`ready: false`: under a CSP that forbids the test's own polling). */
async function visit(path: string, ready = true): Promise<Visit> {
  const tab = await browser.newPage()
  const visit: Visit = { tab, lines: [], chunks: [], errors: [] }
  tab.on('console', (m: ConsoleMessage) => visit.lines.push(`${m.type()}: ${m.text()}`))
  tab.on('request', (r) => r.url().includes('/touchpoint-') && visit.chunks.push(r.url().split('/').pop()!))
  tab.on('pageerror', (e) => visit.errors.push(e.message))
  await tab.goto(server.url + path)
  if (ready) await tab.waitForFunction(() => (window as any).touchpoint?.version)
  return visit
}
/** Waits until a console line matching `pattern` has been printed, and returns it. */
async function line({ lines }: Visit, pattern: RegExp): Promise<string> {
  await expect.poll(() => lines.find((l) => pattern.test(l)), { timeout: 10_000 }).toBeTruthy()
  return lines.find((l) => pattern.test(l))!
}

describe('configuration help in Chromium', () => {
  it('words a misspelt attribute and a bad colour as two readable warnings', async () => {
    const v = await visit('/misspelt')
    expect(await line(v, /data-postion/)).toBe(
      'warning: touchpoint: unknown attribute data-postion ignored; did you mean data-position?',
    )
    expect(await line(v, /data-accent/)).toBe(
      'warning: touchpoint: data-accent="blu" is not a CSS colour; using the default accent',
    )
    expect(v.lines.filter((l) => l.startsWith('warning:'))).toHaveLength(2)
    expect(v.chunks).toEqual(['touchpoint-diagnostics.js'])
    expect(v.errors).toEqual([])
    await v.tab.close()
  })

  it('does not load the diagnostics chunk on a page with a clean tag', async () => {
    const v = await visit('/clean')
    // The loader asks for the chunk while its own script runs, so by now a request would have gone out.
    await v.tab.waitForLoadState('load')
    expect(await v.tab.evaluate(() => !!document.querySelector('script[src*="touchpoint-diagnostics"]'))).toBe(false)
    expect(v.chunks).toEqual([])
    expect(v.lines).toEqual([])
    await v.tab.close()
  })

  it('loads the chunk under a strict CSP with data-nonce', async () => {
    const v = await visit('/strict', false)
    expect(await line(v, /data-acent/)).toBe(
      'warning: touchpoint: unknown attribute data-acent ignored; did you mean data-accent?',
    )
    expect(v.lines.join('\n')).not.toMatch(/Content Security Policy/)
    await v.tab.close()
  })

  it('still warns, in compact form, when the chunk is missing next to the loader', async () => {
    const v = await visit('/lonely/shop')
    expect(await line(v, /unknown-option/)).toMatch(/^warning: touchpoint: unknown-option /)
    expect(v.chunks).toEqual(['touchpoint-diagnostics.js'])
    expect(v.errors).toEqual([])
    await v.tab.close()
  })

  it('with data-debug, says what was detected and why no survey is due on a page where none is', async () => {
    const v = await visit('/debug')
    expect(await line(v, /page is/)).toBe(
      'info: touchpoint: page is other (stage awareness, decided by no signal); no survey is due: the survey plan has none for other or awareness',
    )
    // An SPA navigation is a new page view, and says so too.
    await v.tab.evaluate(() => history.pushState(null, '', '/cart'))
    expect(await line(v, /page is cart/)).toMatch(
      /page is cart \(stage decision, decided by url:path\); survey emotion is due on exit$/,
    )
    await v.tab.close()
  })
})
