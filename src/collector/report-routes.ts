import type { IncomingMessage, ServerResponse } from 'node:http'
import { csvHeader, csvLines } from './csv'
import { DateRangeError, parseDateRange } from './date-range'
import { sendError, sendJson, sendText } from './http'
import { reportFromStore } from './report'
import { pickLanguage, renderReportHtml } from './report-html'
import type { PageCursor, ResponseStore, TimeRange } from './storage'

// Small enough that a page is a few hundred kilobytes at most, large enough to be few queries.
const CSV_PAGE = 2000

/**
 * `GET /api/report`, `/report` and `/report.csv` once the reader may see them. The figures come
 * from the database; the CSV is streamed page by page, so neither holds every answer in memory.
 */
export async function serveReport(req: IncomingMessage, res: ServerResponse, url: URL, store: ResponseStore): Promise<void> {
  let range: TimeRange
  try {
    range = parseDateRange(url.searchParams)
  } catch (err) {
    if (err instanceof DateRangeError) return sendError(res, 400, { error: err.message })
    throw err
  }
  if (url.pathname === '/report.csv') return streamCsv(res, store, range)
  const report = await reportFromStore(store, range)
  if (url.pathname === '/api/report') return sendJson(res, 200, report)
  const lang = pickLanguage(url.searchParams.get('lang'), req.headers['accept-language'])
  return sendText(res, 200, 'text/html; charset=utf-8', renderReportHtml(report, { lang, query: url.searchParams }), {
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'",
  })
}

async function streamCsv(res: ServerResponse, store: ResponseStore, range: TimeRange): Promise<void> {
  // The first page is read before the headers go out, so a database that cannot answer still gets a clean 5xx.
  let page = await store.page(range, null, CSV_PAGE)
  res.writeHead(200, {
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
