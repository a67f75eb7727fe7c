import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { handleCollect } from './collect'
import { isAllowedOrigin, setCorsHeaders } from './cors'
import { clientAddress, sendError, sendJson } from './http'
import { createRateLimiter, type RateLimitOptions } from './rate-limit'
import { mayReadReports } from './report-auth'
import { serveReport } from './report-routes'
import { serveStatic } from './static-files'
import { openStore, type ResponseStore } from './storage'

export interface CollectorOptions {
  /** PostgreSQL (`postgres://user:password@host/db`): many collectors can share it. Wins over `dbPath`. */
  databaseUrl?: string
  /** SQLite file, created when missing, when there is no `databaseUrl`. Default `./touchpoint.db`. */
  dbPath?: string
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
  /** Opens the database (applying schema migrations), then listens on `port` (0 picks a free one); resolves with the URL to print. */
  listen(port: number, host?: string): Promise<{ port: number; url: string }>
  /** Stops accepting requests, then closes the database once its writes are committed. */
  close(): Promise<void>
}

/**
 * The reference collector: `POST /collect`, `GET /api/report`, `GET /report`,
 * `GET /report.csv` and `GET /healthz` on one `node:http` server, answers in SQLite or PostgreSQL.
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
  const store = openStore({ databaseUrl: options.databaseUrl, dbPath: options.dbPath })

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
      if (path === '/healthz') return health(res, store)
      if (path === '/api/report' || path === '/report' || path === '/report.csv') {
        if (!mayReadReports(req, options.reportPassword)) {
          return sendError(res, 401, { error: 'the report needs a password' }, { 'WWW-Authenticate': 'Basic realm="touchpoint report", charset="UTF-8"' })
        }
        return serveReport(req, res, url, store)
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
    async listen(port, host = '127.0.0.1') {
      await store.ready()
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
        server.close(() => resolve(store.close()))
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
