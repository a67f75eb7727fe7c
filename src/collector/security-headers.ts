/**
 * Headers on every report response (`/report`, `/api/report`, `/report.csv`, and their 401, 403
 * and 429): the report shows shoppers' comments, so no other site may frame it (clickjacking),
 * no browser may guess a script out of a CSV, and its URLs (with their date ranges) go to no
 * other site in a Referer.
 */
export const REPORT_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}

/** The HTML report's policy: inline styles and data: images only, no script at all, never framed. */
export const REPORT_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
