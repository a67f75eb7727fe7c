import type { SurveyDisplay, SurveyResponse } from '../shared/types.js'
import { toJson } from '../shared/to-json.js'

/** Bytes per request: keepalive bodies of a page share 64 KiB, so each stays under 60 KB. */
export const BEACON_BYTES = 60000

/**
 * Hands answers (and displays) to the browser while the page is being hidden or left. `sendBeacon` with a
 * `text/plain` body (no CORS preflight), else `fetch` with `keepalive`. Neither tells us the
 * server stored anything, so the answers stay in the outbox and go again by `fetch` on the
 * next page view; the collector ignores ids it already has. Never throws.
 *
 * @example
 * addEventListener('pagehide', () => beacon(endpoint, outbox.due(), displays.due()))
 */
export function beacon(endpoint: string, responses: SurveyResponse[], displays: SurveyDisplay[] = []): void {
  let batch: SurveyResponse[] = []
  let shown: SurveyDisplay[] = []
  let bytes = 0
  const send = () => {
    const body = toJson({ v: 1, sent_at: new Date().toISOString(), responses: batch, displays: shown })
    batch = []
    shown = []
    bytes = 0
    try {
      if (navigator.sendBeacon(endpoint, new Blob([body], { type: 'text/plain' }))) return
    } catch {
      // no sendBeacon (or it threw): try fetch
    }
    try {
      fetch(endpoint, { method: 'POST', body, keepalive: true }).catch(() => {})
    } catch {
      // nothing left to try: the answers stay in the outbox for the next page view
    }
  }
  // Answers first: when the page's keepalive budget runs out, displays are the ones left for later.
  for (const entry of [...responses, ...displays]) {
    const size = new Blob([toJson(entry)]).size + 1
    if (bytes && bytes + size > BEACON_BYTES - 100) send()
    if ('event' in entry) shown.push(entry)
    else batch.push(entry)
    bytes += size
  }
  if (bytes) send()
}
