// The collector's public API (`touchpoint-survey/collector`). Anything not listed is internal.
export { createCollector } from './server.js'
export type { Collector, CollectorOptions } from './server.js'
export { openStore, SchemaTooNewError, isSchemaTooNewError, StoreClosedError, LATEST_VERSION } from './storage/index.js'
export type {
  ResponseStore,
  StoredResponse,
  TimeRange,
  InsertResult,
  ScoreCount,
  CommentQuery,
  PageCursor,
  StoreOptions,
} from './storage/index.js'
export { checkBatch } from './validate.js'
export type { BatchCheck, CheckOptions } from './validate.js'
export { buildReport, reportFromStore, figures, MIN_N } from './report.js'
export type { Report, Figures, StageFigures, TouchpointFigures, Weakest, Comment, ReportOptions } from './report.js'
export { renderReportHtml, pickLanguage, escapeHtml } from './report-html.js'
export { toCsv, csvHeader, csvLines } from './csv.js'
export { createRateLimiter, parseRateLimit } from './rate-limit.js'
export { parseDateRange, DateRangeError } from './date-range.js'
export { settingsFromEnv, SettingError } from './env.js'
export { MissingDependencyError, isMissingDependencyError } from './missing-dependency-error.js'
export { mayReadReports, checkReportAccess } from './report-auth.js'
export type { ReportAccess } from './report-auth.js'
export { clientAddressResolver, parseTrustProxy } from './client-address.js'
export type { TrustProxy } from './client-address.js'
export { answerTimeProblem, DEFAULT_ANSWER_WINDOW } from './answer-time.js'
export type { AnswerWindow } from './answer-time.js'
export { keepDays } from './retention.js'
export type { ServerLimits } from './server-limits.js'
