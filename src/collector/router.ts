import type { IncomingMessage, ServerResponse } from 'node:http'

/** Answers one request; the URL is already parsed. */
export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void

export interface Route {
  /** The exact path (`/api/report`); the query never takes part. */
  path: string
  /** Methods this route answers; other methods fall through to `otherwise`. Default: every method. */
  methods?: readonly string[]
  handle: Handler
}

/**
 * Picks the handler for a request by path and method: the only place that knows the URL map,
 * so the handlers know nothing of each other and each can be tested alone.
 *
 * @example
 * const route = createRouter([{ path: '/healthz', methods: ['GET'], handle: health }], notFound)
 * http.createServer((req, res) => route(req, res, new URL(req.url!, 'http://x')))
 */
export function createRouter(routes: readonly Route[], otherwise: Handler): Handler {
  const byPath = new Map<string, Route[]>()
  for (const route of routes) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route])
  return (req, res, url) => {
    const method = req.method ?? 'GET'
    const route = byPath.get(url.pathname)?.find((r) => !r.methods || r.methods.includes(method))
    return (route?.handle ?? otherwise)(req, res, url)
  }
}

/** GET and HEAD: the read-only routes. */
export const READ_METHODS = ['GET', 'HEAD'] as const
