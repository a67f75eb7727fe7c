// npm run demo:screenshot: the README's pictures, from a freshly seeded database.
// - docs/img/report.png: the journey report (`npm run demo:screenshot vi` for Vietnamese).
// - docs/img/survey-<kind>-<desktop|phone>.png: each survey kind on the demo store's product page,
//   at 1280 px and at a 375 px phone width, plus the follow-up step of an NPS detractor.
// Uses the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from '../scripts/chromium-launch.mjs'
import { ensureBuilt, ROOT } from './ensure-build.mjs'

ensureBuilt()
const { startDemo } = await import('./app.mjs')
const dir = mkdtempSync(join(tmpdir(), 'touchpoint-shot-'))
const demo = await startDemo({ port: 0, dbPath: join(dir, 'demo.db') })
const browser = await chromium.launch(chromiumLaunchOptions())
const out = join(ROOT, 'docs', 'img')
mkdirSync(out, { recursive: true })
const shot = async (page, name, options = {}) => {
  await page.screenshot({ path: join(out, name), ...options })
  console.log(`demo:screenshot: wrote docs/img/${name}`)
}

/** Opens one survey by the public API on a product page and waits until its card is drawn. */
async function survey(width, height, kind, lang = 'en') {
  const page = await browser.newPage({
    viewport: { width, height },
    deviceScaleFactor: 1,
    isMobile: width < 600,
    hasTouch: width < 600,
  })
  await page.goto(`${demo.url}${lang == 'vi' ? '/vi/san-pham/ao-so-mi-linen' : '/product/linen-shirt'}/`)
  await page.waitForFunction(() => typeof window.touchpoint == 'function' && !!window.touchpoint.version)
  await page.evaluate((k) => window.touchpoint('show', k), kind)
  await page.locator('[role=dialog]').waitFor()
  await page.waitForTimeout(400) // let the entrance transition finish
  return page
}

try {
  const report = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    httpCredentials: { username: 'demo', password: demo.reportPassword },
  })
  await report.goto(`${demo.url}/report${process.argv[2] === 'vi' ? '?lang=vi' : ''}`)
  await shot(report, 'report.png', { fullPage: true })
  await report.close()

  for (const kind of ['csat', 'nps', 'emotion']) {
    for (const [form, width, height] of [
      ['desktop', 1280, 800],
      ['phone', 375, 740],
    ]) {
      const page = await survey(width, height, kind)
      await shot(page, `survey-${kind}-${form}.png`)
      await page.close()
    }
  }
  const page = await survey(1280, 800, 'nps', 'vi')
  await page.getByRole('radio', { name: '3', exact: true }).check()
  await page.getByRole('textbox').waitFor()
  await shot(page, 'survey-nps-followup-vi.png')
  await page.close()
} finally {
  await browser.close()
  await demo.close()
  rmSync(dir, { recursive: true, force: true })
}
