import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDelivery, DRAFT_MS } from '../../../src/loader/delivery/delivery'
import { OUTBOX_CAP } from '../../../src/shared/outbox-list'
import { CHUNK_API, type Note, type SendResult, type TransportChunk } from '../../../src/shared/contract'
import { DEFAULTS, type Config } from '../../../src/shared/options'
import { createEmitter } from '../../../src/loader/core/emitter'
import { createStorage } from '../../../src/loader/lib/storage'
import type { Batch, EventMap, SurveyDisplay, SurveyResponse } from '../../../src/shared/types'
import { expectWireBatch, response } from '../../shared/wire-schema'
import { withCourier } from '../../transport/with-courier'

const ENDPOINT = 'https://collect.example/r'
let sent: Batch[]
let answers: SendResult[]
let otherTabSending: boolean
let events: [string, unknown][]
/** What delivery told the debug log. */
let notes: Note[]
/** How many times delivery asked for the transport chunk. */
let loads: number

const transport: TransportChunk = withCourier({
  api: CHUNK_API,
  send: async (_url, batch) => (
    sent.push(expectWireBatch(JSON.parse(JSON.stringify(batch)))),
    answers.shift() || { ok: true, status: 200, retry: false }
  ),
  withLock: async (_name, fn) => (otherTabSending ? null : fn()),
})

/** A page of its own per start(), so that earlier pages' listeners stay out of the way. */
type Page = EventTarget & {
  document: EventTarget & { visibilityState: DocumentVisibilityState; readyState: DocumentReadyState }
  navigator: { onLine: boolean }
}
let win: Page
let readyState: DocumentReadyState = 'complete'
// An idle browser: idle callbacks run at once, so the start-up pass over leftovers is synchronous here.
const newPage = (): Page =>
  Object.assign(new EventTarget(), {
    document: Object.assign(new EventTarget(), { visibilityState: 'visible' as const, readyState }),
    navigator: { onLine: true },
    requestIdleCallback: (fn: () => void) => fn(),
  })

function start(
  config: Partial<Config> = {},
  storage = createStorage(
    window,
    () => true,
    () => {},
  ),
  chunk = transport,
  drafts: SurveyResponse[] = [],
  load = async () => chunk,
) {
  win = newPage()
  const emitter = createEmitter(() => {})
  for (const name of ['sent', 'error'] as const) emitter.on(name, (e: EventMap[typeof name]) => events.push([name, e]))
  return createDelivery({
    win,
    config: { ...DEFAULTS, endpoint: ENDPOINT, ...config },
    emit: emitter.emit,
    log: (note) => void notes.push(note),
    loadChunk: () => (loads++, load()),
    storage,
    drafts: () => drafts,
  })
}
/** A display of a card shown, as the survey session records one when its card is on screen. */
const shown = (): SurveyDisplay => {
  const { score: _score, comment: _comment, emotion: _emotion, ...base } = response()
  return { ...base, event: 'shown' }
}
const stored = () => JSON.parse(localStorage.getItem('tp:o:' + ENDPOINT) || '[]') as { id: string }[]
const ids = () => sent.flatMap((b) => b.responses.map((r) => r.id))
/** Lets the timers fire and the promises they start settle. */
const tick = (ms: number) => vi.advanceTimersByTimeAsync(ms)

beforeEach(() => {
  vi.useFakeTimers()
  localStorage.clear()
  sent = []
  answers = []
  events = []
  notes = []
  otherTabSending = false
  loads = 0
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('delivery', () => {
  it('stores an answer before sending it, and sends it data-flush-ms later', async () => {
    const delivery = start({ flushMs: 5000 })
    const a = response()
    delivery.record(a, true)
    expect(stored()).toEqual([a])
    await tick(4999)
    expect(sent).toEqual([])
    await tick(1)
    expect(ids()).toEqual([a.id])
    expect(stored()).toEqual([])
    expect(events).toEqual([['sent', { ids: [a.id] }]])
  })

  it('sends at once when data-batch-size answers wait', async () => {
    const delivery = start({ batchSize: 3, flushMs: 60000 })
    const three = [response(), response(), response()]
    for (const r of three) delivery.record(r, true)
    await tick(0)
    expect(sent).toHaveLength(1)
    expect(ids()).toEqual(three.map((r) => r.id))
  })

  it('sends the leftovers of an earlier page view at start', async () => {
    const a = response()
    localStorage.setItem('tp:o:' + ENDPOINT, JSON.stringify([a]))
    start()
    await tick(0)
    expect(ids()).toEqual([a.id])
  })

  it("leaves storage alone until the store's page has loaded, then sends the leftovers", async () => {
    const a = response()
    localStorage.setItem('tp:o:' + ENDPOINT, JSON.stringify([a]))
    readyState = 'interactive'
    const get = vi.spyOn(Storage.prototype, 'getItem')
    try {
      start()
      await tick(1000)
      expect(get).not.toHaveBeenCalled()
      expect(sent).toEqual([])
      win.dispatchEvent(new Event('load'))
      await tick(0)
      expect(ids()).toEqual([a.id])
    } finally {
      readyState = 'complete'
    }
  })

  it('keeps an answer queued when the server answers 503, and tries again later', async () => {
    const delivery = start({ flushMs: 1000 })
    const a = response()
    answers = [{ ok: false, status: 503, retry: true }]
    delivery.record(a, true)
    await tick(1000)
    expect(stored()).toEqual([a])
    expect(events[0]).toEqual(['error', expect.objectContaining({ code: 'network', status: 503, ids: [a.id] })])
    await tick(1000)
    expect(ids()).toEqual([a.id, a.id])
    expect(stored()).toEqual([])
    expect(events[1]).toEqual(['sent', { ids: [a.id] }])
  })

  it('waits as long as Retry-After asks before trying again', async () => {
    const delivery = start({ flushMs: 100 })
    answers = [{ ok: false, status: 429, retry: true, retryAfterMs: 120000 }]
    delivery.record(response(), true)
    await tick(100)
    await tick(119000)
    expect(sent).toHaveLength(1)
    await tick(1000)
    expect(sent).toHaveLength(2)
  })

  it('drops answers the server refuses with a 4xx, with an error event carrying the status', async () => {
    const delivery = start({ flushMs: 0 })
    const a = response()
    answers = [{ ok: false, status: 400, retry: false }]
    delivery.record(a, true)
    await tick(10000)
    expect(sent).toHaveLength(1)
    expect(stored()).toEqual([])
    expect(events).toEqual([['error', expect.objectContaining({ code: 'rejected', status: 400, ids: [a.id] })]])
  })

  it('holds a chosen score back while the shopper may add a comment, then sends the final answer once', async () => {
    const delivery = start({ flushMs: 0 })
    const draft = response()
    delivery.record(draft, false)
    expect(stored()).toEqual([expect.objectContaining({ id: draft.id })])
    await tick(1000)
    expect(sent).toEqual([])
    notes = []
    await delivery.flush()
    expect(notes).toEqual([{ code: 'not-sending', offline: false }]) // what the e2e tests wait for
    delivery.record({ ...draft, comment: 'great' }, true)
    await tick(0)
    expect(sent.flatMap((b) => b.responses)).toEqual([{ ...draft, comment: 'great' }])
  })

  it('sends a draft another tab left behind once its page is long gone', async () => {
    const draft = response()
    start().record(draft, false) // a tab that was killed before pagehide
    sent = []
    start()
    await tick(1000)
    expect(sent).toEqual([])
    await tick(DRAFT_MS)
    start().flush()
    await tick(0)
    expect(ids()).toContain(draft.id)
  })

  it('beacons a draft when the page is left, and keeps it until a fetch is acknowledged', async () => {
    const sendBeacon = vi.fn(() => true)
    vi.stubGlobal('navigator', { ...navigator, sendBeacon })
    const draft = response()
    const delivery = start({ flushMs: 60000 }, undefined, transport, [draft]) // the survey session's draft
    delivery.display(shown()) // the card on screen: the transport chunk loads, beacon included
    await tick(0)
    delivery.record(draft, false)
    win.dispatchEvent(new Event('pagehide'))
    expect(sendBeacon).toHaveBeenCalledTimes(1)
    const blob = (sendBeacon.mock.calls[0] as unknown as [string, Blob])[1]
    expect(expectWireBatch(await blob.text()).responses).toEqual([draft])
    expect(stored()).toEqual([draft])
    win.dispatchEvent(new Event('pagehide'))
    expect(sendBeacon).toHaveBeenCalledTimes(1) // nothing new to beacon on this page view
    start() // the next page view
    await tick(0)
    expect(ids()).toEqual([draft.id])
    expect(stored()).toEqual([])
  })

  it('does not beacon a draft when the page is only hidden (the shopper may come back to it)', async () => {
    const sendBeacon = vi.fn(() => true)
    vi.stubGlobal('navigator', { ...navigator, sendBeacon })
    const draft = response()
    const delivery = start({ flushMs: 60000 }, undefined, transport, [draft]) // the survey session's draft
    delivery.display(shown()) // the card on screen: the transport chunk loads, beacon included
    await tick(0)
    delivery.record(draft, false)
    const final = response()
    delivery.record(final, true)
    win.document.visibilityState = 'hidden'
    win.document.dispatchEvent(new Event('visibilitychange'))
    expect(sendBeacon).toHaveBeenCalledTimes(1)
    const blob = (sendBeacon.mock.calls[0] as unknown as [string, Blob])[1]
    // Exactly the final answer: the draft stays with its page, which may be shown again.
    expect(expectWireBatch(await blob.text()).responses).toEqual([final])
    expect(stored().map((r) => r.id)).toEqual(expect.arrayContaining([draft.id, final.id])) // both kept
  })

  it("beacons this page's drafts only, not a page's enumerable Object.prototype additions", async () => {
    const sendBeacon = vi.fn(() => true)
    vi.stubGlobal('navigator', { ...navigator, sendBeacon })
    const draft = response()
    const delivery = start({ flushMs: 60000 }, undefined, transport, [draft]) // the survey session's draft
    delivery.display(shown()) // the card on screen: the transport chunk loads, beacon included
    await tick(0)
    delivery.record(draft, false)
    // A store script's polyfill, written the old way: enumerable, and shaped like an answer.
    const proto = Object.prototype as Record<string, unknown>
    proto.polluted = response()
    try {
      win.dispatchEvent(new Event('pagehide'))
    } finally {
      delete proto.polluted
    }
    expect(sendBeacon).toHaveBeenCalledTimes(1)
    const blob = (sendBeacon.mock.calls[0] as unknown as [string, Blob])[1]
    expect(expectWireBatch(await blob.text()).responses).toEqual([draft])
    expect(stored()).toEqual([draft])
  })

  it('tries nothing while offline and sends when the browser is back online', async () => {
    const delivery = start({ flushMs: 100 })
    win.navigator.onLine = false
    delivery.record(response(), true)
    await delivery.flush()
    await tick(10000)
    expect(sent).toEqual([])
    expect(notes).toContainEqual({ code: 'not-sending', offline: true })
    win.navigator.onLine = true
    win.dispatchEvent(new Event('online'))
    await tick(0)
    expect(sent).toHaveLength(1)
  })

  it('leaves the batch to the tab that holds the lock, and checks again later', async () => {
    const delivery = start({ flushMs: 500 })
    const a = response()
    otherTabSending = true
    delivery.record(a, true)
    await tick(500)
    expect(sent).toEqual([])
    expect(stored()).toEqual([a])
    // The other tab let go without sending it (closed mid-send): this tab's next look sends it.
    otherTabSending = false
    await tick(499)
    expect(sent).toEqual([])
    await tick(1)
    expect(ids()).toEqual([a.id])
    expect(stored()).toEqual([])
    expect(events).toEqual([['sent', { ids: [a.id] }]])
  })

  it('finds nothing to send on its next look when the tab holding the lock sent the batch', async () => {
    const delivery = start({ flushMs: 500 })
    const a = response()
    otherTabSending = true
    delivery.record(a, true)
    await tick(500)
    localStorage.clear() // the other tab sent it and got its 2xx
    otherTabSending = false
    await tick(5000)
    expect(sent).toEqual([])
    expect(events).toEqual([])
  })

  it('resolves flush() once the waiting answers have been handed over', async () => {
    vi.useRealTimers()
    const delivery = start({ flushMs: 60000 })
    const a = response()
    delivery.record(a, true)
    await delivery.flush()
    expect(ids()).toEqual([a.id])
  })

  it("resolves flush() as soon as the batch is on the wire, not after a failing server's retries", async () => {
    let finish: (r: SendResult) => void = () => {}
    const slow: TransportChunk = withCourier({
      ...transport,
      // A server in trouble: the request goes out, the retries take a long while.
      send: (_url, batch, _signal, onRequest) => (
        sent.push(batch),
        onRequest!(),
        new Promise<SendResult>((resolve) => (finish = resolve))
      ),
    })
    const delivery = start({ flushMs: 60000 }, undefined, slow)
    const a = response()
    delivery.record(a, true)
    let resolved = false
    const flushed = delivery.flush().then(() => (resolved = true))
    await tick(0)
    expect(ids()).toEqual([a.id])
    await flushed
    expect(resolved).toBe(true)
    expect(stored()).toEqual([a]) // handed over is not acknowledged: it stays until the 2xx
    finish({ ok: true, status: 200, retry: false })
    await tick(0)
    expect(stored()).toEqual([])
  })

  it(`drops the oldest answer past ${OUTBOX_CAP} with an overflow error event`, async () => {
    const delivery = start({ flushMs: 60000 })
    const all = Array.from({ length: OUTBOX_CAP + 1 }, () => response())
    for (const r of all) delivery.record(r, false) // drafts count too, and keep this test from sending
    expect(events.filter((e) => e[0] == 'error' && (e[1] as { code: string }).code == 'overflow')).toEqual([
      ['error', expect.objectContaining({ code: 'overflow', ids: [all[0].id] })],
    ])
    expect(stored()).toHaveLength(OUTBOX_CAP)
  })

  it('keeps answers in memory and still sends them when storage is blocked, warning once', async () => {
    const blocked = {
      get localStorage(): Storage {
        throw new DOMException('denied', 'SecurityError')
      },
    } as unknown as Window
    const warnings: unknown[] = []
    const delivery = start(
      { flushMs: 100 },
      createStorage(
        blocked,
        () => true,
        (err) => warnings.push(err),
      ),
    )
    const [a, b] = [response(), response()]
    delivery.record(a, true)
    delivery.record(b, true)
    await tick(100)
    expect(ids()).toEqual([a.id, b.id])
    expect(warnings).toHaveLength(1)
    expect(events).toEqual([['sent', { ids: [a.id, b.id] }]])
  })
})

describe('delivery before the transport chunk is needed', () => {
  it('never loads the transport chunk on a page view with nothing to send', async () => {
    const delivery = start()
    await tick(10000) // the idle look for leftovers ran (at once here)
    win.dispatchEvent(new Event('online'))
    win.document.visibilityState = 'hidden'
    win.document.dispatchEvent(new Event('visibilitychange'))
    win.dispatchEvent(new Event('pagehide'))
    await delivery.flush()
    expect(loads).toBe(0)
    expect(notes).toEqual([
      { code: 'not-sending', offline: false }, // idle
      { code: 'not-sending', offline: false }, // online
      { code: 'not-sending', offline: false }, // flush()
    ])
  })

  it('loads the transport chunk once, as soon as a card is shown, before the shopper answers', async () => {
    const delivery = start({ flushMs: 60000 })
    delivery.display(shown())
    await tick(0)
    expect(loads).toBe(1)
    const draft = response()
    delivery.record(draft, false)
    delivery.record({ ...draft, comment: 'ok' }, true)
    await delivery.flush()
    expect(loads).toBe(1)
    expect(ids()).toEqual([draft.id])
  })

  it("beacons this page view's answers and displays itself when the page is left before the chunk arrived, keeps them, and the next page view sends them", async () => {
    const sendBeacon = vi.fn(() => true)
    vi.stubGlobal('navigator', { ...navigator, sendBeacon })
    const [draft, final, display] = [response(), response(), shown()]
    // A transport chunk still on its way when the shopper leaves (or blocked by an extension).
    const delivery = start({ flushMs: 60000 }, undefined, transport, [draft], () => new Promise(() => {}))
    delivery.display(display)
    delivery.record(draft, false)
    delivery.record(final, true)
    win.dispatchEvent(new Event('pagehide'))
    expect(sendBeacon).toHaveBeenCalledTimes(1)
    const [url, blob] = sendBeacon.mock.calls[0] as unknown as [string, Blob]
    expect(url).toBe(ENDPOINT)
    expect(blob.type).toBe('text/plain')
    const batch = expectWireBatch(await blob.text())
    expect(batch.responses).toEqual([final, draft]) // the draft is an answer now
    expect(batch.displays).toEqual([display])
    win.dispatchEvent(new Event('pagehide'))
    expect(sendBeacon).toHaveBeenCalledTimes(1) // nothing new on this page view
    expect(stored()).toEqual([draft, final]) // a beacon is no receipt: they stay for any tab to send
    start() // the next page view
    await tick(0)
    expect(ids()).toEqual([draft.id, final.id])
    expect(stored()).toEqual([])
  })

  it('beacons what waits as soon as the chunk arrives while the page is hidden', async () => {
    const sendBeacon = vi.fn(() => true)
    vi.stubGlobal('navigator', { ...navigator, sendBeacon })
    const display = shown()
    start({ flushMs: 60000 }, undefined, transport, [], () => new Promise(() => {})).display(display) // an earlier page view
    sendBeacon.mockClear()
    let arrive = (_chunk: TransportChunk) => {}
    start({ flushMs: 60000 }, undefined, transport, [], () => new Promise((resolve) => (arrive = resolve)))
    // The idle look found the display and asked for the chunk; the shopper switches apps: nothing
    // of this page view to beacon without it.
    win.document.visibilityState = 'hidden'
    win.document.dispatchEvent(new Event('visibilitychange'))
    expect(sendBeacon).not.toHaveBeenCalled()
    arrive(transport)
    await tick(0)
    expect(sendBeacon).toHaveBeenCalledTimes(1)
    const blob = (sendBeacon.mock.calls[0] as unknown as [string, Blob])[1]
    expect(expectWireBatch(await blob.text()).displays).toEqual([display])
  })
})
