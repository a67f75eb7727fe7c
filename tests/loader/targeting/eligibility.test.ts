// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { isEligible, type TargetingState } from '../../../src/loader/targeting/eligibility'
import type { SurveyPlan } from '../../../src/loader/targeting/plan'
import { startTargeting } from '../../../src/loader/targeting/targeting'
import type { Detection } from '../../../src/shared/types'
import { targetingDeps } from './deps'

const DAY = 864e5
const rules = { sample: 100, cooldownDays: 14, dismissDays: 3 }
const csat: SurveyPlan = { id: 'csat', kind: 'csat', on: ['confirmation'], trigger: { delay: 3000 } }
const nps: SurveyPlan = { id: 'nps', kind: 'nps', on: ['account'], trigger: { delay: 3000 } }
const fresh = (): TargetingState => ({ s: {}, r: {}, b: 10 })

describe('isEligible', () => {
  const now = Date.parse('2026-11-23T10:00:00Z')

  it('lets a new visitor see a survey', () => {
    expect(isEligible(csat, fresh(), now, 10, rules)).toEqual({ eligible: true, reason: 'eligible' })
  })

  it('shows at most one survey per page view', () => {
    expect(isEligible(csat, { ...fresh(), p: true }, now, 10, rules)).toEqual({ eligible: false, reason: 'page-view' })
  })

  it('waits cooldownDays after an answer', () => {
    const state = { ...fresh(), a: now - 13 * DAY }
    expect(isEligible(nps, state, now, 10, rules)).toEqual({ eligible: false, reason: 'answered:13' })
    expect(isEligible(nps, state, now + DAY, 10, rules).eligible).toBe(true)
  })

  it('waits dismissDays after a dismiss', () => {
    const state = { ...fresh(), d: now - 2 * DAY }
    expect(isEligible(csat, state, now, 10, rules).reason).toBe('dismissed:2')
    expect(isEligible(csat, state, now + DAY, 10, rules).eligible).toBe(true)
  })

  it('does not ask NPS again within 90 days, nor other surveys within 30, unless the plan says so', () => {
    const state = { ...fresh(), s: { nps: now - 60 * DAY, csat: now - 31 * DAY } }
    expect(isEligible(nps, state, now, 10, rules).reason).toBe('shown:60')
    expect(isEligible(nps, state, now + 30 * DAY, 10, rules).eligible).toBe(true)
    expect(isEligible(csat, state, now, 10, rules).eligible).toBe(true)
    expect(isEligible({ ...csat, recontactDays: 60 }, state, now, 10, rules).eligible).toBe(false)
  })

  it('samples by visitor bucket against config.sample and plan.sample', () => {
    expect(isEligible(csat, fresh(), now, 49, { ...rules, sample: 50 }).eligible).toBe(true)
    expect(isEligible(csat, fresh(), now, 50, { ...rules, sample: 50 }).reason).toBe('sample')
    expect(isEligible({ ...csat, sample: 20 }, fresh(), now, 30, rules).eligible).toBe(false)
    expect(isEligible(csat, fresh(), now, 0, { ...rules, sample: 0 }).eligible).toBe(false)
  })
})

describe('startTargeting frequency rules', () => {
  let detection: Detection
  const makeCtx = (config = {}) => targetingDeps({ config, detection: () => detection })

  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-11-23T10:00:00Z') })
    localStorage.clear()
    detection = { stage: 'purchase', touchpoint: 'confirmation', signal: 'url' }
  })
  afterEach(() => vi.useRealTimers())

  it('opens nothing by itself with an empty plan (data-surveys=""), even on the thank-you page', async () => {
    const ctx = makeCtx({ surveys: '' })
    const open = vi.fn()
    startTargeting(ctx, open)
    await vi.advanceTimersByTimeAsync(120_000)
    expect(open).not.toHaveBeenCalled()
    expect(ctx.warn).not.toHaveBeenCalled()
  })

  it('with debug, notes on every page view what was detected and which survey may ask there, or why none', () => {
    const ctx = makeCtx({ debug: true })
    const targeting = startTargeting(ctx, vi.fn())
    expect(ctx.log).toHaveBeenLastCalledWith({
      code: 'page',
      detection,
      endpoint: true,
      consent: null,
      surveys: [{ id: 'csat', trigger: { delay: 3000 }, eligible: true, reason: 'eligible' }],
    })
    detection = { stage: 'awareness', touchpoint: 'other', signal: 'none' }
    targeting.restart() // an SPA navigation
    expect(ctx.log).toHaveBeenLastCalledWith({ code: 'page', detection, endpoint: true, consent: null, surveys: [] })
    const quiet = makeCtx()
    startTargeting(quiet, vi.fn())
    expect(quiet.log).not.toHaveBeenCalled()
  })

  it('opens the confirmation CSAT after 3 s, once per page view, and logs the decision', () => {
    const ctx = makeCtx({ debug: true })
    const open = vi.fn()
    const t = startTargeting(ctx, open)
    vi.advanceTimersByTime(2999)
    expect(open).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ id: 'csat', kind: 'csat', trigger: { delay: 3000 } }))
    expect(ctx.log).toHaveBeenCalledWith({
      code: 'decision',
      survey: 'csat',
      eligible: true,
      reason: 'eligible',
      trigger: { delay: 3000 },
    })
    vi.advanceTimersByTime(60_000)
    expect(open).toHaveBeenCalledTimes(1)
    t.outcome('csat', 'show')
    t.restart() // an SPA navigation back to the thank-you page
    vi.advanceTimersByTime(3000)
    expect(open).toHaveBeenCalledTimes(1)
    expect(ctx.log).toHaveBeenLastCalledWith({
      code: 'decision',
      survey: 'csat',
      eligible: false,
      reason: 'shown:0',
      trigger: { delay: 3000 },
    })
  })

  it('asks once on a product page even when dwell and exit intent both fire', () => {
    detection = { stage: 'consideration', touchpoint: 'product', signal: 'url' }
    const open = vi.fn()
    // As the survey session answers: the first survey opened spends the page view.
    startTargeting({ ...makeCtx(), shownThisPageView: () => open.mock.calls.length > 0 }, open)
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -1, relatedTarget: null }))
    vi.advanceTimersByTime(45_000)
    expect(open).toHaveBeenCalledOnce()
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ kind: 'emotion', trigger: { exit: true } }))
  })

  it('starts over when the stored state is unreadable', () => {
    localStorage.setItem('tp:s', '{not json')
    const open = vi.fn()
    startTargeting(makeCtx(), open)
    vi.advanceTimersByTime(3000)
    expect(open).toHaveBeenCalledOnce()
  })

  it('keeps quiet for cooldownDays after an answer, then asks again', () => {
    const ctx = makeCtx()
    const open = vi.fn()
    const t = startTargeting(ctx, open)
    vi.advanceTimersByTime(3000)
    t.outcome('csat', 'show')
    t.outcome('csat', 'answer')
    expect(JSON.parse(localStorage.getItem('tp:s')!)).toMatchObject({
      a: Date.now(),
      s: { csat: Date.now() },
      r: { csat: Date.now() },
    })
    vi.setSystemTime(Date.now() + 13 * DAY)
    const again = startTargeting(makeCtx(), open)
    vi.advanceTimersByTime(3000)
    expect(open).toHaveBeenCalledTimes(1)
    again.outcome('x', 'show') // nothing else changes
    vi.setSystemTime(Date.now() + 31 * DAY)
    startTargeting(makeCtx(), open)
    vi.advanceTimersByTime(3000)
    expect(open).toHaveBeenCalledTimes(2)
  })

  it('keeps quiet for dismissDays after a dismiss, and prepares no card for it meanwhile', () => {
    const open = vi.fn()
    const first = makeCtx()
    const targeting = startTargeting(first, open)
    vi.advanceTimersByTime(10) // the page is idle: the armed survey's card is prepared
    expect(first.prepare).toHaveBeenCalledExactlyOnceWith('csat', 'csat')
    targeting.outcome('csat', 'dismiss')
    vi.setSystemTime(Date.now() + 2 * DAY)
    const later = makeCtx()
    startTargeting(later, open)
    vi.advanceTimersByTime(3000)
    expect(later.prepare).not.toHaveBeenCalled()
    expect(open).not.toHaveBeenCalled()
  })

  it('draws the visitor bucket once, so sampling is stable across page views', () => {
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.73)
    const open = vi.fn()
    startTargeting(makeCtx({ sample: 50 }), open)
    vi.advanceTimersByTime(3000)
    expect(JSON.parse(localStorage.getItem('tp:s')!).b).toBe(73)
    random.mockReturnValue(0.01)
    for (let i = 0; i < 3; i++) {
      startTargeting(makeCtx({ sample: 50 }), open)
      vi.advanceTimersByTime(3000)
    }
    expect(open).not.toHaveBeenCalled()
    startTargeting(makeCtx({ sample: 80 }), open)
    vi.advanceTimersByTime(3000)
    expect(open).toHaveBeenCalledOnce()
    random.mockRestore()
  })

  it('arms nothing without consent, then arms when it is given', () => {
    const ctx = makeCtx({ consent: 'required', debug: true })
    const open = vi.fn()
    startTargeting(ctx, open)
    vi.advanceTimersByTime(5000)
    expect(open).not.toHaveBeenCalled()
    expect(localStorage.getItem('tp:s')).toBeNull()
    ctx.consent.set(true)
    vi.advanceTimersByTime(3000)
    expect(open).toHaveBeenCalledOnce()
  })

  it('re-arms for the new touchpoint on restart', async () => {
    detection = { stage: 'consideration', touchpoint: 'listing', signal: 'url' }
    const ctx = makeCtx({ surveys: 'listing:csat@track=filter; cart:emotion@event=add_to_cart' })
    const open = vi.fn()
    const t = startTargeting(ctx, open)
    await vi.advanceTimersByTimeAsync(0) // the store's plan is parsed by the surveys chunk
    t.dataLayerEvent('add_to_cart')
    expect(open).not.toHaveBeenCalled()
    detection = { stage: 'decision', touchpoint: 'cart', signal: 'url' }
    t.restart()
    t.track('filter')
    expect(open).not.toHaveBeenCalled()
    t.dataLayerEvent('add_to_cart')
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ kind: 'emotion', trigger: { event: 'add_to_cart' } }))
  })
})
