import type { IncomingMessage, ServerResponse } from 'node:http'
import { csvHeader, csvLines } from './csv.js'
import { DateRangeError, parseDateRange } from './date-range.js'
import { sendError, sendText } from './http.js'
import type { RateLimiter } from './rate-limit.js'
import { readCredentials, reportIsConfigured, type ReportAccess } from './report-auth.js'
import { CommentFilterError, parseCommentFilter, type CommentFilter } from './report-comments.js'
import { pickLanguage, renderErrorHtml } from './report-html.js'
import type { ReportRequest } from './report-service.js'
import { ReportThreadStoppedError, type ReportThread } from './report-thread.js'
import { REPORT_HEADERS, REPORT_PAGE_CSP } from './security-headers.js'
import type { PageCursor, ResponseStore, TimeRange } from './storage/index.js'

export const REPORT_PATHS = ['/report', '/api/report', '/report.csv', '/answers.csv']

// Small enough that a page is a few hundred kilobytes at most, large enough to be few queries.
const CSV_PAGE = 2000

export interface ReportRouteContext {
  store: ResponseStore
  access: ReportAccess
  /** Failed logins per client; over it every attempt gets 429, right or wrong. */
  loginThrottle: RateLimiter
  client: string
  /** Builds and renders the figures off the event loop, sharing identical builds (report-thread.ts). */
  reports: ReportThread
}

/**
 * `GET /report`, `/api/report`, `/report.csv` (the figures) and `/answers.csv` (every answer): closed (403) unless a password or token is
 * configured, 401 without the right credentials, 429 once a client has failed too often.
 * The figures come from the database; the CSV is streamed page by page, so neither holds
 * every answer in memory.
 */
export async function handleReport(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  context: ReportRouteContext,
): Promise<void> {
  const { access, loginThrottle, client, store } = context
  if (!reportIsConfigured(access)) {
    return sendError(
      res,
      403,
      { error: 'the report is closed: set REPORT_PASSWORD or REPORT_TOKEN on the collector' },
      REPORT_HEADERS,
    )
  }
  // Checked before the credentials, so a throttled guesser cannot tell a right guess either.
  const throttled = loginThrottle.peek(client)
  if (!throttled.ok) {
    return sendError(
      res,
      429,
      { error: 'too many failed logins, try again later' },
      { ...REPORT_HEADERS, 'Retry-After': String(throttled.retryAfterSeconds) },
    )
  }
  const credentials = readCredentials(req, access)
  if (credentials !== 'right') {
    if (credentials === 'wrong') loginThrottle.take(client)
    const challenge = access.password
      ? 'Basic realm="touchpoint report", charset="UTF-8"'
      : 'Bearer realm="touchpoint report"'
    return sendError(
      res,
      401,
      { error: 'the report needs a password or token' },
      { ...REPORT_HEADERS, 'WWW-Authenticate': challenge },
    )
  }

  const lang = pickLanguage(url.searchParams.get('lang'), req.headers['accept-language'])
  const html = (status: number, text: string | Uint8Array) =>
    sendText(res, status, 'text/html; charset=utf-8', text, {
      ...REPORT_HEADERS,
      'Content-Security-Policy': REPORT_PAGE_CSP,
    })
  let range: TimeRange
  let commentFilter: CommentFilter
  try {
    range = parseDateRange(url.searchParams)
    commentFilter = parseCommentFilter(url.searchParams)
  } catch (err) {
    if (!(err instanceof DateRangeError) && !(err instanceof CommentFilterError)) throw err
    // A person following a link gets a page to read; a program gets the reason as JSON.
    if (url.pathname === '/report') return html(400, renderErrorHtml(err.message, lang))
    return sendError(res, 400, { error: err.message }, REPORT_HEADERS)
  }
  if (url.pathname === '/answers.csv') return streamCsv(res, store, range)
  // /api/report is the data; the HTML page and /report.csv are views of it. The report thread
  // builds it once per distinct range and filter at a time, shared by every request that asks
  // for it meanwhile, and renders each request's view (JSON, HTML in any language, CSV).
  const view: ReportRequest['view'] =
    url.pathname === '/api/report' ? 'json' : url.pathname === '/report.csv' ? 'csv' : 'html'
  let body: Uint8Array
  try {
    body = await context.reports.render({ view, range, commentFilter, lang, search: url.search })
  } catch (err) {
    if (!(err instanceof ReportThreadStoppedError)) throw err
    // The next request starts a new thread; collection never waited for this one.
    return sendError(res, 503, { error: `the report is unavailable: ${err.message}` }, REPORT_HEADERS)
  }
  if (view === 'json') return sendText(res, 200, 'application/json; charset=utf-8', body, REPORT_HEADERS)
  if (view === 'csv') {
    return sendText(res, 200, 'text/csv; charset=utf-8', body, {
      ...REPORT_HEADERS,
      'Content-Disposition': `attachment; filename="touchpoint-report${range.from ? '-' + range.from.slice(0, 10) : ''}.csv"`,
    })
  }
  return html(200, body)
}

async function streamCsv(res: ServerResponse, store: ResponseStore, range: TimeRange): Promise<void> {
  // The first page is read before the headers go out, so a database that cannot answer still gets a clean 5xx.
  let page = await store.page(range, null, CSV_PAGE)
  res.writeHead(200, {
    ...REPORT_HEADERS,
    'Content-Type': 'text/csv; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Disposition': `attachment; filename="touchpoint-answers${range.from ? '-' + range.from.slice(0, 10) : ''}.csv"`,
  })
  if (res.req.method === 'HEAD') return void res.end()
  res.write(csvHeader())
  for (;;) {
    if (page.length && !res.write(csvLines(page))) await waitForDrain(res)
    if (page.length < CSV_PAGE || res.destroyed) break
    const last = page[page.length - 1]
    const cursor: PageCursor = { at: last.at, id: last.id }
    page = await store.page(range, cursor, CSV_PAGE)
  }
  res.end()
}

const waitForDrain = (res: ServerResponse) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.once('drain', done)
    res.once('close', done)
  })
