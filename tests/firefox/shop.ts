// A store for the Firefox tests on one local origin: pages, the built dist/ files next to them, and
// `/collect` in front of the reference collector (SQLite, schema validation, de-duplication by id).
// The front can answer 503 (with `Retry-After: 0`) for a while, and records every POST so tests can say what went how often.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCollector } from '../../src/collector/server'
import type { StoredResponse } from '../../src/collector/storage'
import { tempDir } from '../collector/fixtures'
import { ROOT } from './firefox'

export interface Post {
  /** The raw body, as the browser sent it. */
  body: string
  /** What the shopper's browser got back. */
  status: number
  /** A `sendBeacon` request (no-cors), not the widget's own fetch. */
  beacon: boolean
  /** How long the answer took, from the request's first byte (a slow 2xx may be retried). */
  ms: number
}

/** A page: its HTML, and headers such as a Content-Security-Policy. */
export type ShopPage = string | { html: string; headers: Record<string, string> }

export interface Shop {
  url: string
  /** Every POST to /collect, in order of arrival. */
  posts: Post[]
  /**
   * Answer this many more POSTs with 503 before passing them on to the collector. Each 503 says
   * `Retry-After: 0`, which the transport honours instead of its 1 s, 2 s … backoff: the retries
   * come at once, and the shipped chunk needs no test knob.
   */
  fail: number
  /** What the collector's database holds for one answer id (one row at most: it de-duplicates). */
  stored(id: string): Promise<StoredResponse[]>
  close(): Promise<void>
}

/** Starts the store and its collector on 127.0.0.1; throws when dist/ was not built. `pages` maps a path to its page. */
export async function openShop(
  pages: Record<string, ShopPage> | ((path: string) => ShopPage | undefined),
): Promise<Shop> {
  for (const file of ['touchpoint.js', 'touchpoint-ui.js', 'touchpoint-transport.js'])
    if (!existsSync(join(ROOT, 'dist', file)))
      throw new Error(`dist/${file} is missing: run npm run build first (npm test does)`)
  const tmp = tempDir()
  const collector = createCollector({ dbPath: tmp.dbPath, log: () => {}, rateLimit: null })
  const collectorUrl = (await collector.listen(0)).url

  const shop: Shop = {
    url: '',
    posts: [],
    fail: 0,
    stored: async (id) => {
      const row = await collector.store.get(id)
      return row ? [row] : []
    },
    close: async () => {
      await new Promise((resolve) => server.close(resolve))
      await collector.close()
      tmp.remove()
    },
  }
  const server = createServer((req, res) => {
    const path = new URL(req.url || '/', 'http://x').pathname
    if (path == '/collect' && req.method == 'POST') {
      const start = Date.now()
      let body = ''
      req.on('data', (chunk) => (body += chunk))
      req.on('end', async () => {
        // sendBeacon with a text/plain body is a no-cors request; the widget's fetch is cors.
        const post: Post = { body, status: 503, beacon: req.headers['sec-fetch-mode'] == 'no-cors', ms: 0 }
        if (shop.fail > 0) shop.fail--
        else
          post.status = (
            await fetch(collectorUrl + '/collect', {
              method: 'POST',
              headers: { 'content-type': req.headers['content-type'] || '' },
              body,
            })
          ).status
        post.ms = Date.now() - start
        shop.posts.push(post)
        res.writeHead(post.status, post.status == 503 ? { 'retry-after': '0' } : {}).end()
      })
      return
    }
    const file = join(ROOT, 'dist', path)
    if (path.endsWith('.js') && existsSync(file))
      return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file))
    const page = typeof pages == 'function' ? pages(path) : pages[path]
    if (page != null) {
      const { html, headers } = typeof page == 'string' ? { html: page, headers: {} } : page
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(html)
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  shop.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return shop
}

/** Polls `what` every 25 ms until it holds; no fixed sleeps. */
export async function until(what: () => boolean | Promise<boolean>, ms = 15_000, why = () => ''): Promise<void> {
  for (const end = Date.now() + ms; !(await what());) {
    if (Date.now() > end) throw new Error('timed out ' + why())
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
