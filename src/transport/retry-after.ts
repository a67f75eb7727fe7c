/**
 * A `Retry-After` header in ms: delta-seconds or an HTTP date; undefined when absent or unreadable.
 *
 * @example
 * retryAfterMs('120') // → 120000
 */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value || !value.trim()) return undefined
  const seconds = Number(value)
  const ms = Number.isNaN(seconds) ? Date.parse(value) - now : seconds * 1000
  return Number.isNaN(ms) ? undefined : Math.max(0, ms)
}
