import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Whether answers from this page's origin are accepted: listed in `allowOrigins`, `*` there,
 * or the collector's own origin (the demo store and a same-site collector need no list).
 *
 * @example
 * isAllowedOrigin('https://shop.example', ['https://shop.example'], 'collect.example') // → true
 */
export function isAllowedOrigin(origin: string, allowOrigins: string[], host: string | undefined): boolean {
  if (allowOrigins.includes('*') || allowOrigins.includes(origin)) return true
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}

/**
 * Sets the CORS headers for an allowed origin. The widget sends only `Content-Type`
 * (`text/plain`, so its fetch and beacons need no preflight at all); other senders may send JSON.
 */
export function setCorsHeaders(req: IncomingMessage, res: ServerResponse, preflight: boolean): void {
  res.setHeader('Vary', 'Origin')
  const origin = req.headers.origin
  if (!origin) return
  res.setHeader('Access-Control-Allow-Origin', origin)
  // Beacons always carry credentials; allowing them costs nothing since no cookie is read.
  res.setHeader('Access-Control-Allow-Credentials', 'true')
  // Without it a widget on the store's origin cannot read how long a 429 or 503 asks it to wait,
  // and falls back to its own backoff.
  if (!preflight) res.setHeader('Access-Control-Expose-Headers', 'Retry-After')
  if (preflight) {
    res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS')
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type')
    res.setHeader('Access-Control-Max-Age', '86400')
  }
}
