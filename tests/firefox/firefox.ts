import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import puppeteer, { type Browser, type Page } from 'puppeteer-core'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..')
const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr'

// Everything but the local test server goes to a closed port: corpus pages name their platforms'
// CDNs, and nothing may leave the machine. Firefox never sends 127.0.0.1 through a proxy.
const OFFLINE_EXCEPT_LOCALHOST = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.share_proxy_settings': true,
}

/**
 * Debian's Firefox ESR, headless, driven by puppeteer-core over WebDriver BiDi (playwright-core
 * cannot drive a stock Firefox). Fails loudly when it is missing: browser tests never skip.
 *
 * @example
 * const browser = await launchFirefox()
 * const context = await browser.createBrowserContext() // one per test: fresh storage
 */
export function launchFirefox(): Promise<Browser> {
  if (!existsSync(FIREFOX))
    throw new Error(`Firefox ESR not found at ${FIREFOX}: apt-get install -y firefox-esr (or set FIREFOX_PATH)`)
  return puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: OFFLINE_EXCEPT_LOCALHOST,
  })
}

/**
 * Checks that the page has `window.touchpoint` from the loader (not the stub). Nothing to wait
 * for: `goto` and `reload` resolve on the page's load event, and a tag, `async` or not, has run
 * by then.
 */
export async function loaderUp(tab: Page): Promise<void> {
  if (!(await tab.evaluate(() => typeof (window as any).touchpoint?.version == 'string')))
    throw new Error(`no loader on ${tab.url()} at its load event`)
}

/** The widget's events a test may wait for. */
const EVENTS = ['stage', 'show', 'answer', 'dismiss', 'sent', 'error']

/**
 * A script for a test page, placed right after the tag: records the widget's events in
 * `window.heard` as [name, payload] from the start (a reloaded page may send before a test could
 * listen), and tells whoever waits in `hear`. Payloads are kept as JSON copies: the widget hands
 * the same object to `show` and `dismiss`, and WebDriver BiDi returns a repeated object as a bare
 * reference. Give it the page's CSP nonce if it has one.
 */
export const recordEvents = (nonce = '') =>
  `<script${nonce && ` nonce="${nonce}"`}>window.heard=[];window.onHeard=[];${JSON.stringify(EVENTS)}.forEach(function(name){` +
  `touchpoint.on(name,function(payload){heard.push([name,JSON.parse(JSON.stringify(payload))]);onHeard.forEach(function(tell){tell()})})})</script>`

/**
 * Resolves with the payloads of the page's `name` events once there are `count` of them (each
 * event checks: no polling); rejects after 15 s naming what was heard instead. Needs `recordEvents`.
 */
export const hear = (tab: Page, name: string, count = 1): Promise<any[]> =>
  tab.evaluate(
    (wanted, atLeast) =>
      new Promise<unknown[]>((resolve, reject) => {
        const w = window as any
        const check = () => {
          const payloads = w.heard.filter((event: unknown[]) => event[0] == wanted).map((event: unknown[]) => event[1])
          if (payloads.length >= atLeast) resolve(payloads)
        }
        w.onHeard.push(check)
        check()
        setTimeout(
          () =>
            reject(
              new Error(`no ${atLeast} ${wanted} event(s) in 15 s, heard: ${w.heard.map((e: unknown[]) => e[0])}`),
            ),
          15_000,
        )
      }),
    name,
    count,
  )

/** The events heard so far, [name, payload], in order. Needs `recordEvents`. */
export const heard = (tab: Page): Promise<[string, any][]> => tab.evaluate(() => (window as any).heard)

/** Resolves once the survey card is in the page: re-checked on each DOM change, not on a timer. */
export const shown = (tab: Page) =>
  tab.waitForFunction(
    () => !!document.querySelector('[data-touchpoint-survey]')?.shadowRoot?.querySelector('[role=dialog]'),
    { polling: 'mutation' },
  )

/** Resolves once the survey card has left the page: re-checked on each DOM change. */
export const gone = (tab: Page) =>
  tab.waitForFunction(() => !document.querySelector('[data-touchpoint-survey]'), { polling: 'mutation' })

/** Collects uncaught page errors: a test expects none reached the store's page. */
export function pageErrors(tab: Page): string[] {
  const errors: string[] = []
  tab.on('pageerror', (e) => errors.push(e instanceof Error ? e.message : String(e)))
  return errors
}
