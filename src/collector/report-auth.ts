import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * Whether a request may read the reports: always when no password is set, else when it
 * carries HTTP Basic credentials with that password (any user name). Comments can hold
 * shoppers' personal details, so a collector on the internet should set one.
 *
 * @example
 * mayReadReports(req, process.env.REPORT_PASSWORD) // → false without the right Authorization header
 */
export function mayReadReports(req: IncomingMessage, password: string | undefined): boolean {
  if (!password) return true
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(req.headers.authorization ?? '')
  if (!m) return false
  const decoded = Buffer.from(m[1], 'base64').toString('utf8')
  const given = Buffer.from(decoded.slice(decoded.indexOf(':') + 1))
  const wanted = Buffer.from(password)
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}
