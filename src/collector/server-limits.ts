import type { Server, ServerOptions } from 'node:http'

/** How long and how many: what keeps slow or numerous clients from holding the collector. */
export interface ServerLimits {
  /** The request line and headers must arrive within this (408 after). Default 10 s. */
  headersTimeoutMs?: number
  /** The body of `POST /collect` must arrive within this once the headers are in (408 after). Default 10 s. */
  bodyTimeoutMs?: number
  /** The whole request must arrive within this; Node's own backstop. Default 30 s. */
  requestTimeoutMs?: number
  /** Open connections at most; more are closed at once. Default 800 (under the usual limit of 1,024 open files). */
  maxConnections?: number
}

/**
 * Options for `http.createServer`. Node checks its timeouts only every
 * `connectionsCheckingInterval` (30 s by default), which let a slow client hold a connection
 * for minutes; here it is a tenth of the shortest timeout, at most 1 s.
 */
export function serverOptions(limits: ServerLimits): ServerOptions {
  const headersTimeout = limits.headersTimeoutMs ?? 10_000
  const requestTimeout = Math.max(limits.requestTimeoutMs ?? 30_000, headersTimeout)
  return {
    headersTimeout,
    requestTimeout,
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.round(headersTimeout / 10))),
  }
}

/**
 * Caps the connections and takes over `Expect: 100-continue`: Node answers it with
 * `100 Continue` before any handler runs, inviting a body the collector may refuse (413, 415,
 * 429). The request goes to the normal handler, which sends `100 Continue` only once the
 * request has passed its checks (collect.ts).
 */
export function applyLimits(server: Server, limits: ServerLimits): void {
  server.maxConnections = limits.maxConnections ?? 800
  server.on('checkContinue', (req, res) => server.emit('request', req, res))
}
