// The bench's loopback server: the demo store's product page in three variants (no widget,
// touchpoint-survey, PostHog web surveys), every script from its npm build, PostHog's API as a
// stub, and a collector for touchpoint's answers. Every response is brotli-compressed when the
// browser accepts it, as a CDN or API gateway would serve it.
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import { brotliCompressSync, constants, gunzipSync } from 'node:zlib'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { handleStore } from '../demo/store/index.mjs'
import { PAGE_PATH, POSTHOG_TOKEN, SURVEY, VARIANTS, posthogConfig, variantTag } from './variants.mjs'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
const POSTHOG_DIST = join(ROOT, 'bench/node_modules/posthog-js/dist')
// BENCH_DIST: another build of touchpoint-survey to measure (e.g. a copy of dist/ before a change).
export const DIST = process.env.BENCH_DIST || join(ROOT, 'dist')
const compressed = new Map()

// Quality 11, as a CDN stores its static files; cached so the server adds no time of its own.
function brotli(body) {
  const key = typeof body == 'string' ? body : body.toString('latin1')
  if (!compressed.has(key))
    compressed.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }))
  return compressed.get(key)
}

/** The demo store's page as its handler renders it, captured as a string. */
function storePage(path) {
  let html = ''
  const res = { writeHead() {}, end: (body) => (html = String(body)) }
  handleStore({ method: 'GET' }, res, new URL(path, 'http://bench'))
  return html
}

// PostHog sends its events gzip-compressed (compression=gzip-js) or as plain JSON.
function decodeEvents(body) {
  try {
    return gunzipSync(body).toString('utf8')
  } catch {
    return body.toString('utf8')
  }
}

/**
 * Starts the server on 127.0.0.1 (a free port). `received` counts the answers that arrived:
 * touchpoint batches at /collect and PostHog `survey sent` events at /i/v0/e/ (or /e/).
 */
export async function startServer() {
  const received = { touchpoint: 0, posthog: 0 }
  const page = storePage(PAGE_PATH)
  const pageFor = (variant) => page.replace(/<script src="\/touchpoint\.js"[^>]*><\/script>/, variantTag(variant))
  // What the tag itself adds to the page's HTML, compressed: counted with the widget's bytes.
  const tagBytes = Object.fromEntries(
    VARIANTS.map((v) => [v, brotli(pageFor(v)).length - brotli(pageFor('none')).length]),
  )
  // Meters running now: every widget request and response body adds to each of them.
  const meters = new Set()
  const count = (field, n) => meters.forEach((m) => (m[field] += n))
  const send = (req, res, type, body, status = 200, metered = true) => {
    const headers = { 'content-type': type, 'cache-control': 'no-store', 'access-control-allow-origin': '*' }
    if (/\bbr\b/.test(req.headers['accept-encoding'] || '') && body.length) {
      body = brotli(body)
      headers['content-encoding'] = 'br'
    }
    if (metered) {
      count('down', body.length)
      count('requests', 1)
      if (type == 'text/javascript') count('js', body.length)
    }
    res.writeHead(status, headers).end(body)
  }
  const readBody = (req) =>
    new Promise((resolve) => {
      const chunks = []
      req.on('data', (c) => chunks.push(c))
      req.on('end', () => {
        const body = Buffer.concat(chunks)
        count('up', body.length)
        resolve(body)
      })
    })
  const js = (req, res, file) => send(req, res, 'text/javascript', readFileSync(file))

  const server = createServer(async (req, res) => {
    const url = new URL(req.url || '/', 'http://bench')
    const path = url.pathname
    try {
      if (path == PAGE_PATH)
        return send(req, res, 'text/html; charset=utf-8', pageFor(url.searchParams.get('v')), 200, false)
      if (path == '/blank') return send(req, res, 'text/html', '<!doctype html><title>blank</title>', 200, false)
      if (path == '/wp-content/themes/storefront/style.css' || path.startsWith('/wp-content/uploads/'))
        return handleStore(req, res, url)
      if (/^\/touchpoint(-ui|-transport)?\.js$/.test(path)) return js(req, res, join(DIST, path))
      if (path == '/collect') {
        const body = await readBody(req)
        if (body.length) received.touchpoint += JSON.parse(body.toString('utf8')).responses.length
        return send(req, res, 'text/plain', '')
      }
      // PostHog: /static/array.js, /static/surveys.js?v=…, /static/<version>/surveys.js
      const asset = /^\/static\/(?:[\d.]+\/)?([\w-]+\.js)$/.exec(path)
      if (asset) return js(req, res, join(POSTHOG_DIST, asset[1]))
      if (path == `/array/${POSTHOG_TOKEN}/config.js`)
        return send(
          req,
          res,
          'text/javascript',
          `(window._POSTHOG_REMOTE_CONFIG=window._POSTHOG_REMOTE_CONFIG||{})[${JSON.stringify(POSTHOG_TOKEN)}]={config:${JSON.stringify(posthogConfig)},siteApps:[]}`,
        )
      if (path == `/array/${POSTHOG_TOKEN}/config`)
        return send(req, res, 'application/json', JSON.stringify(posthogConfig))
      if (path == '/flags/') {
        await readBody(req)
        return send(
          req,
          res,
          'application/json',
          JSON.stringify({ flags: {}, errorsWhileComputingFlags: false, quotaLimited: [], requestId: 'bench' }),
        )
      }
      if (path == '/api/surveys/') return send(req, res, 'application/json', JSON.stringify({ surveys: [SURVEY] }))
      if (path == '/i/v0/e/' || path == '/e/' || path == '/batch/') {
        const events = decodeEvents(await readBody(req))
        received.posthog += (events.match(/"survey sent"/g) || []).length
        return send(req, res, 'application/json', '{"status":"Ok"}')
      }
      res.writeHead(404).end()
    } catch (err) {
      res.writeHead(500).end(String(err))
    }
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    received,
    tagBytes,
    /** Starts counting widget bytes: `read()` stops and returns { down, up, js, requests }. */
    meter() {
      const m = { down: 0, up: 0, js: 0, requests: 0 }
      meters.add(m)
      return { read: () => (meters.delete(m), m) }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
