import type { Report } from './report.js'
import { escapeHtml, type Formatter } from './report-html-format.js'
import type { ReportWords } from './report-i18n.js'
import type { Interval } from './stats/intervals.js'
import type { PeriodFigures } from './report-trend.js'

interface Layout {
  width: number
  height: number
  left: number
  right: number
  top: number
  bottom: number
  font: number
  stagger: boolean
}
// Two drawings of one chart: wide for a laptop, and for a phone a narrower box with larger type
// and the stage names on two staggered rows, so they never collide and the chart is no strip.
const WIDE: Layout = { width: 900, height: 280, left: 36, right: 16, top: 16, bottom: 34, font: 13, stagger: false }
const NARROW: Layout = { width: 360, height: 280, left: 28, right: 10, top: 16, bottom: 44, font: 12, stagger: true }

const SERIES = [
  { key: 'csat', className: 'line-csat', offset: -5 },
  { key: 'emotion', className: 'line-emotion', offset: 5 },
] as const

/**
 * The journey curve: CSAT and emotion means (both 1–5) at each of the five stages, each with
 * its 95% range as an error bar, the stage names on the axis. Null while no stage has either
 * (the page then says so instead of drawing an empty box).
 */
export function journeyChart(report: Report, words: ReportWords, format: Formatter): string | null {
  const hasData = report.stages.some((s) => s.csat.n || s.emotion.n)
  if (!hasData) return null
  const legend = `<div class="legend"><span><i class="line-csat"></i>${words.csat}</span><span><i class="line-emotion"></i>${words.emotion}</span></div>`
  return `${legend}<svg class="chart wide" viewBox="0 0 ${WIDE.width} ${WIDE.height}" role="img" aria-label="${escapeHtml(describe(report, words, format))}">${draw(report, words, WIDE)}</svg><svg class="chart narrow" viewBox="0 0 ${NARROW.width} ${NARROW.height}" aria-hidden="true">${draw(report, words, NARROW)}</svg>`
}

function draw(report: Report, words: ReportWords, layout: Layout): string {
  const { width, height, left, right, top, bottom, font } = layout
  const plotWidth = width - left - right
  const x = (i: number) => left + (plotWidth / 5) * (i + 0.5)
  const y = (score: number) => top + ((5 - score) / 4) * (height - top - bottom)
  const grid = [1, 2, 3, 4, 5]
    .map(
      (v) =>
        `<line x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}" class="grid"/><text x="${left - 8}" y="${y(v) + 4}" text-anchor="end" class="axis" font-size="${font - 2}">${v}</text>`,
    )
    .join('')
  const labels = report.stages
    .map((s, i) => {
      const row = layout.stagger && i % 2 === 1 ? font + 4 : 0
      return `<text x="${x(i)}" y="${height - bottom + font + 10 + row}" text-anchor="middle" class="stage-label" font-size="${font}">${escapeHtml(words.stages[s.stage])}</text>`
    })
    .join('')
  const series = SERIES.map(({ key, className, offset }) => {
    const points = report.stages.map((s, i) => ({ cx: x(i) + offset, mean: s[key].avg, ci: s[key].ci }))
    // A stage without answers breaks the line rather than bridging it.
    const segments: string[][] = [[]]
    for (const p of points) {
      if (p.mean === null) segments.push([])
      else segments[segments.length - 1].push(`${p.cx.toFixed(1)},${y(p.mean).toFixed(1)}`)
    }
    const lines = segments
      .filter((s) => s.length > 1)
      .map((s) => `<polyline points="${s.join(' ')}" class="${className}" fill="none"/>`)
    const bars = points
      .filter((p) => p.mean !== null)
      .map((p) => errorBar(p.cx, y(p.mean!), p.ci && [y(p.ci[1]), y(p.ci[0])], className))
    return lines.join('') + bars.join('')
  })
  return grid + series.join('') + labels
}

function errorBar(cx: number, cy: number, span: Interval | null, className: string): string {
  const bar = span
    ? `<line x1="${cx}" x2="${cx}" y1="${span[0]}" y2="${span[1]}" class="${className} err"/><line x1="${cx - 4}" x2="${cx + 4}" y1="${span[0]}" y2="${span[0]}" class="${className} err"/><line x1="${cx - 4}" x2="${cx + 4}" y1="${span[1]}" y2="${span[1]}" class="${className} err"/>`
    : ''
  return `${bar}<circle cx="${cx}" cy="${cy}" r="4.5" class="${className} dot"/>`
}

function describe(report: Report, words: ReportWords, format: Formatter): string {
  return report.stages
    .map(
      (s) =>
        `${words.stages[s.stage]}: ${words.csat} ${s.csat.avg === null ? '–' : format.num(s.csat.avg, 1)}, ${words.emotion} ${s.emotion.avg === null ? '–' : format.num(s.emotion.avg, 1)}`,
    )
    .join('; ')
}

/** A small line of the satisfaction index per period with its 95% band, for the trend table. */
export function sparkline(periods: readonly PeriodFigures[]): string {
  const width = 160
  const height = 36
  const step = periods.length > 1 ? width / (periods.length - 1) : 0
  const y = (v: number) => 2 + ((100 - v) / 100) * (height - 4)
  const known = periods.map((p, i) => ({ i, p: p.index })).filter(({ p }) => p.value !== null && p.ci)
  if (!known.length) return ''
  const band =
    known.length > 1
      ? `<polygon class="spark-band" points="${[...known.map(({ i, p }) => `${(i * step).toFixed(1)},${y(p.ci![1]).toFixed(1)}`), ...[...known].reverse().map(({ i, p }) => `${(i * step).toFixed(1)},${y(p.ci![0]).toFixed(1)}`)].join(' ')}"/>`
      : ''
  const line = `<polyline class="spark-line" fill="none" points="${known.map(({ i, p }) => `${(i * step).toFixed(1)},${y(p.value!).toFixed(1)}`).join(' ')}"/>`
  const last = known[known.length - 1]
  return `<svg class="spark" viewBox="-3 0 ${width + 6} ${height}" aria-hidden="true">${band}${line}<circle class="spark-dot" cx="${(last.i * step).toFixed(1)}" cy="${y(last.p.value!).toFixed(1)}" r="3"/></svg>`
}
