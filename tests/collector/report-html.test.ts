// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { Window } from 'happy-dom'
import { buildReport } from '../../src/collector/report'
import { escapeHtml, pickLanguage, renderReportHtml } from '../../src/collector/report-html'
import { answer, answers } from './fixtures'

const data = [
  ...answers('checkout', 'csat', [1, 2, 2, 1, 3]),
  ...answers('product', 'csat', [5, 4, 5, 5, 4]),
  answer({ touchpoint: 'checkout', kind: 'csat', score: 1, comment: '</td><script>alert("x")</script>' }),
]

describe('renderReportHtml', () => {
  const html = renderReportHtml(buildReport(data), { lang: 'en' })

  it('draws one column per stage, in journey order', () => {
    const order = ['Awareness', 'Consideration', 'Decision', 'Purchase', 'Retention'].map((s) => html.indexOf(`<h3>${s}</h3>`))
    expect(order.every((i) => i > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it('calls out the weakest touchpoint', () => {
    expect(html).toMatch(/<div class="tag">Fix first<\/div><div class="name">Checkout<\/div>/)
    expect(html).toMatch(/class="tp poor weakest"/)
  })

  it('colour-codes CSAT figures by how good they are: green from 4, amber from 3, red below', () => {
    // One touchpoint per stage, so each average appears as its touchpoint's and its stage's figure.
    const csat = renderReportHtml(
      buildReport([
        ...answers('product', 'csat', [5, 4, 5, 5, 4]), // 4.6
        ...answers('home', 'csat', [4, 4, 4, 4, 4]), // 4.0: the edge of good
        ...answers('account', 'csat', [3, 4, 3, 4, 3]), // 3.4
        ...answers('confirmation', 'csat', [3, 3, 3, 3, 3]), // 3.0: the edge of fair
        ...answers('checkout', 'csat', [1, 2, 2, 1, 3]), // 1.8
      ]),
      { lang: 'en' },
    )
    const hues = figureHues(csat)
    expect(hues).toEqual({
      '4.6': 'green',
      '4.0': 'green',
      '3.4': 'amber',
      '3.0': 'amber',
      '1.8': 'red',
    })
  })

  it('never lets a comment become markup', () => {
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;/td&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
  })

  it('speaks Vietnamese with Vietnamese number formatting', () => {
    const vi = renderReportHtml(buildReport(data), { lang: 'vi' })
    expect(vi).toContain('<html lang="vi">')
    expect(vi).toContain('<h3>Quyết định</h3>')
    expect(vi).toContain('Cần cải thiện trước')
    expect(vi).toContain('<span class="chip good">4,6</span>')
  })

  it('keeps the date filter in the CSV and language links', () => {
    const q = new URLSearchParams('from=2026-11-01&to=2026-11-30&lang=en')
    const filtered = renderReportHtml(buildReport(data, { from: '2026-11-01T00:00:00.000Z' }), { lang: 'en', query: q })
    expect(filtered).toContain('href="/report.csv?from=2026-11-01&amp;to=2026-11-30"')
    expect(filtered).toContain('href="?from=2026-11-01&amp;to=2026-11-30&amp;lang=vi"')
  })

  it('says so when there are no answers yet', () => {
    const empty = renderReportHtml(buildReport([]), { lang: 'en' })
    expect(empty).toContain('No touchpoint has enough answers yet')
    expect(empty).toContain('No comments yet.')
  })
})

/**
 * The colour each CSAT figure is drawn in, as a browser computes it from the report's own
 * stylesheet, named by hue; keyed by the figure's text. Selector-free on purpose (the report's
 * markup is being reworked): every element whose own text is one of the figures counts, and all
 * of a figure's elements must agree.
 */
function figureHues(html: string): Record<string, string> {
  const window = new Window()
  window.document.write(html)
  const hues: Record<string, Set<string>> = {}
  for (const element of window.document.body.querySelectorAll('*')) {
    const text = element.textContent!.trim()
    if (element.children.length || !/^\d\.\d$/.test(text)) continue
    ;(hues[text] ||= new Set()).add(hueName(window.getComputedStyle(element).color))
  }
  window.close()
  return Object.fromEntries(Object.entries(hues).map(([text, names]) => [text, [...names].join(' and ')]))
}

/** 'green', 'amber', 'red' or 'grey' for a CSS rgb()/#hex colour. */
function hueName(colour: string): string {
  const hex = colour.match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i)
  const [red, green, blue] = hex ? hex.slice(1).map((part) => parseInt(part, 16)) : colour.match(/\d+/g)!.map(Number)
  const max = Math.max(red, green, blue)
  const spread = max - Math.min(red, green, blue)
  if (spread < 30) return 'grey'
  const hue =
    max == red
      ? (60 * ((green - blue) / spread) + 360) % 360
      : max == green
        ? 60 * ((blue - red) / spread) + 120
        : 60 * ((red - green) / spread) + 240
  return hue < 20 || hue >= 330 ? 'red' : hue < 70 ? 'amber' : hue < 180 ? 'green' : 'blue'
}

describe('pickLanguage', () => {
  it('follows ?lang=, then a browser that prefers Vietnamese, else English', () => {
    expect(pickLanguage('vi', 'en')).toBe('vi')
    expect(pickLanguage(null, 'vi-VN,vi;q=0.9')).toBe('vi')
    expect(pickLanguage('fr', 'en-US')).toBe('en')
    expect(pickLanguage(null, undefined)).toBe('en')
  })
})

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters', () => expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'))
})
