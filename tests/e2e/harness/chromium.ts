import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'

/** The repository's root folder (dist/, node_modules/ and package.json live there). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..')

/** The one set of flags every browser test runs with: headless, quiet, no background traffic. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Debian's Chromium (or the one `CHROMIUM_PATH` names), headless. Fails loudly when it is
 * missing: browser tests never skip.
 *
 * @example
 * const browser = await launchChromium()
 */
export function launchChromium(): Promise<Browser> {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!existsSync(path))
    throw new Error(`Chromium not found at ${path}: apt-get install -y chromium (or set CHROMIUM_PATH)`)
  return chromium.launch({ executablePath: path, args: FLAGS })
}

/** Fails the run early with the command to run when the build the tests drive is missing. */
export function requireBuild(files = ['touchpoint.js', 'touchpoint-ui.js', 'touchpoint-transport.js']): void {
  for (const file of files)
    if (!existsSync(join(ROOT, 'dist', file))) throw new Error(`dist/${file} is missing: run npm run build first`)
}
