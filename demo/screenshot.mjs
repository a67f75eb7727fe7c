// npm run demo:screenshot: docs/img/report.png for the README, from a freshly seeded database.
// Uses the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { ensureBuilt, ROOT } from './ensure-build.mjs'

ensureBuilt({ widget: false })
const { startDemo } = await import('./app.mjs')
const dir = mkdtempSync(join(tmpdir(), 'touchpoint-shot-'))
const demo = await startDemo({ port: 0, dbPath: join(dir, 'demo.db') })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 })
  await page.goto(`${demo.url}/report${process.argv[2] === 'vi' ? '?lang=vi' : ''}`)
  mkdirSync(join(ROOT, 'docs', 'img'), { recursive: true })
  const file = join(ROOT, 'docs', 'img', 'report.png')
  await page.screenshot({ path: file, fullPage: true })
  console.log(`demo:screenshot: wrote ${file}`)
} finally {
  await browser.close()
  await demo.close()
  rmSync(dir, { recursive: true, force: true })
}
