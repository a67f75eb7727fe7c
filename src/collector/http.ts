import type { IncomingMessage, ServerResponse } from 'node:http'

/** Every 4xx and 5xx body: what went wrong, and for invalid answers one reason each. */
export interface ErrorBody {
  error: string
  reasons?: string[]
  [more: string]: unknown
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  })
  res.end(text)
}

export const sendError = (res: ServerResponse, status: number, body: ErrorBody, headers?: Record<string, string>) =>
  sendJson(res, status, body, headers)

export function sendText(
  res: ServerResponse,
  status: number,
  type: string,
  text: string | Uint8Array,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  })
  res.end(text)
}

/** Thrown by `readBody` when the body passes the limit. */
export class BodyTooLargeError extends Error {
  readonly name = 'BodyTooLargeError'
  constructor(readonly limit: number) {
    super(`body is larger than ${limit} bytes`)
  }
}

/** Thrown by `readBody` when the body has not arrived in time: a slow client holds a connection. */
export class BodyTimeoutError extends Error {
  readonly name = 'BodyTimeoutError'
  constructor(readonly timeoutMs: number) {
    super(`the body did not arrive within ${timeoutMs} ms`)
  }
}

/** Thrown by `readBody` when the client hangs up before its body is complete. */
export class ClientGoneError extends Error {
  readonly name = 'ClientGoneError'
  constructor(readonly received: number) {
    super(`the client hung up after ${received} bytes of its body`)
  }
}

/**
 * Reads the request body up to `limit` bytes within `timeoutMs`. Past the limit it keeps
 * draining without buffering (so the client gets the 413 instead of a reset connection),
 * unless the client goes on for more than 16 times the limit, when the connection is cut.
 */
export function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let size = 0
    let tooLarge = false
    let settled = false
    const chunks: Buffer[] = []
    const timer = setTimeout(() => finish(new BodyTimeoutError(timeoutMs)), timeoutMs)
    function finish(error: Error | null) {
      if (settled) return
      settled = true
      clearTimeout(timer)
      req.removeListener('data', onData)
      if (error) reject(error)
      else resolve(Buffer.concat(chunks))
    }
    function onData(chunk: Buffer) {
      size += chunk.length
      if (size > limit) tooLarge = true
      if (!tooLarge) chunks.push(chunk)
      else if (size > limit * 16) req.destroy()
    }
    req.on('data', onData)
    req.on('end', () => finish(tooLarge ? new BodyTooLargeError(limit) : null))
    // 'close' or 'error' before 'end': the client hung up, or the connection was cut. Every
    // request closes, so the error (and its stack trace) is only made when it is one.
    const gone = () => {
      if (!settled) finish(new ClientGoneError(size))
    }
    req.on('close', gone)
    req.on('error', gone)
  })
}
