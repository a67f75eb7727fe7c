// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { parseSurveys } from '../../src/surveys/parse-surveys'
import { DEFAULT_PLANS } from '../../src/loader/targeting/plan'

describe('parseSurveys', () => {
  // The built-in plan ships in the loader already parsed (loader/targeting/plan.ts); written in the
  // syntax a store would use, it is this (README, "When a survey shows"). NPS asks again after
  // 90 days without saying so: that is its default recontact period.
  const WRITTEN =
    'confirmation:csat@delay=3s; account:nps@delay=5s; product:emotion@dwell=45s; product,cart:emotion@exit; checkout:ces@exit'

  it('gives the plan the loader carries for stores that set none, from its written form', () => {
    const warn = vi.fn()
    expect(parseSurveys(WRITTEN, warn)).toStrictEqual(DEFAULT_PLANS)
    expect(warn).not.toHaveBeenCalled()
  })

  it('never asks on checkout in the default plan except on exit intent', () => {
    const checkout = DEFAULT_PLANS.filter((p) => p.on.includes('checkout'))
    expect(checkout.length).toBeGreaterThan(0)
    for (const p of checkout) expect(p.trigger).toEqual({ exit: true })
  })

  it('reads the compact syntax with triggers and options', () => {
    const warn = vi.fn()
    const plans = parseSurveys(
      'confirmation:csat@delay=3s; product,cart:emotion@exit; account:nps@dwell=20s/recontact=90d; cart:emotion@event=add_to_cart/sample=50/id=cart-mood; decision:ces@scroll=75%; home:csat@track=chat_closed; product:csat@click=.size-guide a; support:csat',
      warn,
    )
    expect(warn).not.toHaveBeenCalled()
    expect(plans).toEqual([
      { id: 'csat', kind: 'csat', on: ['confirmation'], trigger: { delay: 3000 } },
      { id: 'emotion', kind: 'emotion', on: ['product', 'cart'], trigger: { exit: true } },
      { id: 'nps', kind: 'nps', on: ['account'], trigger: { dwell: 20000 }, recontactDays: 90 },
      { id: 'cart-mood', kind: 'emotion', on: ['cart'], trigger: { event: 'add_to_cart' }, sample: 50 },
      { id: 'ces', kind: 'ces', on: ['decision'], trigger: { scroll: 75 } },
      { id: 'csat', kind: 'csat', on: ['home'], trigger: { track: 'chat_closed' } },
      { id: 'csat', kind: 'csat', on: ['product'], trigger: { click: '.size-guide a' } },
      { id: 'csat', kind: 'csat', on: ['support'], trigger: { delay: 3000 } },
    ])
  })

  it('reads durations in ms, s and m; bare numbers are seconds', () => {
    const plans = parseSurveys('home:csat@delay=500ms;home:csat@delay=2;home:csat@dwell=1.5m', vi.fn())
    expect(plans.map((p) => p.trigger)).toEqual([{ delay: 500 }, { delay: 2000 }, { dwell: 90000 }])
  })

  it('skips a bad part with one warning that quotes it, and keeps the rest', () => {
    const warn = vi.fn()
    const plans = parseSurveys('produt:emotion@exit; confirmation:csat', warn)
    expect(warn).toHaveBeenCalledOnce()
    expect(warn).toHaveBeenCalledWith({
      code: 'bad-survey',
      part: 'produt:emotion@exit',
      source: 'tag',
      problem: 'where',
      detail: 'produt',
    })
    expect(plans).toHaveLength(1)
  })

  it.each([
    ['cart:smiley@exit', 'kind', 'smiley'],
    ['cart:csat@hover', 'trigger', 'hover'],
    ['cart:csat@delay=soon', 'trigger', 'delay=soon'],
    ['cart:csat@exit/sample=150', 'sample', '150'],
    ['cart:csat@exit/recontact=9999d', 'recontact', '9999d'],
    ['cart:csat@scroll=120%', 'scroll', '120%'],
    ['cart:csat@exit/often=1', 'option', 'often=1'],
    ['cart:csat@click=[[', 'selector', '[['],
    ['just words', 'syntax', undefined],
  ])('rejects %s', (part, problem, detail) => {
    const warn = vi.fn()
    expect(parseSurveys(part, warn)).toEqual([])
    expect(warn).toHaveBeenCalledWith({ code: 'bad-survey', part, source: 'tag', problem, detail })
  })

  it('validates arrays from init() or data-config with the same rules', () => {
    const warn = vi.fn()
    const plans = parseSurveys(
      [
        { kind: 'nps', on: ['account'], trigger: { delay: 4000 }, recontactDays: 60 },
        { id: 'pdp', kind: 'emotion', on: 'product', trigger: 'exit', sample: 20 },
        { kind: 'csat', on: ['produt'] },
        'nope',
      ],
      warn,
    )
    expect(plans).toEqual([
      { id: 'nps', kind: 'nps', on: ['account'], trigger: { delay: 4000 }, recontactDays: 60 },
      { id: 'pdp', kind: 'emotion', on: ['product'], trigger: { exit: true }, sample: 20 },
    ])
    expect(warn).toHaveBeenCalledTimes(2)
    expect(warn.mock.calls[0][0]).toEqual({
      code: 'bad-survey',
      part: '{"kind":"csat","on":["produt"]}',
      source: 'init',
      problem: 'where',
      detail: 'produt',
    })
  })
})
