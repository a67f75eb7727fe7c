// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { buildReport } from '../../src/collector/report'
import { escapeHtml, pickLanguage, renderReportHtml } from '../../src/collector/report-html'
import { answer, answers } from './fixtures'

const data = [
  ...answers('checkout', 'csat', [1, 2, 2, 1, 3]),
  ...answers('product', 'csat', [5, 4, 5, 5, 4]),
  answer({ touchpoint: 'checkout', kind: 'csat', score: 1, comment: '</td><script>alert("x")</script>' }),
]

describe('renderReportHtml', async () => {
  const html = renderReportHtml(await buildReport(data), { lang: 'en' })

  it('draws one column per stage, in journey order', () => {
    const order = ['Awareness', 'Consideration', 'Decision', 'Purchase', 'Retention'].map((s) => html.indexOf(`<h3>${s}</h3>`))
    expect(order.every((i) => i > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it('calls out the weakest touchpoint', () => {
    expect(html).toMatch(/<div class="tag">Fix first<\/div><div class="name">Checkout<\/div>/)
    expect(html).toMatch(/class="tp poor weakest"/)
  })

  it('colour-codes figures by how good they are', () => {
    expect(html).toMatch(/<h4><span>Product page[^]*?<span class="chip good">4\.6<\/span>/)
  })

  it('never lets a comment become markup', () => {
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;/td&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
  })

  it('speaks Vietnamese with Vietnamese number formatting', async () => {
    const vi = renderReportHtml(await buildReport(data), { lang: 'vi' })
    expect(vi).toContain('<html lang="vi">')
    expect(vi).toContain('<h3>Quyết định</h3>')
    expect(vi).toContain('Cần cải thiện trước')
    expect(vi).toContain('<span class="chip good">4,6</span>')
  })

  it('keeps the date filter in the CSV and language links', async () => {
    const q = new URLSearchParams('from=2026-11-01&to=2026-11-30&lang=en')
    const filtered = renderReportHtml(await buildReport(data, { from: '2026-11-01T00:00:00.000Z' }), { lang: 'en', query: q })
    expect(filtered).toContain('href="/report.csv?from=2026-11-01&amp;to=2026-11-30"')
    expect(filtered).toContain('href="?from=2026-11-01&amp;to=2026-11-30&amp;lang=vi"')
  })

  it('says so when there are no answers yet', async () => {
    const empty = renderReportHtml(await buildReport([]), { lang: 'en' })
    expect(empty).toContain('No touchpoint has enough answers yet')
    expect(empty).toContain('No comments yet.')
  })
})

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
