/** How far an answer's `at` may lie from the collector's clock. */
export interface AnswerWindow {
  /** Oldest accepted answer, in days. */
  maxAgeDays: number
  /** Furthest accepted answer ahead of the clock, in hours (shoppers' clocks are often wrong). */
  maxAheadHours: number
}

/**
 * 90 days back: the widget's outbox keeps an answer until a 2xx, so a shopper who comes back
 * after an outage or a holiday delivers answers days or weeks old (Safari may clear storage
 * after 7 days unused; Chrome and Firefox keep it). 24 hours ahead covers a device clock set to
 * the wrong day or time zone.
 */
export const DEFAULT_ANSWER_WINDOW: AnswerWindow = { maxAgeDays: 90, maxAheadHours: 24 }

const HOUR_MS = 3_600_000

/**
 * Why an answer's time cannot be right, or `null` when it can. An answer dated far off would
 * skew the report's date ranges and slip past the retention period.
 *
 * @example
 * answerTimeProblem('2030-01-01T00:00:00Z', Date.parse('2026-11-23T10:00:00Z'), DEFAULT_ANSWER_WINDOW)
 * // → 'is more than 24 hours ahead of the collector's clock'
 */
export function answerTimeProblem(at: string, now: number, window: AnswerWindow): string | null {
  const time = Date.parse(at)
  if (Number.isNaN(time)) return 'must be an ISO 8601 date-time'
  if (time - now > window.maxAheadHours * HOUR_MS)
    return `is more than ${window.maxAheadHours} hours ahead of the collector's clock`
  if (now - time > window.maxAgeDays * 24 * HOUR_MS) return `is more than ${window.maxAgeDays} days old`
  return null
}
