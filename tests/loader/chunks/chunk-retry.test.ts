// A transport chunk that does not load (CDN hiccup, blocked by an extension): delivery reports it
// once, backs off, and sends the answers once the chunk loads. The same in Chromium, with a real
// 404: tests/e2e/transport-chunk.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHUNK_RETRY_MAX_MS, createDelivery } from '../../../src/loader/delivery/delivery'
import { CHUNK_API, type TransportChunk } from '../../../src/shared/contract'
import { DEFAULTS } from '../../../src/shared/options'
import { createEmitter } from '../../../src/loader/core/emitter'
import { createStorage } from '../../../src/loader/lib/storage'
import type { Batch } from '../../../src/shared/types'
import { response } from '../../shared/wire-schema'
import { withCourier } from '../../transport/with-courier'

// Valid wire ids: the outbox keeps only answers that match the schema.
const A = '6f1d3c2b-9a8e-4c7d-8b6a-5e4f3d2c1b0a'
const B = '7a2e4d3c-0b9f-4d8e-9c7b-6f5e4d3c2b1a'

/**
 * A delivery whose transport chunk fails `failures` times before it loads (`old`: a chunk without
 * `deliver`). `idle` runs the page's idle callbacks (at once unless told otherwise). Each start() has its
 * own records, so that a delivery of an earlier test, still retrying, cannot touch them.
 */
function start(flushMs: number, failures: number, old = false, idle = (fn: () => void) => fn()) {
  const began = Date.now()
  const sent: Batch[] = []
  const events: unknown[] = []
  /** When each load of the chunk was tried (fake ms since start). */
  const loads: number[] = []
  const transport: TransportChunk = withCourier({
    api: CHUNK_API,
    send: async (_url, batch) => (sent.push(batch), { ok: true, status: 200, retry: false }),
    withLock: async (_name, fn) => fn(),
  })
  const emitter = createEmitter(() => {})
  emitter.on('error', (e) => events.push(e))
  const win = Object.assign(new EventTarget(), {
    document: Object.assign(new EventTarget(), {
      visibilityState: 'visible' as const,
      readyState: 'complete' as const,
    }),
    navigator: { onLine: true },
    requestIdleCallback: idle,
  })
  const delivery = createDelivery({
    win,
    config: { ...DEFAULTS, endpoint: 'https://collect.example/r', flushMs, batchSize: 1 },
    emit: emitter.emit,
    log() {},
    drafts: () => [],
    storage: createStorage(
      window,
      () => true,
      () => {},
    ),
    async loadChunk() {
      loads.push(Date.now() - began)
      if (failures-- > 0) throw new Error('touchpoint-transport.js did not load')
      // A chunk of a release before `deliver`, served from a CDN cache next to this loader.
      return old ? { ...transport, deliver: undefined } : transport
    },
  })
  return {
    delivery,
    sent: () => sent.map((batch) => batch.responses.map((r) => r.id)),
    events,
    loads,
    failAgain: (times: number) => void (failures = times),
  }
}

beforeEach(() => {
  vi.useFakeTimers()
  localStorage.clear()
})
afterEach(() => vi.useRealTimers())

describe('delivery when the transport chunk does not load', () => {
  it('reports one chunk error, waits twice as long after each failure, and sends the answer once the chunk loads', async () => {
    const { delivery, sent, events, loads } = start(1000, 3)
    delivery.record(response({ id: A }), true)
    await vi.advanceTimersByTimeAsync(20000)
    expect(loads).toEqual([0, 1000, 3000, 7000])
    expect(events).toEqual([{ code: 'chunk', message: 'Error: touchpoint-transport.js did not load' }])
    expect(sent()).toEqual([[A]])
  })

  it('backs off from 100 ms when the flush interval is 0, and never waits longer than five minutes', async () => {
    const { delivery, events, loads } = start(0, Infinity)
    delivery.record(response({ id: A }), true)
    await vi.advanceTimersByTimeAsync(3 * 3600000)
    const waits = loads.slice(1).map((at, i) => at - loads[i])
    expect(waits.slice(0, 4)).toEqual([100, 200, 400, 800])
    expect(Math.max(...waits)).toBe(CHUNK_RETRY_MAX_MS)
    // Hours of outage, a few dozen tries, still one event.
    expect(loads.length).toBeLessThan(50)
    expect(events).toHaveLength(1)
  })

  it("leaves what the idle look finds to a failed load's retry, without cutting the backoff short", async () => {
    let whenIdle = () => {}
    const { delivery, loads } = start(1000, Infinity, false, (fn) => void (whenIdle = fn))
    delivery.record(response({ id: A }), true) // before the page is idle: the load fails
    await vi.advanceTimersByTimeAsync(500)
    whenIdle() // the answer is waiting, but the retry is due in 500 ms
    await vi.advanceTimersByTimeAsync(499)
    expect(loads).toEqual([0])
    await vi.advanceTimersByTimeAsync(1)
    expect(loads).toEqual([0, 1000])
  })

  it('tries the chunk again at once for a new answer while a failed load waits for its retry', async () => {
    const { delivery, sent, events, loads } = start(1000, 1)
    delivery.record(response({ id: A }), true) // fails: the retry is due in 1 s
    await vi.advanceTimersByTimeAsync(200)
    delivery.record(response({ id: B }), true) // the shopper may be about to close the tab
    await vi.advanceTimersByTimeAsync(0)
    expect(loads).toEqual([0, 200])
    expect(sent().flat()).toEqual([A, B])
    expect(events).toHaveLength(1)
  })

  it('keeps the chunk once it has loaded: later answers go without another load or error', async () => {
    const { delivery, sent, events, loads, failAgain } = start(1000, 1)
    delivery.record(response({ id: A }), true)
    await vi.advanceTimersByTimeAsync(5000)
    failAgain(1) // the CDN fails again: this page view no longer asks it
    delivery.record(response({ id: B }), true)
    await vi.advanceTimersByTimeAsync(5000)
    expect(loads).toHaveLength(2)
    expect(events).toHaveLength(1)
    expect(sent()).toEqual([[A], [B]])
  })

  it('keeps an answer given while the chunk is blocked in storage, and the next page view sends it', async () => {
    const blocked = start(1000, Infinity)
    blocked.delivery.record(response({ id: A }), true)
    await vi.advanceTimersByTimeAsync(60000)
    expect(blocked.sent()).toEqual([])
    expect(JSON.parse(localStorage.getItem('tp:o:https://collect.example/r')!)).toEqual([response({ id: A })])
    const next = start(1000, 0) // the next page view, where the chunk loads
    await vi.advanceTimersByTimeAsync(0)
    expect(next.sent()).toEqual([[A]])
    expect(localStorage.getItem('tp:o:https://collect.example/r')).toBeNull()
  })

  it('takes a transport chunk older than the loader (no deliver) for one that did not load', async () => {
    const { delivery, sent, events } = start(1000, 0, true)
    delivery.record(response({ id: A }), true)
    await vi.advanceTimersByTimeAsync(10000)
    expect(sent()).toEqual([])
    expect(events).toEqual([{ code: 'chunk', message: 'Error: touchpoint-transport.js is older than its loader' }])
    expect(JSON.parse(localStorage.getItem('tp:o:https://collect.example/r')!)).toHaveLength(1)
  })
})
