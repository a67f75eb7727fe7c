// @vitest-environment node
import { Window } from 'happy-dom'
import { describe, expect, it } from 'vitest'
import { buildReport } from '../../src/collector/report'
import { escapeHtml, pickLanguage, renderErrorHtml, renderReportHtml } from '../../src/collector/report-html'
import { answer, answers } from './fixtures'

const data = [
  ...answers('checkout', 'csat', [1, 2, 2, 1, 3, 1, 2, 1, 1, 2]),
  ...answers('product', 'csat', [5, 4, 5, 5, 4, 5, 4, 5, 5, 4]),
  answer({ touchpoint: 'checkout', kind: 'csat', score: 1, comment: '</td><script>alert("x")</script>' }),
]

describe('renderReportHtml', async () => {
  const report = await buildReport(data)
  const html = renderReportHtml(report, { lang: 'en' })

  it('draws one column per stage, in journey order, and names the stages on the chart axis', () => {
    const order = ['Awareness', 'Consideration', 'Decision', 'Purchase', 'Retention'].map((s) =>
      html.indexOf(`<h3>${s}</h3>`),
    )
    expect(order.every((i) => i > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(html).toMatch(/<text [^>]*class="stage-label"[^>]*>Consideration<\/text>/)
  })

  it('calls out the weakest touchpoint in words, with its range and the rest of the journey', () => {
    expect(report.verdict.status).toBe('clear')
    expect(html).toMatch(/<div class="tag">Fix first<\/div><div class="name">Checkout<\/div>/)
    expect(html).toMatch(/Checkout scores 14 out of 100 \(95% range \d+–\d+\), below the rest of the journey at 90/)
    expect(html).toMatch(/class="tp poor weakest"/)
    expect(html).not.toMatch(/0% of emotions/)
  })

  it('says it cannot tell yet, as information not alarm, and how many more answers would settle it', async () => {
    const close = renderReportHtml(
      await buildReport([
        ...answers('cart', 'csat', [3, 4, 2, 4, 3, 5]),
        ...answers('product', 'csat', [4, 3, 5, 4, 3, 5]),
      ]),
      { lang: 'en' },
    )
    expect(close).toMatch(
      /<section class="card verdict info"><div class="tag">Cannot tell yet<\/div><p>Cart scores lowest \(63 against 75 for the rest of the journey\), but on 6 answers the gap could still be chance\. About [\d,]+ more answers, at today&#39;s mix, would settle it\.<\/p>/,
    )
    expect(close).not.toContain('class="card verdict fix"')
  })

  it('colour-codes CSAT by how good it is: green from 4, amber from 3, red below', async () => {
    expect(html).toMatch(/<h4><span>Product page[^]*?<span class="chip good">4\.6<\/span>/)
    expect(html).toMatch(/<h4><span>Checkout[^]*?<span class="chip poor">1\.6<\/span>/)
    const fair = renderReportHtml(await buildReport(answers('cart', 'csat', [3, 3, 4, 3, 3])), { lang: 'en' })
    expect(fair).toMatch(/<h4><span>Cart[^]*?<span class="chip fair">3\.2<\/span>/)
  })

  it('draws each figure’s 95% range as a bar and an error bar on the curve', () => {
    expect(html).toMatch(/<span class="rb good" role="img" aria-label="95% range 4\.3–4\.9"/)
    expect(html).toMatch(/class="line-csat err"/)
  })

  it('writes "1 answer" and "2 answers"', async () => {
    const one = renderReportHtml(await buildReport([answer()]), { lang: 'en' })
    expect(one).toContain('1 answer</span>')
    expect(one).not.toContain('1 answers')
    expect(html).toContain('21 answers')
  })

  it('never lets a comment become markup', () => {
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;/td&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
  })

  it('speaks Vietnamese with Vietnamese number formatting, compound words kept on one line', async () => {
    const vi = renderReportHtml(await buildReport(data), { lang: 'vi' })
    expect(vi).toContain('<html lang="vi">')
    // A no-break space inside each compound word: "Quyết / định" never splits over two lines.
    expect(vi).toContain('<h3>Quyết\u00a0định</h3>')
    expect(vi).toContain('Cần cải\u00a0thiện trước')
    expect(vi).toContain('<span class="chip good">4,6</span>')
  })

  it('keeps the date filter in the CSV and language links', async () => {
    const q = new URLSearchParams('from=2026-11-01&to=2026-11-30&lang=en')
    const filtered = renderReportHtml(await buildReport(data, { from: '2026-11-01T00:00:00.000Z' }), {
      lang: 'en',
      query: q,
    })
    expect(filtered).toContain('href="/report.csv?from=2026-11-01&amp;to=2026-11-30"')
    expect(filtered).toContain('href="/answers.csv?from=2026-11-01&amp;to=2026-11-30"')
    expect(filtered).toContain('href="?from=2026-11-01&amp;to=2026-11-30&amp;lang=vi"')
  })

  it('with few answers says so as information, and draws no empty chart box without answers', async () => {
    const few = renderReportHtml(await buildReport(answers('cart', 'csat', [4, 5])), { lang: 'en' })
    expect(few).toContain('<p class="notice info">These figures rest on 2 answers')
    const empty = renderReportHtml(await buildReport([]), { lang: 'en' })
    expect(empty).toContain('Not enough answers yet to compare touchpoints')
    expect(empty).not.toContain('<svg class="chart')
    expect(empty).toContain('The curve appears once a stage has CSAT or emotion answers.')
    expect(empty).toContain('No comments yet.')
  })
})

describe('renderErrorHtml', () => {
  it('explains a bad link in a page with a way back, in the reader’s language', () => {
    const page = renderErrorHtml('from must be a date (2026-11-30)', 'vi')
    expect(page).toContain('<h1>Không thể hiển thị báo cáo</h1>')
    expect(page).toContain('from must be a date (2026-11-30)')
    expect(page).toContain('href="/report?lang=vi"')
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
  it('escapes the five HTML-special characters', () =>
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'))
})

describe('CSAT colours as a browser draws them', () => {
  it('colours CSAT figures green from 4, amber from 3, red below', async () => {
    // One touchpoint per stage, so each average appears as its touchpoint's and its stage's figure.
    const csat = renderReportHtml(
      await buildReport([
        ...answers('product', 'csat', [5, 4, 5, 5, 4]), // 4.6
        ...answers('home', 'csat', [4, 4, 4, 4, 4]), // 4.0: the edge of good
        ...answers('account', 'csat', [3, 4, 3, 4, 3]), // 3.4
        ...answers('confirmation', 'csat', [3, 3, 3, 3, 3]), // 3.0: the edge of fair
        ...answers('checkout', 'csat', [1, 2, 2, 1, 3]), // 1.8
      ]),
      { lang: 'en' },
    )
    const hues = figureHues(csat)
    expect(hues).toMatchObject({ '4.6': 'green', '4.0': 'green', '3.4': 'amber', '3.0': 'amber', '1.8': 'red' })
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
