import type { SurveyResponse } from '../../shared/types.js'
import { toJson } from '../../shared/to-json.js'

/** Bytes per request: keepalive bodies of a page share 64 KiB, so each stays under 60 KB. */
export const BEACON_BYTES = 60000

/**
 * Hands answers to the browser while the page is being hidden or left. `sendBeacon` with a
 * `text/plain` body (no CORS preflight), else `fetch` with `keepalive`. Neither tells us the
 * server stored anything, so the answers stay in the outbox and go again by `fetch` on the
 * next page view; the collector ignores ids it already has. Never throws.
 *
 * @example
 * addEventListener('pagehide', () => beacon(endpoint, outbox.due()))
 */
export function beacon(endpoint: string, responses: SurveyResponse[]): void {
  let batch: SurveyResponse[] = []
  let bytes = 0
  const send = () => {
    const body = toJson({ v: 1, sent_at: new Date().toISOString(), responses: batch })
    batch = []
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
  for (const response of responses) {
    const size = new Blob([toJson(response)]).size + 1
    if (batch.length && bytes + size > BEACON_BYTES - 100) send()
    batch.push(response)
    bytes += size
  }
  if (batch.length) send()
}
