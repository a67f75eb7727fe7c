// Tests shorten the waits without a knob in the shipped chunk (the chunk's object is only its
// TransportChunk interface). Unit tests build a send of their own: createSend({ ...SEND_TIMING,
// baseMs: 10 }). End-to-end tests answer their failing requests with `Retry-After: 0`, which the
// transport honours on 429 and 503 instead of its backoff, or wait the real 1 s, 2 s … backoff.
import ky, { HTTPError } from 'ky'
import { CHUNK_API, type SendResult, type TransportChunk } from '../shared/contract.js'
import { withLock } from './lock.js'
import { retryAfterMs } from './retry-after.js'
import { toJson } from '../shared/to-json.js'
import { createCourier } from './courier.js'

/** How one send waits and when it gives up (docs/delivery.md). */
export interface SendTiming {
  /** Per request. */
  timeoutMs: number
  /** Retries within one send, after the first request. */
  retries: number
  /** First backoff; each retry doubles it, with jitter, up to capMs. */
  baseMs: number
  capMs: number
  /** A longer `Retry-After` ends the send; the loader tries again after that wait. */
  maxRetryAfterMs: number
}

/** The shipped timing: waits of 1 s, 2 s, 4 s, 8 s (4 retries never reach the 30 s cap). */
export const SEND_TIMING: SendTiming = {
  timeoutMs: 10000,
  retries: 4,
  baseMs: 1000,
  capMs: 30000,
  maxRetryAfterMs: 60000,
}

/** Worth another try: the request timed out, the server is busy or broke. Other 4xx never pass on a retry. */
export const RETRY_STATUS = [408, 429, ...Array.from({ length: 100 }, (_, index) => 500 + index)]

const offline = () => typeof navigator != 'undefined' && navigator.onLine === false

/**
 * A `send` with this timing. The chunk ships `createSend(SEND_TIMING)`; tests build faster ones.
 *
 * @example
 * const send = createSend({ ...SEND_TIMING, baseMs: 10, capMs: 40 })
 */
export function createSend(timing: SendTiming): TransportChunk['send'] {
  /**
   * POSTs one batch with ky: timeout, retries with backoff and jitter on network errors, timeouts,
   * 408, 429 and 5xx (honouring `Retry-After`), none on other 4xx, none while offline. The body
   * goes as `text/plain` so no CORS preflight doubles each request. Never throws.
   */
  return async function send(endpoint, batch, signal, onRequest): Promise<SendResult> {
    if (offline()) return { ok: false, retry: true }
    try {
      const res = await ky.post(endpoint, {
        body: toJson(batch), // not JSON.stringify: a store page may have broken it (lib/to-json.ts)
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        signal,
        timeout: timing.timeoutMs,
        hooks: { beforeRequest: [() => void (onRequest && onRequest())] },
        retry: {
          limit: timing.retries,
          methods: ['post'],
          statusCodes: RETRY_STATUS,
          // ky waits a 429's or 503's Retry-After (without jitter) instead of the backoff below.
          afterStatusCodes: [429, 503],
          retryOnTimeout: true,
          delay: (attempt) => timing.baseMs * 2 ** (attempt - 1),
          // 50–100 % of each step, so that tabs and shoppers hit by one outage do not come back in step.
          jitter: (step) => step * (0.5 + Math.random() / 2),
          backoffLimit: timing.capMs,
          // By hand, as ky cannot: its maxRetryAfter waits the maximum instead of giving up, but a
          // long Retry-After must end the send so that the loader's outbox waits it out (across
          // page views if need be). Offline, a send in progress stops at once.
          shouldRetry: ({ error }) =>
            offline() ||
            (error instanceof HTTPError &&
              retryAfterMs(error.response.headers.get('retry-after'))! > timing.maxRetryAfterMs)
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
}

const send = createSend(SEND_TIMING)

/**
 * The transport chunk (`touchpoint-transport.js`, or `import()` in the npm build): its contract
 * interface and nothing more. `send` and `withLock` stay for loaders older than `deliver`.
 *
 * @example
 * const courier = transport.deliver!(host) // the loader, once, when something is to be sent
 */
export const transport: TransportChunk = {
  api: CHUNK_API,
  send,
  withLock,
  deliver: (host) => createCourier(host, { send, withLock }),
}
