import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ResponseStore } from './storage'
import { BodyTooLargeError, readBody, sendError, sendJson } from './http'
import { checkBatch } from './validate'

const ACCEPTED_TYPES = ['application/json', 'text/plain']

/**
 * `POST /collect`: one batch in, its answers on disk (committed with the requests that arrived
 * alongside it), then the status.
 *
 * - 200 `{ ok, stored, duplicates }` — every answer is stored (a repeated id counts as stored).
 * - 400 malformed JSON · 413 body over the limit · 415 neither JSON nor text/plain.
 * - 422 `{ error, reasons, stored, duplicates }` — some or all answers are invalid. The valid
 *   answers of the batch ARE stored: the widget drops a batch answered with a 4xx (it would
 *   never pass on a retry), so storing nothing would lose the good answers with the bad.
 *   A batch whose envelope is invalid (not an object, `v` not 1, no `responses` …) stores nothing.
 * - 503 the database could not write: try again later.
 */
export async function handleCollect(
  req: IncomingMessage,
  res: ServerResponse,
  store: ResponseStore,
  maxBodyBytes: number,
  log: (message: string) => void,
): Promise<void> {
  const type = (req.headers['content-type'] ?? 'application/json').split(';')[0].trim().toLowerCase()
  if (!ACCEPTED_TYPES.includes(type)) {
    req.resume()
    return sendError(res, 415, { error: `Content-Type must be application/json or text/plain, not ${type}` })
  }

  let raw: Buffer
  try {
    raw = await readBody(req, maxBodyBytes)
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      return sendError(res, 413, { error: `body is larger than ${maxBodyBytes} bytes` }, { Connection: 'close' })
    }
    throw err
  }

  let body: unknown
  try {
    body = JSON.parse(raw.toString('utf8'))
  } catch (err) {
    return sendError(res, 400, { error: 'malformed JSON', reasons: [(err as Error).message] })
  }

  const check = checkBatch(body)
  if (!check.ok) return sendError(res, 422, { error: 'invalid batch', reasons: check.reasons, stored: 0, duplicates: 0 })

  let result = { stored: 0, duplicates: 0 }
  if (check.valid.length) {
    try {
      result = await store.insert(check.valid)
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
