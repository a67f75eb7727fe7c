// @vitest-environment node
// The transport chunk against real HTTP servers on loopback: a scripted one and the reference collector.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSend, transport, type SendTiming } from '../../src/transport/transport'
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

/** Waits of 10–40 ms instead of seconds; a Retry-After over 2 s ends the send. */
const FAST: SendTiming = { baseMs: 10, capMs: 40, timeoutMs: 500, retries: 4, maxRetryAfterMs: 2000 }
const send = createSend(FAST)

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

afterEach(() => {
  vi.restoreAllMocks()
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
    expect(server.seen).toHaveLength(FAST.retries + 1)
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
  /** The waits between the requests of one send through `failures` 503s, with Math.random() at `random`. */
  async function waits(timing: SendTiming, random: number, failures: number) {
    vi.spyOn(Math, 'random').mockReturnValue(random)
    const server = await scripted(...Array<number>(failures).fill(503), 200)
    expect(await createSend(timing)(server.url, batch())).toMatchObject({ ok: true })
    return server.seen.slice(1).map((request, index) => request.at - server.seen[index].at)
  }
  // A wait is never shorter than asked (give or take the clock's millisecond); it may be longer by
  // a request's round trip, far less than the margins between the alternatives that must fail.
  const within = (wait: number, low: number, below: number) => wait >= low - 2 && wait < below

  it('doubles the wait per retry up to the cap', async () => {
    const [first, second, third, fourth] = await waits({ ...FAST, baseMs: 200, capMs: 500 }, 1, 4)
    expect(within(first, 200, 400), `first wait ${first}`).toBe(true)
    expect(within(second, 400, 800), `second wait ${second}`).toBe(true)
    expect(within(third, 500, 800), `third wait ${third} (800 uncapped)`).toBe(true)
    expect(within(fourth, 500, 1600), `fourth wait ${fourth} (1600 uncapped)`).toBe(true)
  })

  it('waits between 50 and 100 % of each step (jitter), so that tabs hit by one outage spread out', async () => {
    const [first, second] = await waits({ ...FAST, baseMs: 400, capMs: 30000 }, 0, 2)
    expect(within(first, 200, 400), `first wait ${first}`).toBe(true)
    expect(within(second, 400, 800), `second wait ${second}`).toBe(true)
  })

  it('ships with waits of seconds: the chunk waits at least half a second before its first retry', async () => {
    const server = await scripted(503, 200)
    expect(await transport.send(server.url, batch())).toMatchObject({ ok: true })
    expect(server.seen[1].at - server.seen[0].at).toBeGreaterThanOrEqual(498)
  })

  it('offers the loader only its contract: no test knob ships in the chunk', () =>
    expect(Object.keys(transport).sort()).toEqual(['api', 'deliver', 'send', 'withLock']))

  it('retries exactly network-ish statuses: 408, 429 and every 5xx', async () => {
    const send = createSend({ ...FAST, baseMs: 1, capMs: 1, retries: 1 })
    // Each path answers its status once, then 200: a retried status costs two requests, a poison one.
    const requests: Record<number, number> = {}
    const server = createServer((req, res) => {
      const status = Number(req.url!.slice(1))
      requests[status] = (requests[status] || 0) + 1
      req.resume().on('end', () => res.writeHead(requests[status] == 1 ? status : 200).end())
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    servers.push({ close: () => (server.closeAllConnections(), server.close()) })
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
    const retried: number[] = []
    for (let status = 400; status < 600; status++) {
      // fetch itself answers these two before ky sees them (421: a new connection, as the Fetch
      // standard says; 407: proxy authentication), in browsers as in Node.
      if (status == 407 || status == 421) continue
      const result = await send(base + status, batch())
      if (result.ok) retried.push(status)
      else expect(result, `status ${status}`).toMatchObject({ ok: false, status, retry: false })
    }
    expect(retried).toEqual([408, 429, ...Array.from({ length: 100 }, (_, i) => 500 + i)])
    const wrongCounts = Object.entries(requests).filter(
      ([status, count]) => ![407, 421].includes(+status) && count != (retried.includes(+status) ? 2 : 1),
    )
    expect(wrongCounts).toEqual([])
  })
})
