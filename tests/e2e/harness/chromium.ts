import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { chromiumLaunchOptions } from '../../../scripts/chromium-launch.mjs'

/** The repository's root folder (dist/, node_modules/ and package.json live there). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..')

/**
 * Debian's Chromium (or the one `CHROMIUM_PATH` names), headless, with the repository's one set
 * of flags (scripts/chromium-launch.mjs). Fails loudly when it is
 * missing: browser tests never skip.
 *
 * @example
 * const browser = await launchChromium()
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions())
}

/** Fails the run early with the command to run when the build the tests drive is missing. */
export function requireBuild(files = ['touchpoint.js', 'touchpoint-ui.js', 'touchpoint-transport.js']): void {
  for (const file of files)
    if (!existsSync(join(ROOT, 'dist', file))) throw new Error(`dist/${file} is missing: run npm run build first`)
}
