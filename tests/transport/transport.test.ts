// @vitest-environment node
// The transport chunk against real HTTP servers on loopback: a scripted one and the reference collector.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RETRY_STATUS, backoff, send, transportSettings } from '../../src/transport/transport'
import { createCollector } from '../../src/collector/server'
import { tempDir } from '../collector/fixtures'
import { expectWireBatch, response } from '../shared/wire-schema'

type Answer = number | [number, Record<string, string>] | { delayMs: number; status: number }
interface Seen {
  body: string
  type: string | undefined
  at: number
}

const servers: { close(): unknown }[] = []
const defaults = { ...transportSettings }

/** A server answering POSTs with `script` in order (the last answer repeats); records every request. */
async function scripted(...script: Answer[]) {
  const seen: Seen[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      seen.push({ body, type: req.headers['content-type'], at: Date.now() })
      const next = script.length > 1 ? script.shift()! : script[0]
      const [status, headers, delayMs] =
        typeof next == 'number' ? [next, {}, 0] : Array.isArray(next) ? [...next, 0] : [next.status, {}, next.delayMs]
      setTimeout(() => res.writeHead(status, headers).end(), delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push({ close: () => (server.closeAllConnections(), server.close()) })
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/collect`, seen }
}

const batch = (n = 1) => ({
  v: 1 as const,
  sent_at: new Date().toISOString(),
  responses: Array.from({ length: n }, () => response()),
})

beforeEach(() =>
  Object.assign(transportSettings, { baseMs: 10, capMs: 40, timeoutMs: 500, retries: 4, maxRetryAfterMs: 2000 }),
)
afterEach(() => {
  Object.assign(transportSettings, defaults)
  for (const s of servers.splice(0)) s.close()
  vi.unstubAllGlobals()
})

describe('transport: send', () => {
  it('delivers a batch in one text/plain POST and reports the 2xx', async () => {
    const server = await scripted(204)
    const sent = batch(2)
    expect(await send(server.url, sent)).toEqual({ ok: true, status: 204, retry: false })
    expect(server.seen).toHaveLength(1)
    expect(server.seen[0].type).toMatch(/^text\/plain/)
    expect(expectWireBatch(server.seen[0].body)).toEqual(sent)
  })

  it('tells the loader as each request goes out, retries included', async () => {
    const server = await scripted(503, 503, 200)
    const requests: number[] = []
    expect(await send(server.url, batch(), undefined, () => requests.push(server.seen.length))).toMatchObject({
      ok: true,
    })
    expect(requests).toEqual([0, 1, 2]) // called before each request reached the server
  })

  it('keeps trying through 503s with the same answers until the server recovers', async () => {
    const server = await scripted(503, 503, 503, 200)
    expect(await send(server.url, batch())).toMatchObject({ ok: true, status: 200 })
    expect(server.seen).toHaveLength(4)
    expect(new Set(server.seen.map((s) => expectWireBatch(s.body).responses[0].id)).size).toBe(1)
  })

  it('retries 408, 500 and network-level timeouts too', async () => {
    const server = await scripted(408, 500, { delayMs: 800, status: 200 }, 200)
    expect(await send(server.url, batch())).toMatchObject({ ok: true })
    expect(server.seen).toHaveLength(4)
  })

  it('gives up after its retries and tells the loader to keep the answers', async () => {
    const server = await scripted(502)
    expect(await send(server.url, batch())).toEqual({ ok: false, status: 502, retry: true, retryAfterMs: undefined })
    expect(server.seen).toHaveLength(transportSettings.retries + 1)
  })

  it('honours Retry-After on a 429', async () => {
    const server = await scripted([429, { 'retry-after': '1' }], 200)
    expect(await send(server.url, batch())).toMatchObject({ ok: true })
    expect(server.seen[1].at - server.seen[0].at).toBeGreaterThanOrEqual(950)
  })

  it('hands a Retry-After longer than it waits back to the loader instead of hammering', async () => {
    const server = await scripted([503, { 'retry-after': '120' }])
    expect(await send(server.url, batch())).toEqual({ ok: false, status: 503, retry: true, retryAfterMs: 120000 })
    expect(server.seen).toHaveLength(1)
  })

  for (const status of [400, 404, 413, 422])
    it(`never retries a ${status}: the batch is poison`, async () => {
      const server = await scripted(status, 200)
      expect(await send(server.url, batch())).toMatchObject({ ok: false, status, retry: false })
      expect(server.seen).toHaveLength(1)
    })

  it('keeps a batch answered with neither 2xx nor 4xx (a stray 304) for a later try', async () => {
    const server = await scripted(304)
    expect(await send(server.url, batch())).toMatchObject({ ok: false, status: 304, retry: true })
    expect(server.seen).toHaveLength(1)
  })

  it('reports an unreachable endpoint as worth retrying, without throwing', async () => {
    const server = await scripted(200)
    servers.splice(0).forEach((s) => s.close())
    expect(await send(server.url, batch())).toEqual({ ok: false, retry: true })
  })

  it('tries nothing while the browser is offline', async () => {
    const server = await scripted(200)
    vi.stubGlobal('navigator', { onLine: false })
    expect(await send(server.url, batch())).toEqual({ ok: false, retry: true })
    expect(server.seen).toHaveLength(0)
  })

  it('lets the reference collector store an answer sent twice only once', async () => {
    const tmp = tempDir()
    const collector = createCollector({ dbPath: tmp.dbPath, log: () => {}, rateLimit: null })
    const { url } = await collector.listen(0)
    try {
      const sent = batch(3)
      expect(await send(url + '/collect', sent)).toMatchObject({ ok: true, status: 200 })
      expect(await send(url + '/collect', sent)).toMatchObject({ ok: true, status: 200 }) // e.g. after a beacon
      expect(await collector.store.count()).toBe(3)
    } finally {
      await collector.close()
      tmp.remove()
    }
  })
})

describe('transport: backoff', () => {
  it('doubles the wait per retry, up to the cap, with 50–100 % jitter', () => {
    Object.assign(transportSettings, { baseMs: 1000, capMs: 30000 })
    expect([1, 2, 3, 4, 5, 6].map((n) => backoff(n, () => 1))).toEqual([1000, 2000, 4000, 8000, 16000, 30000])
    expect([1, 2, 3].map((n) => backoff(n, () => 0))).toEqual([500, 1000, 2000])
    for (let i = 0; i < 100; i++) {
      expect(backoff(3)).toBeGreaterThanOrEqual(2000)
      expect(backoff(3)).toBeLessThanOrEqual(4000)
    }
  })

  it('retries exactly network-ish statuses: 408, 429 and every 5xx', () => {
    expect(RETRY_STATUS.filter((s) => s < 500)).toEqual([408, 429])
    expect(RETRY_STATUS).toContain(599)
  })
})
