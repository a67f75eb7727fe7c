// A transport chunk that does not load (CDN hiccup, blocked by an extension): delivery reports it
// once, backs off, and sends the answers once the chunk loads. The same in Chromium, with a real
// 404: tests/e2e/transport-chunk.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHUNK_RETRY_MAX_MS, createDelivery } from '../../src/delivery/delivery'
import { CHUNK_API, type TransportChunk } from '../../src/contract'
import { DEFAULTS } from '../../src/config/options'
import { createEmitter } from '../../src/core/emitter'
import { createStorage } from '../../src/lib/storage'
import type { Context } from '../../src/core/context'
import type { Batch } from '../../src/types'
import { response } from './wire-schema'

let sent: Batch[]
let events: unknown[]
/** When each load of the chunk was tried (fake ms since the test began). */
let loads: number[]
/** Loads of the chunk that fail before it becomes available. */
let failures: number

const transport: TransportChunk = {
  api: CHUNK_API,
  send: async (_url, batch) => (sent.push(batch), { ok: true, status: 200, retry: false }),
  withLock: async (_name, fn) => fn(),
}

function start(flushMs: number) {
  const began = Date.now()
  const emitter = createEmitter(() => {})
  emitter.on('error', (e) => events.push(e))
  const win = Object.assign(new EventTarget(), {
    document: Object.assign(new EventTarget(), { visibilityState: 'visible', readyState: 'complete' }),
    navigator: { onLine: true },
    requestIdleCallback: (fn: () => void) => fn(),
  })
  const ctx = {
    win, config: { ...DEFAULTS, endpoint: 'https://collect.example/r', flushMs, batchSize: 1 }, emit: emitter.emit, on: emitter.on, log() {}, warn() {},
    storage: createStorage(window, () => true, () => {}),
    async loadChunk() {
      loads.push(Date.now() - began)
      if (failures-- > 0) throw new Error('touchpoint-transport.js did not load')
      return transport
    },
  } as unknown as Context
  return createDelivery(ctx)
}

beforeEach(() => {
  vi.useFakeTimers()
  localStorage.clear()
  sent = []
  events = []
  loads = []
})
afterEach(() => vi.useRealTimers())

describe('delivery when the transport chunk does not load', () => {
  it('reports one chunk error, waits twice as long after each failure, and sends the answer once the chunk loads', async () => {
    failures = 3
    const delivery = start(1000)
    delivery.record(response({ id: 'a' }), true)
    await vi.advanceTimersByTimeAsync(20000)
    expect(loads).toEqual([0, 1000, 3000, 7000])
    expect(events).toEqual([{ code: 'chunk', message: 'Error: touchpoint-transport.js did not load' }])
    expect(sent.map((batch) => batch.responses.map((r) => r.id))).toEqual([['a']])
  })

  it('backs off from 100 ms when the flush interval is 0, and never waits longer than five minutes', async () => {
    failures = Infinity
    const delivery = start(0)
    delivery.record(response({ id: 'a' }), true)
    await vi.advanceTimersByTimeAsync(3 * 3600000)
    const waits = loads.slice(1).map((at, i) => at - loads[i])
    expect(waits.slice(0, 4)).toEqual([100, 200, 400, 800])
    expect(Math.max(...waits)).toBe(CHUNK_RETRY_MAX_MS)
    // Hours of outage, a few dozen tries, still one event.
    expect(loads.length).toBeLessThan(50)
    expect(events).toHaveLength(1)
  })

  it('reports a new outage after the chunk has loaded once', async () => {
    failures = 1
    const delivery = start(1000)
    delivery.record(response({ id: 'a' }), true)
    await vi.advanceTimersByTimeAsync(5000)
    failures = 1
    delivery.record(response({ id: 'b' }), true)
    await vi.advanceTimersByTimeAsync(5000)
    expect(events).toHaveLength(2)
    expect(sent.map((batch) => batch.responses.map((r) => r.id))).toEqual([['a'], ['b']])
  })
})
