// The one way this repository starts Chromium: the browser tests (tests/e2e/harness/chromium.ts),
// the demo's screenshots, the bench and the detection timing all launch it with these options.
// Plain ESM with no imports of its own: bench/ passes it to its own playwright-core, and the demo
// runs it under node without a build.
import { existsSync } from 'node:fs'

/** Headless, quiet, no background traffic: nothing but the page under test uses the network. */
export const CHROMIUM_FLAGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
])

/**
 * Options for playwright-core's `chromium.launch`: Debian's Chromium, or the one `CHROMIUM_PATH`
 * names, with CHROMIUM_FLAGS and then `extraFlags`. Throws, with the fix, when that Chromium is
 * missing: nothing that needs a browser skips silently.
 *
 * @example
 * const browser = await chromium.launch(chromiumLaunchOptions())
 */
export function chromiumLaunchOptions(extraFlags = []) {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!existsSync(executablePath))
    throw new Error(`Chromium not found at ${executablePath}: apt-get install -y chromium (or set CHROMIUM_PATH)`)
  return { executablePath, args: [...CHROMIUM_FLAGS, ...extraFlags] }
}
