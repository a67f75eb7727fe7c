// @vitest-environment happy-dom
// The triggers only a store's own plan can name (scroll, click, event, track) come with its
// parser in the surveys chunk, and are armed through the loader's armTriggers like the others.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { watchDataLayer } from '../../src/loader/detection/watch-data-layer'
import type { SurveyPlan, Trigger } from '../../src/loader/targeting/plan'
import { armTriggers } from '../../src/loader/targeting/triggers'
import { surveys } from '../../src/surveys'

const plan = (trigger: Trigger): SurveyPlan => ({ id: 'x', kind: 'emotion', on: ['product'], trigger })
const arm = (plans: SurveyPlan[], fire: () => void) => armTriggers(window, plans, fire, 0, surveys.arm)
const scrollTo = (y: number) => {
  Object.defineProperty(window, 'scrollY', { configurable: true, value: y })
  window.dispatchEvent(new Event('scroll'))
  vi.advanceTimersByTime(100)
}

describe("a store plan's own triggers, armed by the surveys chunk", () => {
  beforeEach(() => {
    vi.useFakeTimers()
    scrollTo(0)
  })
  afterEach(() => {
    vi.useRealTimers()
    document.body.innerHTML = ''
    delete (window as { dataLayer?: unknown }).dataLayer
  })

  it('fires a scroll trigger at the given depth', () => {
    Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: 4000 })
    Object.defineProperty(window, 'innerHeight', { configurable: true, value: 1000 })
    const fire = vi.fn()
    arm([plan({ scroll: 50 })], fire)
    scrollTo(900)
    expect(fire).not.toHaveBeenCalled()
    scrollTo(1000)
    expect(fire).toHaveBeenCalledWith(expect.objectContaining({ trigger: { scroll: 50 } }))
    scrollTo(2000)
    expect(fire).toHaveBeenCalledOnce()
  })

  it('fires on a dataLayer event seen through watchDataLayer, and on track()', () => {
    const fire = vi.fn()
    const armed = arm([plan({ event: 'add_to_cart' }), plan({ track: 'chat_closed' })], fire)
    watchDataLayer(window, (name) => armed.hear('event', name))
    ;(window as unknown as { dataLayer: unknown[] }).dataLayer.push({ event: 'view_item' })
    armed.hear('track', 'add_to_cart')
    expect(fire).not.toHaveBeenCalled()
    ;(window as unknown as { dataLayer: unknown[] }).dataLayer.push({ event: 'add_to_cart' })
    expect(fire).toHaveBeenLastCalledWith(expect.objectContaining({ trigger: { event: 'add_to_cart' } }))
    armed.hear('track', 'chat_closed')
    expect(fire).toHaveBeenLastCalledWith(expect.objectContaining({ trigger: { track: 'chat_closed' } }))
  })

  it('fires on a click inside an element that matches the selector', () => {
    document.body.innerHTML = '<div class="size-guide"><a><span id="in">Size guide</span></a></div><p id="out">x</p>'
    const fire = vi.fn()
    arm([plan({ click: '.size-guide a' })], fire)
    document.getElementById('out')!.click()
    expect(fire).not.toHaveBeenCalled()
    document.getElementById('in')!.click()
    expect(fire).toHaveBeenCalledWith(expect.objectContaining({ trigger: { click: '.size-guide a' } }))
  })

  it('disarms them all on stop()', () => {
    document.body.innerHTML = '<button>b</button>'
    Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: 1000 })
    const fire = vi.fn()
    const armed = arm(
      [plan({ scroll: 10 }), plan({ track: 't' }), plan({ event: 'e' }), plan({ click: 'button' })],
      fire,
    )
    armed.stop()
    scrollTo(900)
    armed.hear('track', 't')
    armed.hear('event', 'e')
    document.querySelector('button')!.click()
    expect(fire).not.toHaveBeenCalled()
  })
})
