import { EMOTIONS } from '../shared/vocabulary.js'
import { MIN_N, type Comment, type Figures, type Report } from './report.js'
import { RULE_TEXT, WORDS, type ReportLanguage } from './report-i18n.js'
import { REPORT_CSS } from './report-style.js'

export interface HtmlOptions {
  lang: ReportLanguage
  /** The page's query, kept in the language links and the CSV link. */
  query?: URLSearchParams
}

/**
 * Escapes text for HTML content and attribute values. Every answer field passes through it.
 *
 * @example
 * escapeHtml('<b>"hi"</b>') // → '&lt;b&gt;&quot;hi&quot;&lt;/b&gt;'
 */
export const escapeHtml = (text: unknown): string =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/**
 * The language of the report page: `?lang=` when it names one, else the browser's
 * `Accept-Language` when it prefers Vietnamese, else English.
 *
 * @example
 * pickLanguage(null, 'vi-VN,vi;q=0.9,en;q=0.8') // → 'vi'
 */
export function pickLanguage(param: string | null, acceptLanguage: string | undefined): ReportLanguage {
  if (param === 'vi' || param === 'en') return param
  return /^\s*vi\b/i.test(acceptLanguage ?? '') ? 'vi' : 'en'
}

type Tone = 'good' | 'fair' | 'poor' | 'none'
const indexTone = (x: number | null): Tone => (x === null ? 'none' : x >= 70 ? 'good' : x >= 50 ? 'fair' : 'poor')
const csatTone = (x: number | null): Tone => (x === null ? 'none' : x >= 4 ? 'good' : x >= 3 ? 'fair' : 'poor')
const npsTone = (x: number | null): Tone => (x === null ? 'none' : x >= 30 ? 'good' : x >= 0 ? 'fair' : 'poor')

/**
 * Renders the journey map a manager puts on a screen: one column per stage, CSAT, NPS and
 * emotion per stage and touchpoint, colour-coded, the weakest touchpoint called out, recent
 * comments, a CSV link, in English or Vietnamese. Plain HTML and inline CSS, no script.
 *
 * @example
 * res.end(renderReportHtml(buildReport(store.list()), { lang: 'vi' }))
 */
export function renderReportHtml(report: Report, options: HtmlOptions): string {
  const { lang } = options
  const w = WORDS[lang]
  const nf = (x: number, digits = 0) =>
    new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x)
  const signed = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '') + nf(Math.abs(x))
  const q = new URLSearchParams(options.query)
  const link = (changes: Record<string, string>) => {
    const next = new URLSearchParams(q)
    for (const [k, v] of Object.entries(changes)) next.set(k, v)
    return escapeHtml('?' + next.toString())
  }
  const csvQuery = new URLSearchParams()
  if (q.get('from')) csvQuery.set('from', q.get('from')!)
  if (q.get('to')) csvQuery.set('to', q.get('to')!)
  const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '')

  const emotionBar = (f: Figures) => {
    if (!f.emotion.n) return ''
    const parts = EMOTIONS.map((e, i) => {
      const share = (f.emotion[e] / f.emotion.n) * 100
      return share ? `<span class="e${i + 1}" style="width:${share.toFixed(2)}%" title="${escapeHtml(`${w.emotions[e]}: ${nf(share)}%`)}"></span>` : ''
    })
    return `<div class="bar" role="img" aria-label="${escapeHtml(EMOTIONS.map((e) => `${w.emotions[e]} ${f.emotion[e]}`).join(', '))}">${parts.join('')}</div>`
  }
  const negative = (f: Figures) => (f.emotion.n ? nf(((f.emotion.frustrated + f.emotion.disappointed) / f.emotion.n) * 100) + '%' : '–')

  const metrics = (f: Figures) => {
    if (!f.responses) return `<p class="empty">${w.noAnswers}</p>`
    const rows = [
      f.csat.n
        ? `<div class="m"><span>${w.csat} <span class="n">n=${f.csat.n}</span></span><span><span class="chip ${csatTone(f.csat.avg)}">${nf(f.csat.avg!, 1)}</span> <span class="n">${nf(f.csat.satisfied_pct!)}% ${w.satisfied}</span></span></div>`
        : '',
      f.nps.n
        ? `<div class="m"><span>${w.nps} <span class="n">n=${f.nps.n}</span></span><span class="chip ${npsTone(f.nps.score)}">${signed(f.nps.score!)}</span></div>`
        : '',
      f.ces.n ? `<div class="m"><span>${w.ces} <span class="n">n=${f.ces.n}</span></span><span>${nf(f.ces.avg!, 1)} / 7</span></div>` : '',
      f.emotion.n ? `<div class="m"><span>${w.emotion} <span class="n">n=${f.emotion.n}</span></span></div>${emotionBar(f)}` : '',
    ]
    return rows.join('')
  }
  const indexChip = (f: Figures) =>
    f.index === null ? `<span class="chip none" title="${w.notEnough}">–</span>` : `<span class="chip ${indexTone(f.index)}" title="${w.index}">${nf(f.index)}</span>`

  const column = (s: Report['stages'][number], i: number) => {
    const tps = report.touchpoints.filter((t) => t.stage === s.stage)
    const cards = tps.map((t) => {
      const weakest = report.weakest?.touchpoint === t.touchpoint
      return `<article class="tp ${indexTone(t.index)}${weakest ? ' weakest' : ''}"><h4><span>${escapeHtml(w.touchpoints[t.touchpoint])} <span class="n">${nf(t.responses)}</span></span>${weakest ? `<span class="badge">${w.fixFirst}</span>` : indexChip(t)}</h4>${metrics(t)}</article>`
    })
    return `<section class="stage" aria-label="${escapeHtml(w.stages[s.stage])}"><div class="head ${indexTone(s.index)}"><div class="arrow">${i + 1} / 5</div><h3>${w.stages[s.stage]}</h3><div class="m"><span class="n">${nf(s.responses)} ${w.answers}</span>${indexChip(s)}</div>${metrics(s)}</div>${cards.join('')}</section>`
  }

  const curve = () => {
    const pts = report.stages.map((s, i) => ({ x: 100 + i * 200, y: s.index === null ? null : 105 - s.index, s }))
    const line = pts.filter((p) => p.y !== null).map((p) => `${p.x},${p.y}`).join(' ')
    const dots = pts
      .filter((p) => p.y !== null)
      .map((p) => `<circle cx="${p.x}" cy="${p.y}" r="7" class="${indexTone(p.s.index)}" fill="currentColor"/><text x="${p.x + 12}" y="${p.y! + 4}" font-size="13" fill="#1d2330">${nf(p.s.index!)}</text>`)
    const guides = [70, 50].map((v) => `<line x1="0" x2="1000" y1="${105 - v}" y2="${105 - v}" stroke="#d5dae4" stroke-dasharray="4 4"/><text x="4" y="${101 - v}" font-size="11" fill="#8a93a6">${v}</text>`)
    return `<section class="card curve"><h2>${w.curve}</h2><svg viewBox="0 0 1000 110" role="img" aria-label="${escapeHtml(w.curve)}">${guides.join('')}<polyline points="${line}" fill="none" stroke="#2c4a8c" stroke-width="3"/>${dots.join('')}</svg></section>`
  }

  const quote = (c: Comment) =>
    `<blockquote>“${escapeHtml(c.comment)}” <span class="n">— ${escapeHtml(w.kinds[c.kind])} ${c.score} · ${escapeHtml(c.locale)} · ${escapeHtml(day(c.at))}</span></blockquote>`
  const weakest = report.weakest
  const wFig = weakest && report.touchpoints.find((t) => t.touchpoint === weakest.touchpoint)!
  const fixFirst = weakest && wFig
    ? `<section class="card fix"><div><div class="tag">${w.fixFirst}</div><div class="name">${escapeHtml(w.touchpoints[weakest.touchpoint])}</div><div class="n">${w.stages[weakest.stage]} · ${nf(weakest.responses)} ${w.answers}</div><p>${escapeHtml(w.fixFirstWhy(nf(weakest.index), negative(wFig)))}</p>${metrics(wFig)}</div><div>${weakest.comments.map(quote).join('') || `<p class="empty">${w.noComments}</p>`}</div></section>`
    : `<section class="card fix"><p>${w.noWeakest}</p></section>`

  const o = report.overall
  const kpi = (label: string, value: string, note: string, tone: Tone | '' = '') =>
    `<div class="card kpi"><div class="label">${label}</div><div class="value"><span class="chip ${tone}">${value}</span></div><div class="note">${note}</div></div>`
  const legend = `<div class="legend">${EMOTIONS.map((e, i) => `<span><i class="e${i + 1}"></i>${w.emotions[e]} ${o.emotion.n ? nf((o.emotion[e] / o.emotion.n) * 100) + '%' : ''}</span>`).join('')}</div>`
  const range = report.range.from || report.range.to ? `${day(report.range.from) || '…'} → ${day(report.range.to) || '…'}` : w.allTime
  const comments = report.comments.length
    ? `<table><thead><tr><th>${w.when}</th><th>${w.where}</th><th>${w.score}</th><th>${w.comment}</th></tr></thead><tbody>${report.comments
        .map((c) => `<tr><td>${escapeHtml(c.at.slice(0, 16).replace('T', ' '))}</td><td>${escapeHtml(w.touchpoints[c.touchpoint] ?? c.touchpoint)}</td><td>${escapeHtml(w.kinds[c.kind])} ${c.score}</td><td class="c" lang="${escapeHtml(c.locale)}">${escapeHtml(c.comment)}</td></tr>`)
        .join('')}</tbody></table>`
    : `<p class="empty">${w.noComments}</p>`

  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${w.title}</title><style>${REPORT_CSS}</style></head><body><main>
<header><div><h1>${w.title}</h1><p class="sub">${w.subtitle} · ${escapeHtml(range)} · ${nf(report.total)} ${w.answers}</p></div>
<div class="tools"><nav class="lang"><a href="${link({ lang: 'en' })}"${lang === 'en' ? ' aria-current="page"' : ''}>EN</a><a href="${link({ lang: 'vi' })}"${lang === 'vi' ? ' aria-current="page"' : ''}>VI</a></nav>
<form method="get" action="/report"><input type="hidden" name="lang" value="${lang}"><label>${w.from} <input type="date" name="from" value="${escapeHtml(q.get('from') ?? '')}"></label><label>${w.to} <input type="date" name="to" value="${escapeHtml(q.get('to') ?? '')}"></label><button class="btn ghost">${w.apply}</button></form>
<a class="btn" href="/report.csv${csvQuery.toString() ? '?' + escapeHtml(csvQuery.toString()) : ''}" download>${w.csv}</a></div></header>
<section class="kpis">${kpi(w.answers, nf(report.total), range)}${kpi(w.csat, o.csat.n ? nf(o.csat.avg!, 1) + ' / 5' : '–', o.csat.n ? `${nf(o.csat.satisfied_pct!)}% ${w.satisfied} · n=${o.csat.n}` : '', csatTone(o.csat.avg))}${kpi(w.nps, o.nps.n ? signed(o.nps.score!) : '–', o.nps.n ? `${nf(o.nps.promoters)} ${w.promoters} · ${nf(o.nps.detractors)} ${w.detractors} · n=${o.nps.n}` : '', npsTone(o.nps.score))}<div class="card kpi"><div class="label">${w.emotion}</div>${emotionBar(o)}${legend}</div></section>
${fixFirst}
${curve()}
<div class="journey">${report.stages.map(column).join('')}</div>
<section class="card comments"><h2>${w.comments}</h2>${comments}</section>
<footer><strong>${w.rule}.</strong> ${escapeHtml(RULE_TEXT[lang](MIN_N))}</footer>
</main></body></html>`
}
