import type { SurveyDisplay, SurveyResponse } from '../../shared/types.js'
import { toJson } from '../../shared/to-json.js'

/**
 * The loader's last resort when a page is hidden or left before the transport chunk arrived
 * (still on its way, or blocked by an extension): this page view's own answers and displays, as one
 * `text/plain` beacon (no CORS preflight). They are objects the loader built, so nothing from
 * storage is read or checked, and a page view's answers are far below the 64 KiB a page may
 * beacon. The transport chunk's beacon (src/transport/beacon.ts) does the full work when it is
 * there. Never throws: the answers stay in the outbox for the next page view either way.
 *
 * @example
 * if (!courier) beaconAnswers(endpoint, [answer, display])
 */
export function beaconAnswers(endpoint: string, entries: (SurveyResponse | SurveyDisplay)[]): void {
  try {
    const displays = entries.filter((entry) => 'event' in entry)
    const responses = entries.filter((entry) => !('event' in entry))
    const body = toJson({ v: 1, sent_at: new Date().toISOString(), responses, displays })
    navigator.sendBeacon(endpoint, new Blob([body], { type: 'text/plain' }))
  } catch {
    // no sendBeacon, or the page broke it: the answers wait in storage
  }
}
