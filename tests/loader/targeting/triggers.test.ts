// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_PLANS, type SurveyPlan, type Trigger } from '../../../src/loader/targeting/plan'
import { armTriggers } from '../../../src/loader/targeting/triggers'

const plan = (trigger: Trigger): SurveyPlan => ({ id: 'x', kind: 'emotion', on: ['product'], trigger })
const setHidden = (hidden: boolean) => {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden })
  document.dispatchEvent(new Event('visibilitychange'))
}
const scrollTo = (y: number) => {
  Object.defineProperty(window, 'scrollY', { configurable: true, value: y })
  window.dispatchEvent(new Event('scroll'))
  vi.advanceTimersByTime(100)
}

describe('armTriggers', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    setHidden(false)
    scrollTo(0)
  })
  afterEach(() => {
    vi.useRealTimers()
    document.body.innerHTML = ''
  })

  it('fires a delay trigger once after its time', () => {
    const fire = vi.fn()
    armTriggers(window, [plan({ delay: 3000 })], fire)
    vi.advanceTimersByTime(2999)
    expect(fire).not.toHaveBeenCalled()
    vi.advanceTimersByTime(10_000)
    expect(fire).toHaveBeenCalledOnce()
    expect(fire).toHaveBeenCalledWith(expect.objectContaining({ id: 'x', trigger: { delay: 3000 } }))
  })

  it('counts dwell only while the page is visible', () => {
    const fire = vi.fn()
    armTriggers(window, [plan({ dwell: 45_000 })], fire)
    vi.advanceTimersByTime(30_000)
    setHidden(true)
    vi.advanceTimersByTime(600_000)
    expect(fire).not.toHaveBeenCalled()
    setHidden(false)
    vi.advanceTimersByTime(14_999)
    expect(fire).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(fire).toHaveBeenCalledWith(expect.objectContaining({ trigger: { dwell: 45000 } }))
  })

  it('fires exit intent when the pointer leaves through the top of the window', () => {
    const fire = vi.fn()
    armTriggers(window, [plan({ exit: true })], fire)
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 200, relatedTarget: null }))
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -1, relatedTarget: document.body }))
    expect(fire).not.toHaveBeenCalled()
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -1, relatedTarget: null }))
    expect(fire).toHaveBeenCalledWith(expect.objectContaining({ trigger: { exit: true } }))
  })

  it('fires exit intent on touch screens after a fast scroll back up', () => {
    const matchMedia = vi.spyOn(window, 'matchMedia').mockReturnValue({ matches: true } as MediaQueryList)
    Object.defineProperty(window, 'innerHeight', { configurable: true, value: 800 })
    const fire = vi.fn()
    armTriggers(window, [plan({ exit: true })], fire)
    scrollTo(500)
    scrollTo(2000)
    scrollTo(1900) // a slow correction is reading, not leaving
    expect(fire).not.toHaveBeenCalled()
    scrollTo(1500)
    expect(fire).toHaveBeenCalledOnce()
    matchMedia.mockRestore()
  })

  it('disarms everything on stop()', () => {
    const fire = vi.fn()
    const armed = armTriggers(window, [plan({ delay: 10 }), plan({ dwell: 10 }), plan({ exit: true })], fire)
    armed.stop()
    vi.advanceTimersByTime(1000)
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -1, relatedTarget: null }))
    expect(fire).not.toHaveBeenCalled()
  })

  // The loader carries only these triggers; the others come with a store plan's parser.
  it("fires every trigger of the built-in plan without the surveys chunk's help", () => {
    const fire = vi.fn()
    armTriggers(window, DEFAULT_PLANS, fire)
    vi.advanceTimersByTime(60_000)
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -1, relatedTarget: null }))
    expect(fire.mock.calls.map(([plan]) => plan)).toEqual(expect.arrayContaining(DEFAULT_PLANS))
    expect(fire).toHaveBeenCalledTimes(DEFAULT_PLANS.length)
  })
})
