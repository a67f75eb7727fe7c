// @vitest-environment happy-dom
// A store's own plan (data-surveys, init({ surveys })) is parsed by the surveys chunk, which
// arrives a round trip after the loader starts: that wait must lose no trigger and no moment,
// and a chunk that never arrives must cost a warning, not an error. Stores on the built-in plan
// never ask for the chunk.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULTS } from '../../../src/shared/options'
import type { Chunks } from '../../../src/shared/contract'
import { surveys } from '../../../src/surveys'
import { startTargeting } from '../../../src/loader/targeting/targeting'
import type { Detection } from '../../../src/shared/types'
import { targetingDeps } from './deps'

/** Targeting whose surveys chunk arrives (or fails) when the test says; `goTo` is an SPA navigation. */
function start(
  surveysOption: string | null,
  detection: Detection,
  extra: Partial<typeof DEFAULTS> = {},
  chunk: Chunks['surveys'] = surveys,
) {
  let arrive: () => void = () => {}
  let fail: (error: Error) => void = () => {}
  const surveysChunk = new Promise<Chunks['surveys']>((resolve, reject) => {
    arrive = () => resolve(chunk)
    fail = reject
  })
  const deps = targetingDeps({ config: { surveys: surveysOption, ...extra }, detection: () => detection, surveysChunk })
  const open = vi.fn()
  const targeting = startTargeting(deps, open)
  const goTo = (next: Detection) => {
    detection = next
    targeting.restart()
  }
  return { targeting, open, deps, arrive, fail, goTo }
}

const cart: Detection = { stage: 'decision', touchpoint: 'cart', signal: 'url' }
const thankYou: Detection = { stage: 'purchase', touchpoint: 'confirmation', signal: 'url' }
const product: Detection = { stage: 'consideration', touchpoint: 'product', signal: 'url' }

describe("a store's own survey plan", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-11-27T10:00:00Z') })
    localStorage.clear()
  })
  afterEach(() => vi.useRealTimers())

  it('never asks for the parser on the built-in plan, and asks on time', async () => {
    const { deps, open } = start(null, thankYou)
    await vi.advanceTimersByTimeAsync(3000)
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ id: 'csat', trigger: { delay: 3000 } }))
    expect(deps.asked).not.toContain('surveys')
  })

  it('replays a track() and a dataLayer event heard before the parser arrived', async () => {
    const { targeting, open, arrive } = start('cart:csat@track=chat_closed; cart:emotion@event=add_to_cart', cart)
    targeting.track('chat_closed')
    targeting.dataLayerEvent('add_to_cart')
    expect(open).not.toHaveBeenCalled()
    arrive()
    await vi.advanceTimersByTimeAsync(0)
    // Both heard (the survey session, not targeting, keeps it to one survey per page view).
    expect(open.mock.calls.map(([plan]) => [plan.kind, plan.trigger])).toEqual([
      ['csat', { track: 'chat_closed' }],
      ['emotion', { event: 'add_to_cart' }],
    ])
  })

  it('counts a delay from the page view, not from when the parser arrived', async () => {
    const { open, arrive } = start('confirmation:csat@delay=3s', thankYou)
    await vi.advanceTimersByTimeAsync(1000)
    arrive()
    await vi.advanceTimersByTimeAsync(1999)
    expect(open).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ kind: 'csat', trigger: { delay: 3000 } }))
  })

  it('counts a delay from the page view it arms on, when an SPA navigation came while the parser loaded', async () => {
    // The core restarts targeting only when the touchpoint or stage changes (create-touchpoint.ts).
    const { open, arrive, goTo } = start('cart,confirmation:csat@delay=3s', cart)
    await vi.advanceTimersByTimeAsync(2000)
    goTo(thankYou) // the order placed: a new page view
    await vi.advanceTimersByTimeAsync(500)
    arrive()
    await vi.advanceTimersByTimeAsync(2499)
    expect(open).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ kind: 'csat', trigger: { delay: 3000 } }))
  })

  it('replays only what this page view heard, when an SPA navigation came while the parser loaded', async () => {
    const plan = 'product,cart:emotion@event=add_to_cart; cart:csat@track=chat_closed'
    const { targeting, open, arrive, goTo } = start(plan, product)
    targeting.dataLayerEvent('add_to_cart') // on the product page the shopper is leaving
    goTo(cart)
    targeting.track('chat_closed')
    arrive()
    await vi.advanceTimersByTimeAsync(0)
    expect(open.mock.calls.map(([plan]) => [plan.kind, plan.trigger])).toEqual([['csat', { track: 'chat_closed' }]])
  })

  it("prepares the store plan's armed survey at idle once the parser is in, and not before", async () => {
    const { deps, arrive } = start('confirmation:nps@track=thanks', thankYou)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(deps.prepare).not.toHaveBeenCalled()
    arrive()
    await vi.advanceTimersByTimeAsync(10)
    expect(deps.prepare).toHaveBeenCalledExactlyOnceWith('nps', 'nps')
  })

  it('asks for the parser only once consent allows a survey, and counts the delay from then', async () => {
    const { targeting, open, deps, arrive } = start('confirmation:csat@delay=3s', thankYou, { consent: 'required' })
    targeting.track('before-consent')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(deps.asked).toEqual([])
    deps.consent.set(true)
    expect(deps.asked).toEqual(['surveys'])
    arrive()
    await vi.advanceTimersByTimeAsync(2999)
    expect(open).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(open).toHaveBeenCalledTimes(1)
  })

  it('warns once when the parser cannot be fetched, opens nothing by itself and throws nothing', async () => {
    const { targeting, open, deps, fail } = start('confirmation:csat@delay=0s', thankYou)
    const error = Error('touchpoint-surveys.js did not load')
    fail(error)
    await vi.advanceTimersByTimeAsync(60_000)
    targeting.track('anything')
    targeting.restart()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(open).not.toHaveBeenCalled()
    expect(deps.warn.mock.calls).toEqual([[{ code: 'failed', what: 'surveys', error }]])
  })

  it('keeps what it heard while the parser loads when a second consent tool says yes too', async () => {
    // Two consent tools on the page: an IAB TCF CMP (answers first) and Shopify's Customer Privacy API.
    let tcfAnswer: (data: object, ok: boolean) => void = () => {}
    const page = window as unknown as Record<string, unknown>
    page.__tcfapi = (_command: string, _version: number, callback: typeof tcfAnswer) => (tcfAnswer = callback)
    try {
      const { targeting, open, deps, arrive } = start('cart:emotion@event=add_to_cart', cart)
      tcfAnswer({ eventStatus: 'tcloaded', gdprApplies: true, purpose: { consents: { 1: true } } }, true)
      expect(deps.asked).toEqual(['surveys'])
      targeting.dataLayerEvent('add_to_cart')
      page.Shopify = { customerPrivacy: { analyticsProcessingAllowed: () => true } }
      document.dispatchEvent(new Event('visitorConsentCollected'))
      expect(deps.consent.granted()).toBe(true)
      arrive()
      await vi.advanceTimersByTimeAsync(0)
      expect(open).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ trigger: { event: 'add_to_cart' } }))
    } finally {
      delete page.__tcfapi
      delete page.Shopify
    }
  })

  it('forgets what it heard while the parser loads when consent is refused meanwhile', async () => {
    const { targeting, open, deps, arrive } = start('cart:emotion@event=add_to_cart', cart)
    targeting.dataLayerEvent('add_to_cart')
    deps.consent.set(false)
    deps.consent.set(true)
    arrive()
    await vi.advanceTimersByTimeAsync(0)
    expect(open).not.toHaveBeenCalled()
  })

  it('arms delay and exit with an older surveys chunk (no arm), and warns once for each trigger it cannot arm', async () => {
    const olderChunk = { api: surveys.api, parse: surveys.parse } // a CDN cache from before `arm`
    const plan =
      'confirmation:csat@delay=1s; confirmation:ces@exit; confirmation:nps@scroll=50; confirmation:emotion@track=x'
    const { targeting, open, deps, arrive } = start(plan, thankYou, {}, olderChunk)
    arrive()
    await vi.advanceTimersByTimeAsync(0)
    expect(deps.warn.mock.calls).toEqual([
      [{ code: 'failed', what: 'surveys', error: { scroll: 50 } }],
      [{ code: 'failed', what: 'surveys', error: { track: 'x' } }],
    ])
    targeting.track('x')
    window.dispatchEvent(new Event('scroll'))
    await vi.advanceTimersByTimeAsync(1000)
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -1 }))
    expect(open.mock.calls.map(([plan]) => plan.trigger)).toEqual([{ delay: 1000 }, { exit: true }])
  })
})
