import type { IncomingMessage, ServerResponse } from 'node:http'
import { handleCollect, type CollectContext } from './collect.js'
import { isAllowedOrigin, setCorsHeaders } from './cors.js'
import { sendError } from './http.js'
import type { RateLimiter } from './rate-limit.js'

/** What `/collect` needs around the handler itself: who may send, and how often. */
export interface CollectRouteOptions extends Omit<CollectContext, 'client'> {
  allowOrigins: string[]
  /** Requests per client, or `null` for no limit. */
  limiter: RateLimiter | null
  clientOf: (req: IncomingMessage) => string
}

/**
 * `/collect`: the origin check and CORS (a preflight gets 204), POST only, the per-client
 * request limit, then `handleCollect` stores the batch.
 */
export function collectRoute(options: CollectRouteOptions) {
  const { allowOrigins, limiter, clientOf, ...context } = options
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const origin = req.headers.origin
    if (origin && !isAllowedOrigin(origin, allowOrigins, req.headers.host)) {
      return sendError(res, 403, { error: `origin ${origin} is not in the allow-list` }, { Connection: 'close' })
    }
    if (req.method === 'OPTIONS') {
      setCorsHeaders(req, res, true)
      res.writeHead(204).end()
      return
    }
    setCorsHeaders(req, res, false)
    if (req.method !== 'POST') return sendError(res, 405, { error: 'use POST' }, { Allow: 'POST, OPTIONS' })
    const client = clientOf(req)
    const taken = limiter?.take(client) ?? { ok: true }
    if (!taken.ok) {
      return sendError(
        res,
        429,
        { error: 'too many requests' },
        { 'Retry-After': String(taken.retryAfterSeconds), Connection: 'close' },
      )
    }
    return handleCollect(req, res, { ...context, client })
  }
}
