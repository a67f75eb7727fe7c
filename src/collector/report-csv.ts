import { DISPLAY_EVENTS } from '../shared/vocabulary.js'
import { csvRow } from './csv.js'
import type { Figures, Report } from './report.js'
import type { Rate } from './report-rates.js'

const HEADER = ['scope', 'stage', 'touchpoint', 'survey', 'measure', 'n', 'value', 'low', 'high'] as const

/**
 * The report's figures as CSV, a view of the same data as `/api/report`: one line per measure
 * per scope (overall, stage, touchpoint, survey), with n and the 95% interval, and the
 * response rates. Numbers only; the columns name what they are.
 *
 * @example
 * reportCsv(report).split('\r\n')[1] // → 'overall,,,,responses,590,590,,'
 */
export function reportCsv(report: Report): string {
  const lines: string[] = []
  const add = (scope: string, where: [string, string, string], figures: Figures) => {
    const line = (measure: string, n: number, value: number | null, ci: [number, number] | null = null) =>
      lines.push(csvRow([scope, ...where, measure, n, value, ci?.[0] ?? null, ci?.[1] ?? null]))
    line('responses', figures.responses, figures.responses)
    line('index', figures.index_n, figures.index, figures.index_ci)
    line('csat_mean', figures.csat.n, figures.csat.avg, figures.csat.ci)
    line('csat_satisfied_pct', figures.csat.n, figures.csat.satisfied_pct, figures.csat.satisfied_ci)
    line('nps', figures.nps.n, figures.nps.score, figures.nps.ci)
    line('emotion_mean', figures.emotion.n, figures.emotion.avg, figures.emotion.ci)
    line('ces_mean', figures.ces.n, figures.ces.avg, figures.ces.ci)
  }
  const rate = (scope: string, where: [string, string, string], r: Rate) => {
    for (const event of DISPLAY_EVENTS) lines.push(csvRow([scope, ...where, event, r.shown, r[event], null, null]))
    lines.push(csvRow([scope, ...where, 'answered', r.shown, r.answered, null, null]))
    lines.push(csvRow([scope, ...where, 'response_rate', r.shown, r.rate, r.ci?.[0] ?? null, r.ci?.[1] ?? null]))
  }
  add('overall', ['', '', ''], report.overall)
  for (const s of report.stages) add('stage', [s.stage, '', ''], s)
  for (const t of report.touchpoints) add('touchpoint', [t.stage, t.touchpoint, ''], t)
  for (const s of report.surveys) add('survey', [s.stage, s.touchpoint, s.survey], s)
  rate('overall', ['', '', ''], report.rates.overall)
  for (const r of report.rates.surveys) rate('survey', [r.stage, r.touchpoint, r.survey], r)
  return '\uFEFF' + HEADER.join(',') + '\r\n' + lines.join('')
}
