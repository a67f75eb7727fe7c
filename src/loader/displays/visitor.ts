import type { Visitor } from '../../shared/types.js'
import type { SafeStorage } from '../lib/storage.js'
import { VISITORS } from '../../shared/vocabulary.js'

/** The widget's own key: the local day (days since 1970) it first saw this browser. No cookie. */
export const FIRST_SEEN_KEY = 'tp:v'

const DAY_MS = 864e5

/**
 * `returning` when the widget first saw this browser on an earlier local calendar day, else
 * `new`; records today as the first-seen day when none is kept (or what is kept cannot be
 * right: unreadable, negative, or later than today after a clock change). Called on every page view
 * once the browser is idle, so a shopper who saw no survey yesterday is still known today.
 * Storage refused (consent not given, blocked) lives in memory: every page view is `new`.
 *
 * @example
 * visitorOf(ctx.storage) // → 'new' on the first day, 'returning' from the next
 */
export function visitorOf(storage: SafeStorage, now = new Date()): Visitor {
  const today = Math.floor((+now - now.getTimezoneOffset() * 6e4) / DAY_MS)
  const kept = storage.get(FIRST_SEEN_KEY)
  // Nothing kept reads as NaN, never as day 0 (1970), which would make everyone returning.
  const first = kept ? +kept : NaN
  if (first >= 0 && first <= today) return VISITORS[+(first < today)]
  storage.set(FIRST_SEEN_KEY, String(today))
  return VISITORS[0]
}
