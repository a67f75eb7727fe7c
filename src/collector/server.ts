import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { handleCollect } from './collect'
import { isAllowedOrigin, setCorsHeaders } from './cors'
import { toCsv } from './csv'
import { DateRangeError, parseDateRange } from './date-range'
import { openStore, type ResponseStore } from './db'
import { clientAddress, sendError, sendJson, sendText } from './http'
import { createRateLimiter, type RateLimitOptions } from './rate-limit'
import { buildReport } from './report'
import { mayReadReports } from './report-auth'
import { pickLanguage, renderReportHtml } from './report-html'
import { serveStatic } from './static-files'

export interface CollectorOptions {
  /** SQLite file; created when missing. */
  dbPath: string
  /** Page origins allowed to send answers (`https://shop.example`), or `*`. Same-origin is always allowed. Default `['*']`. */
  allowOrigins?: string[]
  /** Largest accepted body, in bytes. Default 1 MiB. */
  maxBodyBytes?: number
  /** Per-client limit on `POST /collect`; `null` turns it off. Default 120 a minute. */
  rateLimit?: RateLimitOptions | null
  /** Take the client address from `X-Forwarded-For` (only behind a proxy you run). */
  trustProxy?: boolean
  /** When set, `/report`, `/api/report` and `/report.csv` ask for this password (HTTP Basic, any user name). */
  reportPassword?: string
  /** Serve the files of this folder at the root path (the demo serves dist/ this way). */
  staticDir?: string
  /** Handles every other request (the demo store); default 404. */
  fallback?: (req: IncomingMessage, res: ServerResponse, url: URL) => void
  /** Where warnings go. Default `console.warn`. */
  log?: (message: string) => void
}

export interface Collector {
  server: Server
  store: ResponseStore
  /** Listens on `port` (0 picks a free one); resolves with the URL to print. */
  listen(port: number, host?: string): Promise<{ port: number; url: string }>
  /** Stops accepting requests, then closes the database. */
  close(): Promise<void>
}

/**
 * The reference collector: `POST /collect`, `GET /api/report`, `GET /report`,
 * `GET /report.csv` and `GET /healthz` on one `node:http` server, answers in SQLite.
 *
 * @example
 * const collector = createCollector({ dbPath: './touchpoint.db', allowOrigins: ['https://shop.example'] })
 * const { url } = await collector.listen(8080)
 * console.log(`report at ${url}/report`)
 */
export function createCollector(options: CollectorOptions): Collector {
  const allowOrigins = options.allowOrigins ?? ['*']
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024
  const log = options.log ?? ((m: string) => console.warn(`[touchpoint-collector] ${m}`))
  const limiter = options.rateLimit === null ? null : createRateLimiter(options.rateLimit ?? { perMinute: 120 })
  const store = openStore(options.dbPath)

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://collector.invalid')
    const path = url.pathname

    if (path === '/collect') {
      const origin = req.headers.origin
      if (origin && !isAllowedOrigin(origin, allowOrigins, req.headers.host)) {
        req.resume()
        return sendError(res, 403, { error: `origin ${origin} is not in the allow-list` })
      }
      if (req.method === 'OPTIONS') {
        setCorsHeaders(req, res, true)
        res.writeHead(204).end()
        return
      }
      setCorsHeaders(req, res, false)
      if (req.method !== 'POST') return sendError(res, 405, { error: 'use POST' }, { Allow: 'POST, OPTIONS' })
      if (limiter) {
        const taken = limiter.take(clientAddress(req, options.trustProxy ?? false))
        if (!taken.ok) {
          req.resume()
          return sendError(res, 429, { error: 'too many requests' }, { 'Retry-After': String(taken.retryAfterSeconds) })
        }
      }
      return handleCollect(req, res, store, maxBodyBytes, log)
    }

    if (req.method === 'GET' || req.method === 'HEAD') {
      if (path === '/healthz') return sendJson(res, 200, { ok: true, responses: store.count() })
      if (path === '/api/report' || path === '/report' || path === '/report.csv') {
        if (!mayReadReports(req, options.reportPassword)) {
          return sendError(res, 401, { error: 'the report needs a password' }, { 'WWW-Authenticate': 'Basic realm="touchpoint report", charset="UTF-8"' })
        }
        let range
        try {
          range = parseDateRange(url.searchParams)
        } catch (err) {
          if (err instanceof DateRangeError) return sendError(res, 400, { error: err.message })
          throw err
        }
        const answers = store.list(range)
        if (path === '/report.csv') {
          return sendText(res, 200, 'text/csv; charset=utf-8', toCsv(answers), {
            'Content-Disposition': `attachment; filename="touchpoint-answers${range.from ? '-' + range.from.slice(0, 10) : ''}.csv"`,
          })
        }
        const report = buildReport(answers, range)
        if (path === '/api/report') return sendJson(res, 200, report)
        const lang = pickLanguage(url.searchParams.get('lang'), req.headers['accept-language'])
        return sendText(res, 200, 'text/html; charset=utf-8', renderReportHtml(report, { lang, query: url.searchParams }), {
          'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'",
        })
      }
    }

    if (options.staticDir && serveStatic(req, res, options.staticDir, path)) return
    if (options.fallback) return options.fallback(req, res, url)
    sendError(res, 404, { error: 'not found' })
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: Error) => {
      log(`${req.method} ${req.url} failed: ${err.stack ?? err.message}`)
      if (!res.headersSent) sendError(res, 500, { error: 'internal error' })
      else res.destroy()
    })
  })

  return {
    server,
    store,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          const actual = (server.address() as AddressInfo).port
          const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host
          resolve({ port: actual, url: `http://${shown}:${actual}` })
        })
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          store.close()
          resolve()
        })
        server.closeAllConnections()
      }),
  }
}
