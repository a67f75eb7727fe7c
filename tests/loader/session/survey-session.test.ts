// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createSurveySession, type SurveySessionDeps } from '../../../src/loader/session/survey-session'
import { createEmitter } from '../../../src/loader/core/emitter'
import { createConsent } from '../../../src/loader/privacy/consent'
import { CHUNK_API, OLD_UI, type UiChunk, type UiHost } from '../../../src/shared/contract'
import { presentWith } from '../../../src/ui/present'
import { DEFAULTS } from '../../../src/shared/options'
import type { SurveyDisplay, SurveyResponse } from '../../../src/shared/types'

let hosts: UiHost[]
let closes: number
let recorded: [SurveyResponse, boolean][]
let outcomes: string[]

// A UI chunk whose card is `open` (no Preact here), with the chunk's real bookkeeping around it.
const chunkWith = (open: UiChunk['open']): UiChunk => ({ api: CHUNK_API, open, present: presentWith(open) })
const open: UiChunk['open'] = (_request, host) => {
  hosts.push(host)
  // As the UI chunk does: a closed card tells the loader it has left the page.
  return {
    close() {
      closes++
      host.closed()
    },
  }
}

const start = (extra: Partial<SurveySessionDeps> = {}) =>
  createSurveySession({
    win: window,
    config: DEFAULTS,
    loadChunk: async () => chunkWith(open),
    delivery: { record: (response, final) => void recorded.push([response, final]) },
    displays: { visitor: () => 'new', display: () => {} },
    consent: createConsent(window, DEFAULTS),
    detection: () => ({ stage: 'decision', touchpoint: 'cart', signal: 'url' }),
    locale: () => 'en',
    emit: createEmitter(() => {}).emit,
    log: vi.fn(),
    warn: vi.fn(),
    outcome: (survey, what) => void outcomes.push(`${what}:${survey}`),
    ...extra,
  })

/** Displays that note each event they store in `said`, and each display in `stored`. */
const noting = (said: string[], stored: SurveyDisplay[] = []): NonNullable<SurveySessionDeps['displays']> => ({
  visitor: () => 'new',
  display: (display) => {
    said.push(display.event)
    stored.push(display)
  },
})

/** Runs `steps` with timers and animation frames faked: a card's first frame comes when the test says. */
async function withFakeFrames(steps: () => Promise<void>): Promise<void> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] })
  try {
    await steps()
  } finally {
    vi.useRealTimers()
  }
}

beforeEach(() => {
  hosts = []
  closes = 0
  recorded = []
  outcomes = []
})

describe('the survey session', () => {
  it("hands delivery this page's drafts only, not a page's enumerable Object.prototype additions", async () => {
    const session = start()
    await session.show('nps')
    hosts[0].choose(7)
    // A store script's polyfill, written the old way: enumerable, and shaped like an answer.
    const proto = Object.prototype as Record<string, unknown>
    proto.polluted = { id: 'polluted', score: 0 }
    try {
      expect(session.drafts().map((draft) => draft.score)).toEqual([7])
    } finally {
      delete proto.polluted
    }
  })

  it('keeps one survey on screen at a time, even while the first one is still loading', async () => {
    const session = start()
    const first = session.show('nps')
    expect(await session.show('csat')).toBe(false) // asked before the UI chunk arrived
    expect(await first).toBe(true)
    expect(await session.show('csat')).toBe(false)
    hosts[0].closed()
    expect(await session.show('csat')).toBe(true)
    expect(outcomes).toEqual(['show:nps', 'show:csat'])
  })

  it('lets an explicit show() replace a card that only says thank you, but not a trigger', async () => {
    const session = start()
    await session.show('nps')
    hosts[0].answer(9, null)
    expect(await session.show('csat', 'csat', true)).toBe(false)
    expect(closes).toBe(0)
    expect(await session.show('csat')).toBe(true)
    expect(closes).toBe(1)
  })

  it('spends the page view on a trigger even when its card cannot show, and a new page view frees it', async () => {
    const session = start({ delivery: null })
    expect(session.shownThisPageView()).toBe(false)
    expect(await session.show('csat', 'csat', true)).toBe(false) // no endpoint
    expect(session.shownThisPageView()).toBe(true)
    session.newPageView()
    expect(session.shownThisPageView()).toBe(false)
    expect(await session.show('csat')).toBe(false) // an explicit call that did not show spends nothing
    expect(session.shownThisPageView()).toBe(false)
  })

  it('owns the draft: a chosen score is stored at once and stays a draft until the answer replaces it', async () => {
    const session = start()
    await session.show('emotion')
    hosts[0].choose(4)
    const [[draft, final]] = recorded
    expect(final).toBe(false)
    expect(session.drafts()).toEqual([draft])
    hosts[0].answer(5, 'lovely')
    expect(session.drafts()).toEqual([])
    expect(recorded[1]).toEqual([{ ...draft, score: 5, emotion: 'delighted', comment: 'lovely' }, true])
    expect(outcomes).toEqual(['show:emotion', 'answer:emotion'])
  })

  it('counts a card as shown after its first frame; a pick before then counts it first, so the answer names its display', async () => {
    const said: string[] = []
    const emitter = createEmitter(() => {})
    emitter.on('show', () => void said.push('show'))
    const stored: SurveyDisplay[] = []
    const session = start({ emit: emitter.emit, displays: noting(said, stored) })
    await withFakeFrames(async () => {
      const shown = session.show('nps')
      await vi.advanceTimersByTimeAsync(0) // the chunk arrives and the card renders; no frame yet
      expect(hosts).toHaveLength(1)
      // On screen, not yet painted: nothing is counted (no display, cap or event in the task that renders).
      expect([said, outcomes]).toEqual([[], []])
      hosts[0].choose(7)
      expect(said).toEqual(['shown', 'show'])
      expect(outcomes).toEqual(['show:nps'])
      expect(recorded[0][0]).toMatchObject({ score: 7, display: stored[0].id })
      await vi.advanceTimersByTimeAsync(20) // the first frame, and the task after it
      expect(await shown).toBe(true)
      expect(said).toEqual(['shown', 'show']) // counted once
    })
  })

  it('counts a card as shown when the browser is idle after its first frame; a page left before then counts it first', async () => {
    const said: string[] = []
    const idle: (() => void)[] = []
    const win = window as { requestIdleCallback?: (fn: () => void) => void }
    win.requestIdleCallback = (fn) => void idle.push(fn)
    try {
      const session = start({ displays: noting(said) })
      await withFakeFrames(async () => {
        const shown = session.show('nps')
        await vi.advanceTimersByTimeAsync(20) // the chunk, the first frame and the task after it
        expect(idle).toHaveLength(1) // asked for idle time once the frame was painted
        expect(said).toEqual([])
        // The page is being left before the idle callback: the delivery asks for the drafts
        // before it reads the displays, and the card is counted then.
        expect(session.drafts()).toEqual([])
        expect(said).toEqual(['shown'])
        idle[0]()
        expect(await shown).toBe(true)
        expect([said, outcomes]).toEqual([['shown'], ['show:nps']]) // once
      })
      // Without a step of the shopper's or a page leave: counted in that idle callback.
      said.length = 0
      const later = start({ displays: noting(said) })
      await withFakeFrames(async () => {
        const shown = later.show('csat')
        await vi.advanceTimersByTimeAsync(20)
        expect(said).toEqual([])
        idle[1]()
        expect(await shown).toBe(true)
        expect(said).toEqual(['shown'])
      })
    } finally {
      delete win.requestIdleCallback
    }
  })

  it("has the UI prepare a trigger's card, and take it away at a new page view; no chunk is loaded for that when none was prepared", async () => {
    const asked: (string | null)[] = []
    let loads = 0
    const session = start({
      loadChunk: async () => {
        loads++
        return { ...chunkWith(open), prepare: (request) => void asked.push(request && request.kind) }
      },
    })
    session.newPageView() // nothing prepared: the UI is not fetched for nothing
    await Promise.resolve()
    expect(loads).toBe(0)
    session.prepare('emotion', 'emotion')
    session.newPageView()
    session.newPageView() // once only
    await vi.waitFor(() => expect(asked).toEqual(['emotion', null]))
    expect(loads).toBe(2)
  })

  it('counts a card as shown in the task after its first frame, without a step of the shopper', async () => {
    const said: string[] = []
    const session = start({ displays: noting(said) })
    await withFakeFrames(async () => {
      const shown = session.show('nps')
      await vi.advanceTimersByTimeAsync(0)
      expect(said).toEqual([])
      await vi.advanceTimersByTimeAsync(20)
      expect(said).toEqual(['shown'])
      expect(await shown).toBe(true)
    })
  })

  it('shows nothing with a UI chunk older than this loader (no present), says so, and shows once the new one is there', async () => {
    const emitter = createEmitter(() => {})
    const errors: unknown[] = []
    emitter.on('error', (error) => void errors.push(error))
    const log = vi.fn()
    const prepare = vi.fn()
    // Last release's UI, as a CDN cache may serve it next to this loader: open() and prepare(), no present().
    let chunk: UiChunk = { api: CHUNK_API, open, prepare }
    const session = start({ emit: emitter.emit, log, loadChunk: async () => chunk })
    session.prepare('nps', 'nps') // no card is prepared that could never show
    await expect(session.show('nps')).resolves.toBe(false)
    expect(hosts).toEqual([]) // nothing on screen, so nothing to lose
    expect(prepare).not.toHaveBeenCalled()
    expect(errors).toEqual([{ code: 'chunk', message: OLD_UI }])
    expect(log).toHaveBeenCalledWith({ code: 'failed', what: 'ui', error: OLD_UI })
    expect(outcomes).toEqual([])
    // The slot is free again: once the cache serves the new UI, the next show() opens it.
    chunk = chunkWith(open)
    await expect(session.show('nps')).resolves.toBe(true)
    hosts[0].choose(8)
    expect(recorded.map(([response, final]) => [response.score, final])).toEqual([[8, false]])
  })
})
