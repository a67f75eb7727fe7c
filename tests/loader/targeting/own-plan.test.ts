// @vitest-environment happy-dom
// A store's own plan (data-surveys, init({ surveys })) is parsed by the surveys chunk, which
// arrives a round trip after the loader starts: that wait must lose no trigger and no moment,
// and a chunk that never arrives must cost a warning, not an error. Stores on the built-in plan
// never ask for the chunk.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULTS } from '../../../src/shared/options'
import type { Chunks, Note } from '../../../src/shared/contract'
import { surveys } from '../../../src/surveys'
import { createStorage } from '../../../src/loader/lib/storage'
import { createConsent } from '../../../src/loader/privacy/consent'
import { startTargeting, type TargetingDeps } from '../../../src/loader/targeting/targeting'
import type { Detection } from '../../../src/shared/types'

/** Targeting whose surveys chunk arrives (or fails) when the test says. */
function start(surveysOption: string | null, detection: Detection, extra: Partial<typeof DEFAULTS> = {}) {
  let arrive: () => void = () => {}
  let fail: (error: Error) => void = () => {}
  const pending = new Promise<Chunks['surveys']>((resolve, reject) => {
    arrive = () => resolve(surveys)
    fail = reject
  })
  const config = { ...DEFAULTS, endpoint: 'https://c.example/r', surveys: surveysOption, ...extra }
  const consent = createConsent(window, config)
  const warned: Note[] = []
  const asked: string[] = []
  const loadChunk = <K extends 'surveys'>(name: K) => {
    asked.push(name)
    return pending as Promise<Chunks[K]>
  }
  const deps = {
    win: window,
    config,
    log: () => {},
    warn: (note: Note) => void warned.push(note),
    detection: () => detection,
    loadChunk,
    prepare: () => {}, // the survey session's: renders the armed card unseen
    consent,
    storage: createStorage(window, consent.granted, () => {}),
    shownThisPageView: () => false,
  } satisfies TargetingDeps
  const open = vi.fn()
  const targeting = startTargeting(deps, open)
  return { targeting, open, warned, asked, arrive, fail, consent }
}

const cart: Detection = { stage: 'decision', touchpoint: 'cart', signal: 'url' }
const thankYou: Detection = { stage: 'purchase', touchpoint: 'confirmation', signal: 'url' }

describe("a store's own survey plan", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-11-27T10:00:00Z') })
    localStorage.clear()
  })
  afterEach(() => vi.useRealTimers())

  it('never asks for the parser on the built-in plan, and asks on time', async () => {
    const { asked, open } = start(null, thankYou)
    await vi.advanceTimersByTimeAsync(3000)
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ id: 'csat' }), 'delay=3000')
    expect(asked).not.toContain('surveys')
  })

  it('replays a track() and a dataLayer event heard before the parser arrived', async () => {
    const { targeting, open, arrive } = start('cart:csat@track=chat_closed; cart:emotion@event=add_to_cart', cart)
    targeting.track('chat_closed')
    targeting.dataLayerEvent('add_to_cart')
    expect(open).not.toHaveBeenCalled()
    arrive()
    await vi.advanceTimersByTimeAsync(0)
    // Both heard (the survey session, not targeting, keeps it to one survey per page view).
    expect(open.mock.calls.map(([plan, trigger]) => [plan.kind, trigger])).toEqual([
      ['csat', 'track=chat_closed'],
      ['emotion', 'event=add_to_cart'],
    ])
  })

  it('counts a delay from the page view, not from when the parser arrived', async () => {
    const { open, arrive } = start('confirmation:csat@delay=3s', thankYou)
    await vi.advanceTimersByTimeAsync(1000)
    arrive()
    await vi.advanceTimersByTimeAsync(1999)
    expect(open).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ kind: 'csat' }), 'delay=3000')
  })

  it('asks for the parser only once consent allows a survey, and counts the delay from then', async () => {
    const { targeting, open, asked, arrive, consent } = start('confirmation:csat@delay=3s', thankYou, {
      consent: 'required',
    })
    targeting.track('before-consent')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(asked).toEqual([])
    consent.set(true)
    expect(asked).toEqual(['surveys'])
    arrive()
    await vi.advanceTimersByTimeAsync(2999)
    expect(open).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(open).toHaveBeenCalledTimes(1)
  })

  it('warns once when the parser cannot be fetched, opens nothing by itself and throws nothing', async () => {
    const { targeting, open, warned, fail } = start('confirmation:csat@delay=0s', thankYou)
    const error = Error('touchpoint-surveys.js did not load')
    fail(error)
    await vi.advanceTimersByTimeAsync(60_000)
    targeting.track('anything')
    targeting.restart()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(open).not.toHaveBeenCalled()
    expect(warned).toEqual([{ code: 'failed', what: 'surveys', error }])
  })
})
