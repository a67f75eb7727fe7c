// npm run demo:screenshot-report: the journey report as a store manager sees it, at 1440 px and
// 375 px, in English and Vietnamese, with no answers, a few and the full demo data:
// docs/img/report-<en|vi>-<1440|375>-<empty|few|full>.png. Uses the system Chromium.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from '../scripts/chromium-launch.mjs'
import { ensureBuilt, ROOT } from './ensure-build.mjs'
import { seedBatch } from './seed-data.mjs'

ensureBuilt({ widget: false })
const { startDemo } = await import('./app.mjs')
const out = join(ROOT, 'docs', 'img')
mkdirSync(out, { recursive: true })

// A few: one day's answers and displays at three touchpoints, as in a store's first week.
const few = () => {
  const { responses, displays } = seedBatch()
  const kept = responses.filter((r) => ['product', 'checkout', 'confirmation'].includes(r.touchpoint)).slice(-14)
  const ids = new Set(kept.map((r) => r.display))
  return { responses: kept, displays: displays.filter((d) => ids.has(d.id)) }
}
const DATA = { empty: false, few, full: true }

const browser = await chromium.launch(chromiumLaunchOptions())
try {
  for (const [name, seed] of Object.entries(DATA)) {
    const dir = mkdtempSync(join(tmpdir(), 'touchpoint-report-shot-'))
    const demo = await startDemo({ port: 0, dbPath: join(dir, 'demo.db'), seed })
    try {
      for (const lang of ['en', 'vi']) {
        for (const width of [1440, 375]) {
          const page = await browser.newPage({
            viewport: { width, height: 900 },
            deviceScaleFactor: 1,
            httpCredentials: { username: 'demo', password: demo.reportPassword },
          })
          await page.goto(`${demo.url}/report?lang=${lang}`)
          const file = `report-${lang}-${width}-${name}.png`
          await page.screenshot({ path: join(out, file), fullPage: true })
          console.log(`demo:screenshot-report: wrote docs/img/${file}`)
          await page.close()
        }
      }
    } finally {
      await demo.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
} finally {
  await browser.close()
}
