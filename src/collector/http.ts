import type { IncomingMessage, ServerResponse } from 'node:http'

/** Every 4xx and 5xx body: what went wrong, and for invalid answers one reason each. */
export interface ErrorBody {
  error: string
  reasons?: string[]
  [more: string]: unknown
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
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

export function sendText(res: ServerResponse, status: number, type: string, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store', ...headers })
  res.end(text)
}

/** Thrown by `readBody` when the body passes the limit. */
export class BodyTooLargeError extends Error {
  readonly name = 'BodyTooLargeError'
  constructor(readonly limit: number) {
    super(`body is larger than ${limit} bytes`)
  }
}

/**
 * Reads the request body up to `limit` bytes. Past the limit it keeps draining without
 * buffering (so the client gets the 413 instead of a reset connection), unless the client
 * goes on for more than 16 times the limit, when the connection is cut.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    let size = 0
    let tooLarge = Number.isFinite(declared) && declared > limit
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) tooLarge = true
      if (!tooLarge) chunks.push(chunk)
      else if (size > limit * 16) req.destroy()
    })
    req.on('end', () => (tooLarge ? reject(new BodyTooLargeError(limit)) : resolve(Buffer.concat(chunks))))
    req.on('error', reject)
  })
}

/** The client's address; behind a reverse proxy (trustProxy) the first `X-Forwarded-For` entry. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for']
  if (trustProxy && typeof forwarded === 'string' && forwarded.trim()) return forwarded.split(',')[0].trim()
  return req.socket.remoteAddress ?? 'unknown'
}
