/** A `from`/`to` filter that could not be read. */
export class DateRangeError extends Error {
  readonly name = 'DateRangeError'
}

/**
 * Reads the report's `from` and `to` query parameters into inclusive ISO 8601 bounds.
 * A bare date covers its whole day in UTC (`to=2026-11-30` includes the 30th).
 *
 * @example
 * parseDateRange(new URLSearchParams('from=2026-11-01&to=2026-11-30'))
 * // → { from: '2026-11-01T00:00:00.000Z', to: '2026-11-30T23:59:59.999Z' }
 */
export function parseDateRange(query: URLSearchParams): { from: string | null; to: string | null } {
  const from = bound(query.get('from'), 'from', false)
  const to = bound(query.get('to'), 'to', true)
  if (from && to && from > to) throw new DateRangeError('from must not be after to')
  return { from, to }
}

function bound(value: string | null, name: string, endOfDay: boolean): string | null {
  if (!value) return null
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value)
  const t = Date.parse(dateOnly ? `${value}T00:00:00.000Z` : value)
  if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new DateRangeError(`${name} must be a date (2026-11-30) or an ISO 8601 date-time`)
  }
  return new Date(dateOnly && endOfDay ? t + 86_399_999 : t).toISOString()
}
