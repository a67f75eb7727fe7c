import ky, { HTTPError } from 'ky'
import { CHUNK_API, type SendResult, type TransportChunk } from '../shared/contract.js'
import { leaseSettings, withLock } from './lock.js'
import { retryAfterMs } from './retry-after.js'
import { toJson } from '../shared/to-json.js'

/** Tuning of one send; tests shorten the waits. */
export const transportSettings = {
  /** Per request. */
  timeoutMs: 10000,
  /** Retries within one send, after the first request. */
  retries: 4,
  /** First backoff; each retry doubles it, with jitter, up to capMs. */
  baseMs: 1000,
  capMs: 30000,
  /** A longer `Retry-After` ends the send; the loader tries again after that wait. */
  maxRetryAfterMs: 60000,
}

/** Worth another try: the request timed out, the server is busy or broke. Other 4xx never pass on a retry. */
export const RETRY_STATUS = [408, 429, ...Array.from({ length: 100 }, (_, i) => 500 + i)]

/**
 * The wait before retry `attempt` (1, 2 …): exponential, capped, with jitter (50–100 % of the
 * step) so that tabs and shoppers hit by the same outage do not come back in step.
 *
 * @example
 * backoff(3) // → 2000–4000 with the default 1 s base
 */
export function backoff(attempt: number, random = Math.random): number {
  const step = Math.min(transportSettings.capMs, transportSettings.baseMs * 2 ** (attempt - 1))
  return step * (0.5 + random() / 2)
}

const offline = () => typeof navigator != 'undefined' && navigator.onLine === false

/**
 * POSTs one batch with ky: timeout, retries with backoff and jitter on network errors, timeouts,
 * 408, 429 and 5xx (honouring `Retry-After`), none on other 4xx, none while offline. The body
 * goes as `text/plain` so no CORS preflight doubles each request. Never throws.
 *
 * @example
 * const { ok, status, retry } = await send('https://collect.example/r', batch)
 */
export async function send(
  endpoint: string,
  batch: unknown,
  signal?: AbortSignal,
  onRequest?: () => void,
): Promise<SendResult> {
  if (offline()) return { ok: false, retry: true }
  try {
    const res = await ky.post(endpoint, {
      body: toJson(batch), // not JSON.stringify: a store page may have broken it (lib/to-json.ts)
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      signal,
      timeout: transportSettings.timeoutMs,
      hooks: { beforeRequest: [() => void (onRequest && onRequest())] },
      retry: {
        limit: transportSettings.retries,
        methods: ['post'],
        statusCodes: RETRY_STATUS,
        afterStatusCodes: [429, 503],
        retryOnTimeout: true,
        delay: (attempt) => backoff(attempt),
        shouldRetry: ({ error }) =>
          offline() ||
          (error instanceof HTTPError &&
            retryAfterMs(error.response.headers.get('retry-after'))! > transportSettings.maxRetryAfterMs)
            ? false
            : undefined,
      },
    })
    return { ok: true, status: res.status, retry: false }
  } catch (err) {
    if (!(err instanceof HTTPError)) return { ok: false, retry: true } // network error, timeout or abort
    const { status, headers } = err.response
    // Only a 4xx says the batch itself is wrong; anything else odd (a stray 304 …) is kept for later.
    const poison = status >= 400 && status < 500 && RETRY_STATUS.indexOf(status) < 0
    return { ok: false, status, retry: !poison, retryAfterMs: retryAfterMs(headers.get('retry-after')) }
  }
}

/**
 * The transport chunk (`touchpoint-transport.js`, or `import()` in the npm build). `settings`
 * and `lease` are not part of the chunk interface: end-to-end tests shorten the waits with them.
 */
export const transport: TransportChunk & { settings: typeof transportSettings; lease: typeof leaseSettings } = {
  api: CHUNK_API,
  send,
  withLock,
  settings: transportSettings,
  lease: leaseSettings,
}
