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

/** Waits until the page has `window.touchpoint` from the loader (not the stub). */
export const loaderUp = (tab: Page) => tab.waitForFunction(() => (window as any).touchpoint?.version, { polling: 50 })

/** Collects uncaught page errors: a test expects none reached the store's page. */
export function pageErrors(tab: Page): string[] {
  const errors: string[] = []
  tab.on('pageerror', (e) => errors.push(e instanceof Error ? e.message : String(e)))
  return errors
}
