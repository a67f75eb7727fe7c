import { createReadStream, statSync } from 'node:fs'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * Serves a file from `dir` for GET and HEAD if one matches the path; returns false otherwise,
 * so the caller can try something else. Paths that climb out of `dir` never match.
 *
 * @example
 * if (!serveStatic(req, res, './dist')) notFound(res)
 */
export function serveStatic(req: IncomingMessage, res: ServerResponse, dir: string, pathname: string): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  const root = resolve(dir)
  let file: string
  try {
    file = resolve(join(root, normalize(decodeURIComponent(pathname))))
  } catch {
    return false
  }
  if (file !== root && !file.startsWith(root + sep)) return false
  let size: number
  try {
    const st = statSync(file)
    if (!st.isFile()) return false
    size = st.size
  } catch {
    return false
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': 'no-cache',
  })
  if (req.method === 'HEAD') res.end()
  else createReadStream(file).pipe(res)
  return true
}
