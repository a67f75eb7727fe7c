// @vitest-environment node
// The report page laid out by real Chromium, as a store manager opens it on a phone and a laptop.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedBatch } from '../../demo/seed-data.mjs'
import { buildReportFrom } from '../../src/collector/report'
import { renderReportHtml } from '../../src/collector/report-html'
import { memorySource } from '../../src/collector/report-source'
import type { DisplayCount } from '../../src/collector/storage'
import { launchChromium } from '../e2e/harness/chromium'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

async function reportPage(lang: 'en' | 'vi', width: number, data: 'full' | 'empty'): Promise<Page> {
  const { responses, displays } =
    data === 'full' ? seedBatch({ now: Date.parse('2026-11-27T12:00:00.000Z') }) : { responses: [], displays: [] }
  const counts = new Map<string, DisplayCount>()
  for (const d of displays) {
    const key = `${d.touchpoint} ${d.survey} ${d.event}`
    const count = counts.get(key) ?? {
      stage: d.stage,
      touchpoint: d.touchpoint,
      survey: d.survey,
      kind: d.kind,
      event: d.event,
      n: 0,
    }
    count.n++
    counts.set(key, count)
  }
  const report = await buildReportFrom(memorySource(responses, [...counts.values()]))
  const page = await browser.newPage({ viewport: { width, height: 800 } })
  await page.setContent(renderReportHtml(report, { lang }))
  return page
}

// Whether any two boxes overlap (labels that collide).
const overlapping = (boxes: { x: number; y: number; width: number; height: number }[]) =>
  boxes.some((a, i) =>
    boxes
      .slice(i + 1)
      .some((b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height),
  )

describe.each(['en', 'vi'] as const)('the report page in %s', (lang) => {
  it('fits a 375 px phone: nothing wider than the screen, the chart a chart and not a strip', async () => {
    const page = await reportPage(lang, 375, 'full')
    const layout = await page.evaluate(() => {
      const chart = document.querySelector<SVGSVGElement>('svg.chart.narrow')!.getBoundingClientRect()
      const wide = [...document.querySelectorAll('body *')].filter(
        (e) => e.getBoundingClientRect().right > innerWidth + 0.5 && !e.closest('.scroll'),
      )
      return {
        scrollWidth: document.documentElement.scrollWidth,
        chart: { width: chart.width, height: chart.height },
        wide: wide.map((e) => e.tagName + '.' + e.className).slice(0, 5),
      }
    })
    expect(layout.wide).toEqual([])
    expect(layout.scrollWidth).toBeLessThanOrEqual(375)
    expect(layout.chart.height).toBeGreaterThan(200)
    expect(layout.chart.width).toBeGreaterThan(300)
    const labels = await page
      .locator('svg.chart.narrow text.stage-label')
      .evaluateAll((list) => list.map((t) => t.getBoundingClientRect().toJSON()))
    expect(labels).toHaveLength(5)
    expect(overlapping(labels)).toBe(false)
    await page.close()
  })

  it('names the five stages under the laptop chart, no label touching another or a line', async () => {
    const page = await reportPage(lang, 1440, 'full')
    expect(await page.locator('svg.chart.narrow').isVisible()).toBe(false)
    const labels = await page
      .locator('svg.chart.wide text.stage-label')
      .evaluateAll((list) => list.map((t) => t.getBoundingClientRect().toJSON()))
    expect(labels).toHaveLength(5)
    expect(overlapping(labels)).toBe(false)
    const lowestLine = await page
      .locator('svg.chart.wide polyline, svg.chart.wide circle')
      .evaluateAll((list) => Math.max(...list.map((e) => e.getBoundingClientRect().bottom)))
    expect(Math.min(...labels.map((l) => l.y))).toBeGreaterThan(lowestLine)
    await page.close()
  })

  it('draws no empty chart box without answers, and fits the phone then too', async () => {
    const page = await reportPage(lang, 375, 'empty')
    expect(await page.locator('svg.chart').count()).toBe(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await page.close()
  })
})
