import type { SurveyResponse } from '../shared/types.js'

const COLUMNS = [
  'id',
  'at',
  'stage',
  'touchpoint',
  'survey',
  'kind',
  'score',
  'emotion',
  'comment',
  'locale',
  'url',
] as const

/**
 * The answers as CSV for a spreadsheet: a UTF-8 byte order mark so Excel reads Vietnamese
 * correctly, CRLF line ends, quotes where needed, and any text cell that a spreadsheet would
 * run as a formula (`=`, `+`, `-`, `@`, tab, CR at the start) prefixed with `'` — comments
 * come from strangers.
 *
 * @example
 * toCsv(answers) // → '\uFEFFid,at,stage,…\r\n3b0c…,2026-11-23T09:59:58.000Z,decision,…\r\n'
 */
export function toCsv(responses: SurveyResponse[]): string {
  return csvHeader() + csvLines(responses)
}

/** The byte order mark and the header line: the start of a CSV streamed page by page. */
export const csvHeader = () => '\uFEFF' + COLUMNS.join(',') + '\r\n'

/** One CSV line per answer, each ending in CRLF. */
export function csvLines(responses: SurveyResponse[]): string {
  let text = ''
  for (const r of responses) text += csvRow(COLUMNS.map((c) => r[c]))
  return text
}

/** One CSV line of these values, quoted and defused as every cell here, ending in CRLF. */
export const csvRow = (values: readonly unknown[]): string => values.map(cell).join(',') + '\r\n'

function cell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
