import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AnswerWindow } from './answer-time.js'
import { BodyTimeoutError, BodyTooLargeError, ClientGoneError, readBody, sendError, sendJson } from './http.js'
import type { RateLimiter } from './rate-limit.js'
import type { ResponseStore } from './storage/index.js'
import { checkBatch } from './validate.js'

const ACCEPTED_TYPES = ['application/json', 'text/plain']

/** What `POST /collect` needs, and nothing more. */
export interface CollectContext {
  insert: ResponseStore['insert']
  maxBodyBytes: number
  bodyTimeoutMs: number
  /** Answers per client (one token per valid answer), or `null` for no limit. */
  answerLimiter: RateLimiter | null
  client: string
  window: AnswerWindow
  now: () => number
  log: (message: string) => void
}

/**
 * `POST /collect`: one batch in, its answers on disk (committed with the requests that arrived
 * alongside it), then the status.
 *
 * - 200 `{ ok, stored, duplicates }` — every answer is stored (a repeated id counts as stored;
 *   a stored answer never changes, see storage/store.ts).
 * - 400 malformed JSON · 408 the body took longer than `bodyTimeoutMs` · 413 body over the
 *   limit (a declared `Content-Length` over it is refused before any byte of the body is read,
 *   and without `100 Continue`) · 415 neither JSON nor text/plain · 429 over the answer limit.
 * - 422 `{ error, reasons, stored, duplicates }` — some or all answers are invalid. The valid
 *   answers of the batch ARE stored: the widget drops a batch answered with a 4xx (it would
 *   never pass on a retry), so storing nothing would lose the good answers with the bad.
 *   A batch whose envelope is invalid (not an object, `v` not 1, no `responses` …) stores nothing.
 * - 503 the database could not write: try again later.
 */
export async function handleCollect(req: IncomingMessage, res: ServerResponse, context: CollectContext): Promise<void> {
  const { maxBodyBytes, log } = context
  const type = (req.headers['content-type'] ?? 'application/json').split(';')[0].trim().toLowerCase()
  if (!ACCEPTED_TYPES.includes(type)) {
    return sendError(res, 415, { error: `Content-Type must be application/json or text/plain, not ${type}` }, { Connection: 'close' })
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
    if (err instanceof ClientGoneError) return log(`POST /collect from ${context.client}: ${err.message}; nothing stored`)
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
  if (!check.ok) return sendError(res, 422, { error: 'invalid batch', reasons: check.reasons, stored: 0, duplicates: 0 })

  let result = { stored: 0, duplicates: 0 }
  if (check.valid.length) {
    const allowed = context.answerLimiter?.take(context.client, check.valid.length) ?? { ok: true }
    if (!allowed.ok) {
      // 429 is retried by the widget, so these answers are delayed, not lost.
      return sendError(res, 429, { error: 'too many answers from this client, try again later' }, { 'Retry-After': String(allowed.retryAfterSeconds) })
    }
    try {
      result = await context.insert(check.valid)
    } catch (err) {
      log(`could not store ${check.valid.length} answers: ${(err as Error).message}`)
      return sendError(res, 503, { error: 'could not store the answers, try again later' }, { 'Retry-After': '5' })
    }
  }
  if (check.reasons.length) {
    log(`rejected part of a batch: ${check.reasons.join('; ')}`)
    return sendError(res, 422, { error: 'invalid responses', reasons: check.reasons, ...result })
  }
  sendJson(res, 200, { ok: true, ...result })
}
