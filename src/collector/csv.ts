import type { SurveyResponse } from '../types'

const COLUMNS = ['id', 'at', 'stage', 'touchpoint', 'survey', 'kind', 'score', 'emotion', 'comment', 'locale', 'url'] as const

/**
 * The answers as CSV for a spreadsheet: a UTF-8 byte order mark so Excel reads Vietnamese
 * correctly, CRLF line ends, quotes where needed, and any text cell that a spreadsheet would
 * run as a formula (`=`, `+`, `-`, `@`, tab, CR at the start) prefixed with `'` — comments
 * come from strangers.
 *
 * @example
 * toCsv(store.list()) // → '\uFEFFid,at,stage,…\r\n3b0c…,2026-11-23T09:59:58.000Z,decision,…\r\n'
 */
export function toCsv(responses: SurveyResponse[]): string {
  const lines = [COLUMNS.join(',')]
  for (const r of responses) lines.push(COLUMNS.map((c) => cell(r[c])).join(','))
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
