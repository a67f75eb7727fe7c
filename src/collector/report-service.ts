import { createReportAdmission } from './report-admission.js'
import type { CommentFilter } from './report-comments.js'
import { reportCsv } from './report-csv.js'
import { renderReportHtml } from './report-html.js'
import type { ReportLanguage } from './report-i18n.js'
import { reportFromStore } from './report.js'
import type { ResponseStore, TimeRange } from './storage/index.js'

/** One report request, as the collector's main thread hands it to the report thread: already checked. */
export interface ReportRequest {
  /** `json` for /api/report, `html` for /report, `csv` for /report.csv. */
  view: 'json' | 'html' | 'csv'
  /** As parseDateRange read it from the query. */
  range: TimeRange
  commentFilter: CommentFilter
  lang: ReportLanguage
  /** The page's query string (`?from=…&lang=vi`), kept in the HTML page's links. */
  search: string
}

/**
 * Builds and renders reports over `store`, admitted as report-admission.ts says: identical
 * requests in flight (same range and comment filter, whatever the view) share one build, and
 * at most `buildsAtOnce` different builds run at once. Each request gets its own view of the
 * shared report, as text ready to send.
 *
 * @example
 * const reports = createReportService(store, 2)
 * const html = await reports.render({ view: 'html', range: {}, commentFilter: {}, lang: 'en', search: '' })
 */
export function createReportService(store: ResponseStore, buildsAtOnce?: number) {
  const admission = createReportAdmission(buildsAtOnce)
  let builds = 0
  return {
    async render(request: ReportRequest): Promise<string> {
      const { range, commentFilter } = request
      const key = JSON.stringify([range.from ?? null, range.to ?? null, commentFilter])
      const report = await admission.run(key, () => {
        builds++
        return reportFromStore(store, range, { commentFilter })
      })
      if (request.view === 'json') return JSON.stringify(report)
      if (request.view === 'csv') return reportCsv(report)
      return renderReportHtml(report, { lang: request.lang, query: new URLSearchParams(request.search) })
    },
    /** Builds started so far (shared requests count once). */
    get builds() {
      return builds
    },
  }
}
