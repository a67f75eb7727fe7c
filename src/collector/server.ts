import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEFAULT_ANSWER_WINDOW, type AnswerWindow } from './answer-time.js'
import { clientAddressResolver, type TrustProxy } from './client-address.js'
import { collectRoute } from './collect-route.js'
import { sendError, sendJson } from './http.js'
import { createRateLimiter, type RateLimitOptions } from './rate-limit.js'
import { checkReportAccess } from './report-auth.js'
import { handleReport, REPORT_PATHS } from './report-routes.js'
import { startReportThread, type ReportThread } from './report-thread.js'
import { createAlerter, type AlertOptions } from './alerts/alerter.js'
import { keepDays } from './retention.js'
import { createRouter, READ_METHODS } from './router.js'
import { serveStatic } from './static-files.js'
import { applyLimits, serverOptions, type ServerLimits } from './server-limits.js'
import { openStore, type ResponseStore } from './storage/index.js'
import { peersFor, requirePeers } from './peer-dependencies.js'
import { validator } from './validate.js'
import { loadNumberFormats } from './report-html-format.js'
import { WORDS } from './report-i18n.js'

export interface CollectorOptions extends ServerLimits {
  /** PostgreSQL (`postgres://user:password@host/db`): many collectors can share it. Wins over `dbPath`. */
  databaseUrl?: string
  /** SQLite file, created when missing, when there is no `databaseUrl`. Default `./touchpoint.db`. */
  dbPath?: string
  /** Page origins allowed to send answers (`https://shop.example`), or `*`. Same-origin is always allowed. Default `['*']`. */
  allowOrigins?: string[]
  /** Largest accepted body, in bytes. Default 1 MiB. */
  maxBodyBytes?: number
  /** Per-client limit on `POST /collect` requests; `null` turns it off. Default 120 a minute. */
  rateLimit?: RateLimitOptions | null
  /** Per-client limit on answers stored (one batch may hold 500); `null` turns it off. Default 600 a minute. */
  answerLimit?: RateLimitOptions | null
  /** Which proxies to believe about the client's address (client-address.ts): a hop count or their addresses. `true` means 1. Default none. */
  trustProxy?: boolean | TrustProxy
  /** `/report`, `/api/report` and `/report.csv` ask for this password (HTTP Basic, any user name). */
  reportPassword?: string
  /** … or accept `Authorization: Bearer <reportToken>`. With neither, the report routes are closed (403). */
  reportToken?: string
  /** Failed report logins per client before every attempt gets 429. Default 10 a minute. */
  loginLimit?: RateLimitOptions
  /** How far an answer's `at` may lie from the clock (answer-time.ts). Default 90 days back, 24 hours ahead. */
  answerWindow?: AnswerWindow
  /** Answers older than this many days are deleted, at start and hourly; `null` keeps them. Default 365. */
  retentionDays?: number | null
  /** Serve the files of this folder at the root path (the demo serves dist/ this way). */
  staticDir?: string
  /** Handles every other request (the demo store); default 404. */
  fallback?: (req: IncomingMessage, res: ServerResponse, url: URL) => void
  /** Low-score alerts to a webhook (alerts/alerter.ts); off without a `url`. */
  alerts?: Omit<AlertOptions, 'log' | 'now'> | null
  /** Different reports built at once by the report thread; more wait their turn, identical ones share a build (report-admission.ts). Default 2. */
  reportBuildsAtOnce?: number
  /** Where warnings go. Default `console.warn`. */
  log?: (message: string) => void
  /** The clock, for tests. Default `Date.now`. */
  now?: () => number
}

export interface Collector {
  server: Server
  store: ResponseStore
  /** The thread that builds and renders reports (report-thread.ts), started by the first report request. */
  reports: ReportThread
  /** Opens the database (applying schema migrations), then listens on `port` (0 picks a free one); resolves with the URL to print. */
  listen(port: number, host?: string): Promise<{ port: number; url: string }>
  /** Stops accepting requests, then closes the database once its writes are committed. */
  close(): Promise<void>
}

/**
 * The reference collector: `POST /collect`, `GET /api/report`, `GET /report`,
 * `GET /report.csv` and `GET /healthz` on one `node:http` server, answers in SQLite or PostgreSQL.
 * Throws a `SettingError` for a password or token that is set but empty.
 *
 * @example
 * const collector = createCollector({ dbPath: './touchpoint.db', allowOrigins: ['https://shop.example'], reportPassword: 's3cret' })
 * const { url } = await collector.listen(8080)
 * console.log(`report at ${url}/report`)
 */
export function createCollector(options: CollectorOptions): Collector {
  // Before anything starts: one message naming every missing package, with its install command.
  requirePeers(peersFor(options.databaseUrl))
  // The wire schema compiled and the report's number formats loaded now, not while the first
  // requests (and those queued behind them) wait for them.
  validator()
  loadNumberFormats(Object.values(WORDS))
  const access = { password: options.reportPassword, token: options.reportToken }
  checkReportAccess(access)
  const allowOrigins = options.allowOrigins ?? ['*']
  const log = options.log ?? ((m: string) => console.warn(`[touchpoint-collector] ${m}`))
  const now = options.now ?? Date.now
  const limiter = options.rateLimit === null ? null : createRateLimiter(options.rateLimit ?? { perMinute: 120 })
  const answerLimiter =
    options.answerLimit === null ? null : createRateLimiter(options.answerLimit ?? { perMinute: 600 })
  const loginThrottle = createRateLimiter(options.loginLimit ?? { perMinute: 10 })
  const clientOf = clientAddressResolver(options.trustProxy === true ? 1 : (options.trustProxy ?? false))
  const store = openStore({ databaseUrl: options.databaseUrl, dbPath: options.dbPath })
  const retentionDays = options.retentionDays === undefined ? 365 : options.retentionDays
  // Started once the schema is current (in listen), through the store, so both engines purge alike.
  let stopRetention = () => {}

  const alerter = options.alerts?.url ? createAlerter({ ...options.alerts, log }) : null
  // The alerter only queues (in memory): the answers are committed, and the 2xx goes out at once.
  const insertBatch: ResponseStore['insertBatch'] = async (batch, receivedAt) => {
    const result = await store.insertBatch(batch, receivedAt)
    alerter?.notify(batch.responses)
    return result
  }
  // Its own connection to the same database; the store's schema is current before any request.
  const reports = startReportThread({
    databaseUrl: options.databaseUrl,
    dbPath: options.databaseUrl ? undefined : (options.dbPath ?? './touchpoint.db'),
    buildsAtOnce: options.reportBuildsAtOnce,
  })
  const reportContext = (req: IncomingMessage) => ({ store, access, loginThrottle, reports, client: clientOf(req) })
  const route = createRouter(
    [
      {
        path: '/collect',
        handle: collectRoute({
          allowOrigins,
          limiter,
          clientOf,
          insertBatch,
          maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
          bodyTimeoutMs: options.bodyTimeoutMs ?? 10_000,
          answerLimiter,
          window: options.answerWindow ?? DEFAULT_ANSWER_WINDOW,
          now,
          log,
        }),
      },
      { path: '/healthz', methods: READ_METHODS, handle: (_req, res) => health(res, store) },
      ...REPORT_PATHS.map((path) => ({
        path,
        methods: READ_METHODS,
        handle: (req: IncomingMessage, res: ServerResponse, url: URL) =>
          handleReport(req, res, url, reportContext(req)),
      })),
    ],
    (req, res, url) => {
      if (options.staticDir && serveStatic(req, res, options.staticDir, url.pathname)) return
      if (options.fallback) return options.fallback(req, res, url)
      sendError(res, 404, { error: 'not found' })
    },
  )

  const server = createServer(serverOptions(options), (req, res) => {
    Promise.resolve()
      .then(() => route(req, res, new URL(req.url ?? '/', 'http://collector.invalid')))
      .catch((err: Error) => {
        log(`${req.method} ${req.url} failed: ${err.stack ?? err.message}`)
        if (!res.headersSent) sendError(res, 500, { error: 'internal error' })
        else res.destroy()
      })
  })
  applyLimits(server, options)

  return {
    server,
    store,
    reports,
    async listen(port, host = '127.0.0.1') {
      await store.ready()
      if (retentionDays) {
        stopRetention()
        stopRetention = keepDays(store, retentionDays, log, undefined, now)
      }
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          const actual = (server.address() as AddressInfo).port
          const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host
          resolve({ port: actual, url: `http://${shown}:${actual}` })
        })
      })
    },
    close: () =>
      new Promise((resolve) => {
        stopRetention()
        server.close(() => resolve(Promise.all([alerter?.close(), reports.close(), store.close()]).then(() => {})))
        server.closeAllConnections()
      }),
  }
}

// For a load balancer: 200 while the database answers, 503 when it does not.
async function health(res: ServerResponse, store: ResponseStore): Promise<void> {
  try {
    sendJson(res, 200, { ok: true, responses: await store.count() })
  } catch (err) {
    sendError(res, 503, { error: `database unavailable: ${(err as Error).message}`, ok: false })
  }
}
