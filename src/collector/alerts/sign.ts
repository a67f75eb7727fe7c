import { createHmac, timingSafeEqual } from 'node:crypto'

/** The headers a signed alert carries. */
export const SIGNATURE_HEADER = 'X-Touchpoint-Signature'
export const TIMESTAMP_HEADER = 'X-Touchpoint-Timestamp'

/**
 * The signature of one alert: HMAC-SHA256 with the shared secret over `<timestamp>.<body>`, hex,
 * as `sha256=<hex>`. The timestamp (Unix seconds, in its own header) is signed too, so a
 * receiver can refuse an old message replayed.
 *
 * @example
 * signAlert('s3cret', '1764237600', '{"type":"low_scores"}') // → 'sha256=…'
 */
export function signAlert(secret: string, timestamp: string, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
}

/**
 * What a receiver runs: whether the signature matches, compared in constant time.
 *
 * @example
 * verifyAlert('s3cret', req.headers['x-touchpoint-timestamp'], rawBody, req.headers['x-touchpoint-signature'])
 */
export function verifyAlert(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signAlert(secret, timestamp, body))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
