import type { IncomingMessage, ServerResponse } from 'node:http'
import { toCsv } from './csv'
import { DateRangeError, parseDateRange } from './date-range'
import type { ResponseStore } from './db'
import { sendError, sendJson, sendText } from './http'
import type { RateLimiter } from './rate-limit'
import { buildReport } from './report'
import { readCredentials, reportIsConfigured, type ReportAccess } from './report-auth'
import { pickLanguage, renderReportHtml } from './report-html'
import { REPORT_HEADERS, REPORT_PAGE_CSP } from './security-headers'

export const REPORT_PATHS = ['/report', '/api/report', '/report.csv']

export interface ReportRouteContext {
  list: ResponseStore['list']
  access: ReportAccess
  /** Failed logins per client; over it every attempt gets 429, right or wrong. */
  loginThrottle: RateLimiter
  client: string
}

/**
 * `GET /report`, `/api/report` and `/report.csv`: closed (403) unless a password or token is
 * configured, 401 without the right credentials, 429 once a client has failed too often.
 */
export function handleReport(req: IncomingMessage, res: ServerResponse, url: URL, context: ReportRouteContext): void {
  const { access, loginThrottle, client } = context
  if (!reportIsConfigured(access)) {
    return sendError(res, 403, { error: 'the report is closed: set REPORT_PASSWORD or REPORT_TOKEN on the collector' }, REPORT_HEADERS)
  }
  // Checked before the credentials, so a throttled guesser cannot tell a right guess either.
  const throttled = loginThrottle.peek(client)
  if (!throttled.ok) {
    return sendError(res, 429, { error: 'too many failed logins, try again later' }, { ...REPORT_HEADERS, 'Retry-After': String(throttled.retryAfterSeconds) })
  }
  const credentials = readCredentials(req, access)
  if (credentials !== 'right') {
    if (credentials === 'wrong') loginThrottle.take(client)
    const challenge = access.password ? 'Basic realm="touchpoint report", charset="UTF-8"' : 'Bearer realm="touchpoint report"'
    return sendError(res, 401, { error: 'the report needs a password or token' }, { ...REPORT_HEADERS, 'WWW-Authenticate': challenge })
  }

  let range
  try {
    range = parseDateRange(url.searchParams)
  } catch (err) {
    if (err instanceof DateRangeError) return sendError(res, 400, { error: err.message }, REPORT_HEADERS)
    throw err
  }
  const answers = context.list(range)
  if (url.pathname === '/report.csv') {
    return sendText(res, 200, 'text/csv; charset=utf-8', toCsv(answers), {
      ...REPORT_HEADERS,
      'Content-Disposition': `attachment; filename="touchpoint-answers${range.from ? '-' + range.from.slice(0, 10) : ''}.csv"`,
    })
  }
  const report = buildReport(answers, range)
  if (url.pathname === '/api/report') return sendJson(res, 200, report, REPORT_HEADERS)
  const lang = pickLanguage(url.searchParams.get('lang'), req.headers['accept-language'])
  return sendText(res, 200, 'text/html; charset=utf-8', renderReportHtml(report, { lang, query: url.searchParams }), {
    ...REPORT_HEADERS,
    'Content-Security-Policy': REPORT_PAGE_CSP,
  })
}
