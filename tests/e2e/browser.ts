import { createServer, type IncomingMessage, type Server } from 'node:http'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './harness/chromium'

// Being replaced by harness.ts (one server with the real collector, one page template, visit,
// appears): what is left here serves the files not converted yet. One way to launch Chromium.
export { launchChromium, ROOT } from './harness/chromium'

export interface TestServer {
  url: string
  /** Bodies POSTed to /collect, parsed. */
  received: unknown[]
  close(): Promise<void>
}

/**
 * Serves dist/ at /, pages from `pages` (path → HTML, or script for a path ending in .js), and a /collect endpoint that records
 * what it gets. `answer` can override the collector's status per request.
 */
export async function serve(
  pages: Record<string, string>,
  answer: (req: IncomingMessage) => number = () => 200,
): Promise<TestServer> {
  const received: unknown[] = []
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url || '/', 'http://x').pathname
    if (path == '/collect') {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        const status = answer(req)
        if (status < 300 && body) received.push(JSON.parse(body))
        res.writeHead(status, { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' }).end()
      })
      return
    }
    if (pages[path] != null)
      return void res
        .writeHead(200, { 'content-type': path.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8' })
        .end(pages[path])
    const file = join(ROOT, 'dist', path)
    if (path.endsWith('.js') && existsSync(file))
      return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file))
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return {
    url: `http://127.0.0.1:${typeof address == 'object' && address ? address.port : 0}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** A minimal store page with the tag where and how a store owner would paste it. */
export const page = (tag: string, where: 'head' | 'body' = 'body', before = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>${before}${where == 'head' ? tag : ''}</head>` +
  `<body><h1>Shop</h1><a href="/cart">Cart</a>${where == 'body' ? tag : ''}</body></html>`
