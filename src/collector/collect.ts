import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AnswerWindow } from './answer-time.js'
import { BodyTimeoutError, BodyTooLargeError, ClientGoneError, readBody, sendError, sendJson } from './http.js'
import type { RateLimiter } from './rate-limit.js'
import type { ResponseStore } from './storage/index.js'
import { checkBatch } from './validate.js'

const ACCEPTED_TYPES = ['application/json', 'text/plain']

/** What `POST /collect` needs, and nothing more. */
export interface CollectContext {
  insertBatch: ResponseStore['insertBatch']
  maxBodyBytes: number
  bodyTimeoutMs: number
  /** Answers per client (one token per valid answer or display), or `null` for no limit. */
  answerLimiter: RateLimiter | null
  client: string
  window: AnswerWindow
  now: () => number
  log: (message: string) => void
}

/**
 * `POST /collect`: one batch in, its answers and displays on disk (one transaction, committed
 * with the requests that arrived alongside it), then the status.
 *
 * - 200 `{ ok, stored, duplicates, displays: { stored, duplicates } }` — every answer and
 *   display is stored (a repeated id counts as stored; a stored answer never changes, see
 *   storage/store.ts). `warnings` lists optional fields (`display`, `device`, `visitor`) whose
 *   bad values were dropped while their answer or display was stored.
 * - 400 malformed JSON · 408 the body took longer than `bodyTimeoutMs` · 413 body over the
 *   limit (a declared `Content-Length` over it is refused before any byte of the body is read,
 *   and without `100 Continue`) · 415 neither JSON nor text/plain · 429 over the answer limit.
 * - 422 `{ error, reasons, stored, duplicates }` — some or all answers are invalid. The valid
 *   answers of the batch ARE stored: the widget drops a batch answered with a 4xx (it would
 *   never pass on a retry), so storing nothing would lose the good answers with the bad.
 *   Likewise for displays. A batch whose envelope is invalid (not an object, `v` not 1, no
 *   `responses`, neither an answer nor a display …) stores nothing.
 * - 503 the database could not write: try again later.
 */
export async function handleCollect(req: IncomingMessage, res: ServerResponse, context: CollectContext): Promise<void> {
  const { maxBodyBytes, log } = context
  const type = (req.headers['content-type'] ?? 'application/json').split(';')[0].trim().toLowerCase()
  if (!ACCEPTED_TYPES.includes(type)) {
    return sendError(
      res,
      415,
      { error: `Content-Type must be application/json or text/plain, not ${type}` },
      { Connection: 'close' },
    )
  }
  if (Number(req.headers['content-length']) > maxBodyBytes) {
    return sendError(res, 413, { error: `body is larger than ${maxBodyBytes} bytes` }, { Connection: 'close' })
  }
  // The server sends no automatic `100 Continue` (server.ts): only a request that passed the checks above gets one.
  if (/100-continue/i.test(req.headers.expect ?? '')) res.writeContinue()

  let raw: Buffer
  try {
    raw = await readBody(req, maxBodyBytes, context.bodyTimeoutMs)
  } catch (err) {
    if (err instanceof BodyTooLargeError) return sendError(res, 413, { error: err.message }, { Connection: 'close' })
    if (err instanceof BodyTimeoutError) return sendError(res, 408, { error: err.message }, { Connection: 'close' })
    if (err instanceof ClientGoneError)
      return log(`POST /collect from ${context.client}: ${err.message}; nothing stored`)
    throw err
  }

  let body: unknown
  try {
    body = JSON.parse(raw.toString('utf8'))
  } catch (err) {
    // A RangeError (nesting too deep for the parser) is the sender's fault as much as a syntax error.
    return sendError(res, 400, { error: 'malformed JSON', reasons: [(err as Error).message] })
  }

  const check = checkBatch(body, { now: context.now(), window: context.window })
  const nothing = { stored: 0, duplicates: 0 }
  if (!check.ok)
    return sendError(res, 422, { error: 'invalid batch', reasons: check.reasons, ...nothing, displays: nothing })

  let result = { ...nothing, displays: nothing }
  const items = check.valid.length + check.displays.length
  if (items) {
    const allowed = context.answerLimiter?.take(context.client, items) ?? { ok: true }
    if (!allowed.ok) {
      // 429 is retried by the widget, so these answers are delayed, not lost.
      return sendError(
        res,
        429,
        { error: 'too many answers from this client, try again later' },
        { 'Retry-After': String(allowed.retryAfterSeconds) },
      )
    }
    try {
      result = await context.insertBatch({ responses: check.valid, displays: check.displays })
    } catch (err) {
      log(
        `could not store ${check.valid.length} answers and ${check.displays.length} displays: ${(err as Error).message}`,
      )
      return sendError(res, 503, { error: 'could not store the answers, try again later' }, { 'Retry-After': '5' })
    }
  }
  const warnings = check.warnings.length ? { warnings: check.warnings } : {}
  if (check.warnings.length) log(`dropped bad optional fields: ${check.warnings.join('; ')}`)
  if (check.reasons.length) {
    log(`rejected part of a batch: ${check.reasons.join('; ')}`)
    return sendError(res, 422, { error: 'invalid responses', reasons: check.reasons, ...result, ...warnings })
  }
  sendJson(res, 200, { ok: true, ...result, ...warnings })
}
