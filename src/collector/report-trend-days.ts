/**
 * Ranges up to this many days are shown per day; longer ones per week (Monday to Sunday, UTC).
 * Two weeks, not a month: a touchpoint with a few answers a day has no index on most days of a
 * month, while its weeks each have one.
 */
export const DAILY_UP_TO_DAYS = 14

const DAY_MS = 86_400_000
const spanInDays = (first: string, last: string) => (Date.parse(last) - Date.parse(first)) / DAY_MS + 1

/**
 * Whether a trend from `first` to `last` (`YYYY-MM-DD`, both included) is shown per day or per week.
 *
 * @example
 * trendUnit('2026-11-01', '2026-11-14') // → 'day'
 */
export const trendUnit = (first: string, last: string): 'day' | 'week' =>
  spanInDays(first, last) <= DAILY_UP_TO_DAYS ? 'day' : 'week'

/**
 * The `YYYY-MM-DD` day `count` days after `day` (before it when negative).
 *
 * @example
 * addDays('2026-11-30', 1) // → '2026-12-01'
 */
export const addDays = (day: string, count: number) =>
  new Date(Date.parse(day) + count * DAY_MS).toISOString().slice(0, 10)

/**
 * The Monday (UTC) of a `YYYY-MM-DD` day: where its week starts (queries.ts `mondaySql` in the database).
 *
 * @example
 * mondayOf('2026-11-29') // → '2026-11-23'
 */
export function mondayOf(day: string): string {
  const weekday = (new Date(day).getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  return addDays(day, -weekday)
}
