import { EMOTIONS, type Comment, type Figures, type Report, type TouchpointFigures } from './report.js'
import { journeyChart, sparkline } from './report-html-chart.js'
import { escapeHtml, formatter, rangeBar, type Formatter } from './report-html-format.js'
import { WORDS, type ReportLanguage, type ReportWords } from './report-i18n.js'
import type { Rate } from './report-rates.js'
import type { Change, PeriodFigures } from './report-trend.js'
import { REPORT_CSS } from './report-style.js'

export { escapeHtml } from './report-html-format.js'

export interface HtmlOptions {
  lang: ReportLanguage
  /** The page's query, kept in the language links and the CSV links. */
  query?: URLSearchParams
}

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
const meanTone = (x: number | null): Tone => (x === null ? 'none' : x >= 3.75 ? 'good' : x >= 3 ? 'fair' : 'poor')

/**
 * Renders the report data as the journey map a manager reads on a laptop or a phone: the
 * verdict on the weakest touchpoint in words, each figure with its 95% range drawn as a bar,
 * the curve of satisfaction and emotion along the stages, response rates, the trend, groups of
 * shoppers, comments; English or Vietnamese. Plain HTML and inline CSS, no script.
 *
 * @example
 * res.end(renderReportHtml(await reportFromStore(store), { lang: 'vi' }))
 */
export function renderReportHtml(report: Report, options: HtmlOptions): string {
  const { lang } = options
  const words = WORDS[lang]
  const format = formatter(words)
  const query = new URLSearchParams(options.query)
  const body = [
    header(report, words, format, query, lang),
    notices(report, words, format),
    verdict(report, words, format),
    kpis(report, words, format),
    chart(report, words, format),
    `<div class="journey">${report.stages.map((s, i) => stageColumn(report, s.stage, i, words, format)).join('')}</div>`,
    trend(report, words, format),
    segments(report, words, format),
    themes(report, words, format, query),
    comments(report, words, query),
    `<footer><h2>${words.rule}</h2><p>${escapeHtml(words.method(report.min_n, report.small_n))}</p></footer>`,
  ]
  return page(lang, words.title, body.join('\n'))
}

/**
 * A readable page for a report that cannot be shown (a bad date in the link), with the
 * reason and a way back; the API answers the same case with JSON.
 */
export function renderErrorHtml(message: string, lang: ReportLanguage): string {
  const words = WORDS[lang]
  return page(
    lang,
    words.errorTitle,
    `<section class="card notice info"><h1>${words.errorTitle}</h1><p>${escapeHtml(message)}</p><p><a class="btn" href="/report?lang=${lang}">${words.back}</a></p></section>`,
  )
}

const page = (lang: string, title: string, body: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${REPORT_CSS}</style></head><body><main>\n${body}\n</main></body></html>`

function header(
  report: Report,
  words: ReportWords,
  format: Formatter,
  query: URLSearchParams,
  lang: ReportLanguage,
): string {
  const link = (changes: Record<string, string>) => {
    const next = new URLSearchParams(query)
    for (const [k, v] of Object.entries(changes)) next.set(k, v)
    return escapeHtml('?' + next.toString())
  }
  const dates = new URLSearchParams()
  if (query.get('from')) dates.set('from', query.get('from')!)
  if (query.get('to')) dates.set('to', query.get('to')!)
  const datesQuery = dates.toString() ? '?' + escapeHtml(dates.toString()) : ''
  const range = rangeText(report, words)
  const current = (l: ReportLanguage) => (lang === l ? ' aria-current="page"' : '')
  return `<header><div><h1>${words.title}</h1><p class="sub">${words.subtitle}</p><p class="sub"><span class="nowrap">${escapeHtml(range)}</span> · <span class="nowrap">${format.answers(report.total)}</span></p></div>
<div class="tools"><nav class="lang"><a href="${link({ lang: 'en' })}"${current('en')}>EN</a><a href="${link({ lang: 'vi' })}"${current('vi')}>VI</a></nav>
<form method="get" action="/report"><input type="hidden" name="lang" value="${lang}"><label>${words.from} <input type="date" name="from" value="${escapeHtml(query.get('from') ?? '')}"></label><label>${words.to} <input type="date" name="to" value="${escapeHtml(query.get('to') ?? '')}"></label><button class="btn ghost">${words.apply}</button></form>
<a class="btn" href="/report.csv${datesQuery}" download>${words.csv}</a><a class="btn ghost" href="/answers.csv${datesQuery}" download>${words.answersCsv}</a></div></header>`
}

const rangeText = (report: Report, words: ReportWords) => {
  const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '')
  return report.range.from || report.range.to
    ? `${day(report.range.from) || '…'} → ${day(report.range.to) || '…'}`
    : words.allTime
}

function notices(report: Report, words: ReportWords, format: Formatter): string {
  const notes: string[] = []
  if (report.total > 0 && report.total < report.small_n) notes.push(words.fewNotice(format.answers(report.total)))
  if (report.rates.touchpoints.some((r) => r.cautions.includes('low-response-rate'))) notes.push(words.lowRateNotice)
  return notes.map((text) => `<p class="notice info">${escapeHtml(text)}</p>`).join('')
}

function verdict(report: Report, words: ReportWords, format: Formatter): string {
  const v = report.verdict
  if (v.status === 'too-few' || !v.lowest || !v.rest)
    return `<section class="card verdict info"><p>${escapeHtml(words.tooFew(report.min_n))}</p></section>`
  const name = words.touchpoints[v.lowest.touchpoint]
  const figures = report.touchpoints.find((t) => t.touchpoint === v.lowest!.touchpoint)!
  if (v.status === 'unclear') {
    const more = v.more_answers === null ? words.noGap : words.moreAnswers(format.num(v.more_answers))
    return `<section class="card verdict info"><div class="tag">${words.unclearTitle}</div><p>${escapeHtml(words.unclear(name, format.num(v.lowest.index), format.num(v.rest.index), format.answers(v.lowest.n)))} ${escapeHtml(more)}</p></section>`
  }
  const quotes = (report.weakest?.comments ?? []).map((c) => quote(c, words)).join('')
  return `<section class="card verdict fix"><div><div class="tag">${words.fixFirst}</div><div class="name">${escapeHtml(name)}</div><div class="n">${words.stages[v.lowest.stage]} · ${format.answers(figures.responses)}</div><p>${escapeHtml(words.clear(name, format.num(v.lowest.index), words.range95(format.num(figures.index_ci![0]), format.num(figures.index_ci![1])), format.num(v.rest.index)))}</p>${metrics(figures, words, format)}</div><div>${quotes || `<p class="empty">${words.noComments}</p>`}</div></section>`
}

function kpis(report: Report, words: ReportWords, format: Formatter): string {
  const o = report.overall
  const kpi = (label: string, value: string, note: string, tone: Tone | '' = '', bar = '') =>
    `<div class="card kpi"><div class="label">${label}</div><div class="value"><span class="chip ${tone}">${value}</span></div>${bar}<div class="note">${note}</div></div>`
  const rate = report.rates.overall
  const csat = o.csat.n
    ? kpi(
        words.csat,
        `${format.num(o.csat.avg!, 1)} / 5`,
        `${format.num(o.csat.satisfied_pct!)}% ${words.satisfied} (${format.range(o.csat.satisfied_ci)}%) · n=${format.num(o.csat.n)}`,
        csatTone(o.csat.avg),
        rangeBar(
          o.csat.avg,
          o.csat.ci,
          [1, 5],
          csatTone(o.csat.avg),
          words.range95(format.num(o.csat.ci![0], 1), format.num(o.csat.ci![1], 1)),
        ),
      )
    : kpi(words.csat, '–', words.noAnswers, 'none')
  const nps = o.nps.n
    ? kpi(
        words.nps,
        format.signed(o.nps.score!),
        `${format.range(o.nps.ci)} · ${format.num(o.nps.promoters)} ${words.promoters} · ${format.num(o.nps.detractors)} ${words.detractors} · n=${format.num(o.nps.n)}`,
        npsTone(o.nps.score),
        rangeBar(
          o.nps.score,
          o.nps.ci,
          [-100, 100],
          npsTone(o.nps.score),
          words.range95(format.num(o.nps.ci![0]), format.num(o.nps.ci![1])),
        ),
      )
    : kpi(words.nps, '–', words.noAnswers, 'none')
  const rates = rate.shown
    ? kpi(
        words.rates,
        format.percent(rate.rate!),
        escapeHtml(
          words.rateLine(
            format.percent(rate.rate!),
            `${format.range(rate.ci, 0, 100)}%`,
            format.num(rate.answered),
            format.num(rate.shown),
          ),
        ),
      )
    : kpi(words.rates, '–', escapeHtml(words.noDisplays), 'none')
  return `<section class="kpis">${kpi(words.index, o.index === null ? '–' : format.num(o.index), o.index === null ? words.noAnswers : `${words.range95(format.num(o.index_ci![0]), format.num(o.index_ci![1]))} · ${format.answers(report.total)}`, indexTone(o.index))}${csat}${nps}${rates}<div class="card kpi"><div class="label">${words.emotion}</div>${emotionBar(o, words, format)}${emotionLegend(o, words, format)}</div></section>`
}

function chart(report: Report, words: ReportWords, format: Formatter): string {
  const drawn = journeyChart(report, words, format)
  if (!drawn)
    return `<section class="card curve"><h2>${words.curve}</h2><p class="notice info">${words.noCurve}</p></section>`
  return `<section class="card curve"><h2>${words.curve}</h2><p class="note">${words.curveNote}</p>${drawn}</section>`
}

function emotionBar(f: Figures, words: ReportWords, format: Formatter): string {
  if (!f.emotion.n) return `<p class="empty">${words.noAnswers}</p>`
  const parts = EMOTIONS.map((e, i) => {
    const share = f.emotion[e] / f.emotion.n
    return share
      ? `<span class="e${i + 1}" style="width:${(share * 100).toFixed(2)}%" title="${escapeHtml(`${words.emotions[e]}: ${format.percent(share)}`)}"></span>`
      : ''
  })
  return `<div class="bar" role="img" aria-label="${escapeHtml(EMOTIONS.map((e) => `${words.emotions[e]} ${f.emotion[e]}`).join(', '))}">${parts.join('')}</div>`
}

const emotionLegend = (f: Figures, words: ReportWords, format: Formatter) =>
  f.emotion.n
    ? `<div class="legend">${EMOTIONS.map((e, i) => `<span><i class="e${i + 1}"></i>${words.emotions[e]} ${format.percent(f.emotion[e] / f.emotion.n)}</span>`).join('')}</div>`
    : ''

function metrics(f: Figures, words: ReportWords, format: Formatter): string {
  if (!f.responses) return `<p class="empty">${words.noAnswers}</p>`
  const label = (ci: [number, number] | null, digits: number) =>
    ci ? words.range95(format.num(ci[0], digits), format.num(ci[1], digits)) : ''
  const row = (label: string, n: number, value: string, tone: Tone, range: string, bar: string) =>
    `<div class="m"><span>${label} <span class="n">n=${format.num(n)}</span></span><span><span class="chip ${tone}">${value}</span> <span class="n nowrap">${range}</span></span></div>${bar}`
  const rows = [
    f.csat.n
      ? row(
          words.csat,
          f.csat.n,
          format.num(f.csat.avg!, 1),
          csatTone(f.csat.avg),
          format.range(f.csat.ci, 1),
          rangeBar(f.csat.avg, f.csat.ci, [1, 5], csatTone(f.csat.avg), label(f.csat.ci, 1)),
        )
      : '',
    f.csat.n
      ? `<div class="m sub"><span class="n">${format.num(f.csat.satisfied_pct!)}% ${words.satisfied}</span><span class="n nowrap">${format.range(f.csat.satisfied_ci)}%</span></div>`
      : '',
    f.nps.n
      ? row(
          words.nps,
          f.nps.n,
          format.signed(f.nps.score!),
          npsTone(f.nps.score),
          format.range(f.nps.ci),
          rangeBar(f.nps.score, f.nps.ci, [-100, 100], npsTone(f.nps.score), label(f.nps.ci, 0)),
        )
      : '',
    f.emotion.n
      ? row(
          words.emotion,
          f.emotion.n,
          format.num(f.emotion.avg!, 1),
          meanTone(f.emotion.avg),
          format.range(f.emotion.ci, 1),
          '',
        ) + emotionBar(f, words, format)
      : '',
    f.ces.n ? row(words.ces, f.ces.n, `${format.num(f.ces.avg!, 1)} / 7`, 'none', format.range(f.ces.ci, 1), '') : '',
  ]
  return rows.join('') + (f.few && f.index_n ? `<p class="caution">${words.caution['few-answers']}</p>` : '')
}

function rateLine(rate: Rate | undefined, words: ReportWords, format: Formatter): string {
  if (!rate || !rate.shown) return ''
  const cautions = rate.cautions.includes('low-response-rate')
    ? `<p class="caution">${words.caution['low-response-rate']}</p>`
    : ''
  return `<p class="rate">${escapeHtml(words.rateLine(format.percent(rate.rate!), `${format.range(rate.ci, 0, 100)}%`, format.num(rate.answered), format.num(rate.shown)))} · ${format.num(rate.dismissed)} ${words.dismissed}</p>${cautions}`
}

function stageColumn(
  report: Report,
  stage: Report['stages'][number]['stage'],
  i: number,
  words: ReportWords,
  format: Formatter,
): string {
  const s = report.stages.find((x) => x.stage === stage)!
  const cards = report.touchpoints.filter((t) => t.stage === stage).map((t) => touchpointCard(report, t, words, format))
  const indexChip =
    s.index === null
      ? ''
      : `<span class="chip ${indexTone(s.index)}" title="${words.index}">${format.num(s.index)}</span>`
  return `<section class="stage" aria-label="${escapeHtml(words.stages[stage])}"><div class="head ${indexTone(s.index)}"><div class="step">${i + 1} / 5</div><h3>${words.stages[stage]}</h3><div class="m"><span class="n">${format.answers(s.responses)}</span>${indexChip}</div>${rateLine(
    report.rates.stages.find((r) => r.stage === stage),
    words,
    format,
  )}${metrics(s, words, format)}</div>${cards.join('')}</section>`
}

function touchpointCard(report: Report, t: TouchpointFigures, words: ReportWords, format: Formatter): string {
  const weakest = report.weakest?.touchpoint === t.touchpoint
  const chip = weakest
    ? `<span class="badge">${words.fixFirst}</span>`
    : t.index === null
      ? ''
      : `<span class="chip ${indexTone(t.index)}" title="${words.index}">${format.num(t.index)}</span>`
  return `<article class="tp ${indexTone(t.index)}${weakest ? ' weakest' : ''}"><h4><span>${escapeHtml(words.touchpoints[t.touchpoint])} <span class="n nowrap">${format.answers(t.responses)}</span></span>${chip}</h4>${rateLine(
    report.rates.touchpoints.find((r) => r.touchpoint === t.touchpoint),
    words,
    format,
  )}${metrics(t, words, format)}</article>`
}

function changeText(change: Change, words: ReportWords, format: Formatter, unit: 'day' | 'week'): string {
  if (!change) return `<span class="n">${words.noChange}</span>`
  const tone = change.significant ? (change.change < 0 ? 'poor' : 'good') : 'none'
  return `<span class="chip ${tone}">${format.signed(change.change)}</span> <span class="n">${words.since[unit]} · ${change.significant ? words.moreThanNoise : words.withinNoise}</span>`
}

function trend(report: Report, words: ReportWords, format: Formatter): string {
  const t = report.trend
  if (!t.periods.length || !report.total) return ''
  const lastWithData = (periods: readonly PeriodFigures[]) => [...periods].reverse().find((p) => p.index.value !== null)
  const row = (name: string, periods: readonly PeriodFigures[]) => {
    const last = lastWithData(periods)
    if (!last) return ''
    return `<tr><th scope="row">${escapeHtml(name)}</th><td>${sparkline(periods)}</td><td><span class="chip ${indexTone(last.index.value)}">${format.num(last.index.value!)}</span> <span class="n nowrap">${format.range(last.index.ci)}</span></td><td>${changeText(last.change.index, words, format, t.unit)}</td></tr>`
  }
  const rows = [
    row(words.index, t.overall),
    ...t.stages.map((s) => row(words.stages[s.key], s.periods)),
    ...t.touchpoints.map((s) => row(words.touchpoints[s.key], s.periods)),
  ].join('')
  return `<section class="card trend"><h2>${words.trend} <span class="n">${t.unit === 'day' ? words.perDay : words.perWeek} · ${escapeHtml(t.periods[0])} → ${escapeHtml(t.periods[t.periods.length - 1])}</span></h2><table class="stack trend-table"><tbody>${rows}</tbody></table></section>`
}

function segments(report: Report, words: ReportWords, format: Formatter): string {
  if (!report.total) return ''
  const cell = (f: Figures) =>
    f.index === null
      ? '<td class="n">–</td>'
      : `<td><span class="chip ${indexTone(f.index)}">${format.num(f.index)}</span> <span class="n nowrap">${format.range(f.index_ci)}</span></td>`
  const head = `<tr><th></th><th>${words.index}</th>${report.stages.map((s) => `<th>${words.stages[s.stage]}</th>`).join('')}</tr>`
  const rows = report.segments
    .map(
      (s) =>
        `<tr><th scope="row">${words.segmentKeys[s.key]}: ${escapeHtml(words.segmentValues[s.value] ?? s.value)} <span class="n nowrap">${format.answers(s.overall.responses)}</span></th>${cell(s.overall)}${s.stages.map(cell).join('')}</tr>`,
    )
    .join('')
  const journeys = report.nps_journeys.filter((j) => j.group !== 'passive')
  const npsRows = journeys
    .map(
      (j) =>
        `<tr><th scope="row">${words.group[j.group]} <span class="n nowrap">${format.answers(j.n)}</span></th><td></td>${j.stages.map((s) => (s.share === null ? '<td class="n">–</td>' : `<td>${format.percent(s.share)} <span class="n nowrap">${format.range(s.ci, 0, 100)}%</span></td>`)).join('')}</tr>`,
    )
    .join('')
  return `<section class="card segments"><h2>${words.segments}</h2><div class="scroll"><table><thead>${head}</thead><tbody>${rows}</tbody></table></div><h2>${words.npsJourney}</h2><p class="note">${words.npsJourneyNote}</p><div class="scroll"><table><thead>${head}</thead><tbody>${npsRows}</tbody></table></div></section>`
}

const quote = (c: Comment, words: ReportWords) =>
  `<blockquote>“${escapeHtml(c.comment)}” <span class="n">— ${escapeHtml(words.kinds[c.kind])} ${c.score} · ${escapeHtml(c.locale)} · ${escapeHtml(c.at.slice(0, 10))}</span></blockquote>`

const THEMES_SHOWN = 12

function themes(report: Report, words: ReportWords, format: Formatter, query: URLSearchParams): string {
  if (!report.themes_from) return ''
  const link = (touchpoint: string, key: string) => {
    const next = new URLSearchParams(query)
    next.set('touchpoint', touchpoint)
    next.set('theme', key)
    return escapeHtml('?' + next.toString() + '#comments')
  }
  // The themes most said with a low score first: what to read before anything else.
  const shown = [...report.themes]
    .sort((a, b) => b.count * b.low_share - a.count * a.low_share || b.count - a.count)
    .slice(0, THEMES_SHOWN)
  const rows = shown
    .map(
      (t) =>
        `<tr><td>${escapeHtml(words.touchpoints[t.touchpoint])}</td><td><a href="${link(t.touchpoint, t.key)}"><strong>${escapeHtml(t.wordings[0] ?? t.key)}</strong></a>${t.wordings.length > 1 ? ` <span class="n">(${escapeHtml(t.wordings.slice(1).join(', '))})</span>` : ''}</td><td class="nowrap">${escapeHtml(words.themeLine(words.commentCount(format.num(t.count), t.count), format.percent(t.low_share)))}</td><td class="c">${t.examples
          .slice(0, 2)
          .map((c) => `<span lang="${escapeHtml(c.locale)}">“${escapeHtml(c.comment)}”</span>`)
          .join(' ')}</td></tr>`,
    )
    .join('')
  const body = rows ? `<table class="stack"><tbody>${rows}</tbody></table>` : `<p class="empty">${words.noThemes}</p>`
  return `<section class="card themes"><h2>${words.themes}</h2><p class="note">${escapeHtml(words.themesNote(words.commentCount(format.num(report.themes_from), report.themes_from)))}</p>${body}</section>`
}

function commentFilterForm(report: Report, words: ReportWords, query: URLSearchParams): string {
  const filter = report.comment_filter
  const option = (value: string, label: string, selected: boolean) =>
    `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`
  const kept = ['lang', 'from', 'to']
    .map((name) =>
      query.get(name) ? `<input type="hidden" name="${name}" value="${escapeHtml(query.get(name))}">` : '',
    )
    .join('')
  const touchpoints = [
    option('', words.anyTouchpoint, !filter.touchpoint),
    ...report.touchpoints.map((t) =>
      option(t.touchpoint, words.touchpoints[t.touchpoint], filter.touchpoint === t.touchpoint),
    ),
  ]
  const groups = [
    option('', words.anyGroup, !filter.group),
    ...(['low', 'neutral', 'high'] as const).map((g) => option(g, words.groups[g], filter.group === g)),
  ]
  const themeKeys = [...new Set(report.themes.map((t) => t.key))]
  const themeOptions = [
    option('', words.anyTheme, !filter.theme),
    ...themeKeys.map((key) =>
      option(key, report.themes.find((t) => t.key === key)!.wordings[0] ?? key, filter.theme === key),
    ),
  ]
  return `<form class="filter" method="get" action="/report#comments">${kept}<label>${words.filter} <select name="touchpoint">${touchpoints.join('')}</select></label><select name="group" aria-label="${words.score}">${groups.join('')}</select><select name="theme" aria-label="${words.themes}">${themeOptions.join('')}</select><input type="search" name="q" value="${escapeHtml(filter.search ?? '')}" placeholder="${words.search}" aria-label="${words.search}"><button class="btn ghost">${words.apply}</button></form>`
}

function comments(report: Report, words: ReportWords, query: URLSearchParams): string {
  const list = report.comments
  const filtered = Object.keys(report.comment_filter).length > 0
  const head = `<h2>${words.comments}</h2>${report.themes_from ? commentFilterForm(report, words, query) : ''}`
  if (!list.length)
    return `<section class="card comments" id="comments">${head}<p class="empty">${filtered ? words.noMatch : words.noComments}</p></section>`
  const rows = list
    .map(
      (c) =>
        `<tr><td class="nowrap">${escapeHtml(c.at.slice(0, 16).replace('T', ' '))}</td><td>${escapeHtml(words.touchpoints[c.touchpoint] ?? c.touchpoint)}</td><td class="nowrap">${escapeHtml(words.kinds[c.kind])} ${c.score}</td><td class="c" lang="${escapeHtml(c.locale)}">${escapeHtml(c.comment)}</td></tr>`,
    )
    .join('')
  return `<section class="card comments" id="comments">${head}<table class="stack"><thead><tr><th>${words.when}</th><th>${words.where}</th><th>${words.score}</th><th>${words.comment}</th></tr></thead><tbody>${rows}</tbody></table></section>`
}
