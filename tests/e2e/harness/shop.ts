import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, normalize } from 'node:path'
import { createCollector, type Collector, type CollectorOptions } from '../../../src/collector/server'
import type { Batch, SurveyResponse } from '../../../src/shared/types'
import { tempDir } from '../../collector/fixtures'
import { ROOT } from './chromium'
import { watched, type Watched } from './watch'

/** One POST to `/collect`, recorded once it has been answered. */
export interface Post {
  /** The body as it came: the tests that look at the raw JSON read it here. */
  body: string
  /** The body parsed (not schema-checked: `expectWireBatch(post.body)` does that); null when it is not JSON. */
  batch: Batch | null
  /** The answers' ids, in the batch's order. */
  ids: string[]
  /** How many displays (shown, dismissed) it carried. */
  displays: number
  /** A `sendBeacon` request (no-cors); the widget's own fetches are cors and read the answer. */
  beacon: boolean
  /** The status the page got: the collector's, or the one `intercept` chose. */
  status: number
}

/** Chooses the answer to a POST before the collector sees it: a status (the collector never sees it) or nothing (passed on). A promise holds the request until it settles. */
export type Intercept = (post: Omit<Post, 'status'>) => number | void | Promise<number | void>

/** A page (HTML, or a script for a path ending in .js), or a function of the request's URL. */
export type PageSource = string | ((url: URL) => string)

export interface Shop {
  /** `http://127.0.0.1:PORT`. */
  url: string
  /** Path → page; a test may add or replace pages while it runs. */
  pages: Record<string, PageSource>
  /** The real collector (its `store` reads what was stored) and its SQLite file. */
  collector: Collector
  dbPath: string
  /** Every POST to `/collect` of the current test, in the order they were answered. */
  posts: Watched<Post>
  /** Reset after each test. */
  intercept: Intercept | null
  /** The current test's number: its contexts carry it in the `TEST_COOKIE` cookie. */
  test: number
  /** After a test: the next test's posts and no intercept. */
  reset(): void
  /** The next `count` POSTs get `status` (default 503) instead of reaching the collector; a 429 or 503 with `Retry-After: 0`, so the retries come at once. */
  fail(count: number, status?: number): void
  /** Holds every POST from now on until the returned function is called; then they go on to the collector. */
  hold(): () => void
  /** Resolves with the answer once a POST carrying it got a 2xx from the collector. */
  delivered(id: string): Promise<SurveyResponse>
  close(): Promise<void>
}

/** The cookie that names the test a browser context belongs to. */
export const TEST_COOKIE = 'harness-test'
const testOf = (req: IncomingMessage) => new RegExp(`(?:^|; )${TEST_COOKIE}=(\\d+)`).exec(req.headers.cookie || '')?.[1]

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
}
const typeOf = (path: string) => TYPES[/\.\w+$/.exec(path)?.[0] ?? ''] || 'text/html; charset=utf-8'

/** A file the shop serves besides its pages: the CDN files of dist/ at `/`, and the npm build's `/dist/esm/` and `/node_modules/` for import maps. */
function fileFor(path: string): string | null {
  const isFile = (file: string) => existsSync(file) && statSync(file).isFile()
  const inDist = join(ROOT, 'dist', path)
  if (!path.includes('/', 1) && isFile(inDist)) return inDist
  const inRoot = join(ROOT, path)
  return /^\/(dist|node_modules)\//.test(path) && isFile(inRoot) ? inRoot : null
}

function readPost(req: IncomingMessage, body: string): Omit<Post, 'status'> {
  let batch: Batch | null = null
  try {
    batch = JSON.parse(body)
  } catch {
    // the collector answers it with a 400; the test sees the body as it came
  }
  const responses = Array.isArray(batch?.responses) ? batch!.responses : []
  return {
    body,
    batch,
    ids: responses.map((response) => response.id),
    displays: Array.isArray(batch?.displays) ? batch!.displays!.length : 0,
    beacon: req.headers['sec-fetch-mode'] == 'no-cors',
  }
}

/** Hands a request to the collector as it came (method, headers, body) and its answer back to the page. */
function forward(collector: string, req: IncomingMessage, body: string, res: ServerResponse): Promise<number> {
  return new Promise((resolve, reject) => {
    const upstream = request(collector + req.url, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode!, answer.headers)
      answer.pipe(res).on('finish', () => resolve(answer.statusCode!))
    })
    upstream.on('error', reject).end(body)
  })
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk)).on('end', () => resolve(body))
  })

/**
 * The store's server for a test file: its pages, the built files, and `/collect` passed on to the
 * real reference collector (SQLite in a temp folder), the way a store proxies it. Every POST is
 * recorded in `posts` and may be answered otherwise or held first (`intercept`, `fail`, `hold`).
 */
export async function startShop(
  pages: Record<string, PageSource> = {},
  collectorOptions: Partial<CollectorOptions> = {},
): Promise<Shop> {
  const folder = tempDir()
  const collector = createCollector({
    dbPath: folder.dbPath,
    log: () => {},
    rateLimit: null,
    answerLimit: null,
    ...collectorOptions,
  })
  const collectorUrl = (await collector.listen(0)).url
  const posts = watched<Post>()

  async function collect(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req)
    if (req.method != 'POST') return void (await forward(collectorUrl, req, body, res))
    const post = readPost(req, body)
    const sender = testOf(req)
    // A request of an earlier test's context reaches the collector, and no longer concerns anyone.
    if (sender != null && sender != String(shop.test)) return void (await forward(collectorUrl, req, body, res))
    const chosen = await shop.intercept?.(post)
    let status = chosen || 0
    // A 429 or 503 says `Retry-After: 0`, which the transport honours instead of its 1 s, 2 s … backoff.
    const retryAfter: Record<string, string> = chosen == 429 || chosen == 503 ? { 'retry-after': '0' } : {}
    if (chosen) res.writeHead(chosen, { 'access-control-allow-origin': '*', ...retryAfter }).end()
    else status = await forward(collectorUrl, req, body, res)
    if (sender == null || sender == String(shop.test)) posts.push({ ...post, status })
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url || '/', 'http://shop.invalid')
    const path = normalize(url.pathname)
    if (path == '/collect') return void collect(req, res).catch(() => res.destroy())
    const source = shop.pages[path]
    if (source != null)
      return void res
        .writeHead(200, { 'content-type': typeOf(path) })
        .end(typeof source == 'string' ? source : source(url))
    const file = fileFor(path)
    if (file) return void res.writeHead(200, { 'content-type': typeOf(path) }).end(readFileSync(file))
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))

  const shop: Shop = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    pages,
    collector,
    dbPath: folder.dbPath,
    posts,
    intercept: null,
    test: 0,
    reset() {
      shop.test++
      posts.clear()
      shop.intercept = null
    },
    fail(count, status = 503) {
      let left = count
      shop.intercept = () => (left-- > 0 ? status : undefined)
    },
    hold() {
      let release = () => {}
      const gate = new Promise<void>((resolve) => (release = resolve))
      shop.intercept = () => gate
      return release
    },
    async delivered(id) {
      const post = await posts.until((p) => p.status < 300 && p.ids.includes(id), { what: `answer ${id}` })
      return post.batch!.responses.find((response) => response.id == id)!
    },
    async close() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await collector.close()
      folder.remove()
    },
  }
  return shop
}
