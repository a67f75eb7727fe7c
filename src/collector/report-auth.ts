import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { SettingError } from './setting-error.js'

/** Who may read the reports: HTTP Basic with `password` (any user name) and/or `Authorization: Bearer <token>`. */
export interface ReportAccess {
  password?: string
  token?: string
}

/** What a request brings: no credentials, the right ones, or wrong ones (which count towards the login throttle). */
export type Credentials = 'none' | 'right' | 'wrong'

/**
 * Refuses a password or token that is set but empty: an empty `REPORT_PASSWORD=` is a mistake
 * in a deployment file, and reading it as "no password" would open the reports to everyone.
 */
export function checkReportAccess(access: ReportAccess): void {
  for (const [name, value] of [
    ['REPORT_PASSWORD (reportPassword)', access.password],
    ['REPORT_TOKEN (reportToken)', access.token],
  ]) {
    if (value !== undefined && !value.trim())
      throw new SettingError(`${name} is set but empty: set a real one, or leave it out to keep the report closed`)
  }
}

/** Whether any way in is configured; without one the report routes stay closed. */
export const reportIsConfigured = (access: ReportAccess) => Boolean(access.password || access.token)

// Digests have one length, so comparing them leaks neither the secret nor its length.
const sameSecret = (given: string, wanted: string) =>
  timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(wanted).digest())

/**
 * Reads the request's credentials against the configured access.
 *
 * @example
 * readCredentials(req, { password: process.env.REPORT_PASSWORD }) // → 'none' without an Authorization header
 */
export function readCredentials(req: IncomingMessage, access: ReportAccess): Credentials {
  const header = req.headers.authorization ?? ''
  if (!header.trim()) return 'none'
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header)
  if (basic && access.password) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8')
    return sameSecret(decoded.slice(decoded.indexOf(':') + 1), access.password) ? 'right' : 'wrong'
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)
  if (bearer && access.token) return sameSecret(bearer[1], access.token) ? 'right' : 'wrong'
  return 'wrong'
}

/**
 * Whether a request may read the reports: never when no password or token is configured,
 * else when it carries the right one. Comments can hold shoppers' personal details.
 *
 * @example
 * mayReadReports(req, { password: process.env.REPORT_PASSWORD }) // → false without the right Authorization header
 */
export const mayReadReports = (req: IncomingMessage, access: ReportAccess): boolean =>
  reportIsConfigured(access) && readCredentials(req, access) === 'right'
