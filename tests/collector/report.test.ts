// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { buildReport, MIN_N } from '../../src/collector/report'
import { answer, answers } from './fixtures'

// Hand-computed figures (see the comments); every number below was worked out on paper.
const checkout = [
  ...answers('checkout', 'csat', [1, 2, 2, 3, 5]), // avg 2.6 · 1 of 5 satisfied = 20 % · index part 40
  ...answers('checkout', 'nps', [0, 3, 6, 7, 9]), // P1 Pa1 D3 → (1 − 3) / 5 = −40 · index part 30
  ...answers('checkout', 'emotion', [1, 1, 2, 3, 4]), // avg 2.2 · index part 30 → index 33.3
]
const product = [
  ...answers('product', 'csat', [4, 5, 5, 4, 3]), // avg 4.2 · 80 % · part 80
  ...answers('product', 'nps', [10, 9, 9, 8, 6]), // P3 Pa1 D1 → 40 · part 70
  ...answers('product', 'emotion', [5, 4, 4, 5, 3]), // avg 4.2 · part 80 → index 76.7
]
const confirmation = [
  ...answers('confirmation', 'csat', [5, 5, 5]), // n 3 < MIN_N: no index
  ...answers('confirmation', 'nps', [10, 10, 9, 2]), // n 4 < MIN_N · (3 − 1) / 4 = 50
]
const cart = answers('cart', 'csat', [3, 3, 3, 3, 3]) // avg 3 → index 50
const all = [...checkout, ...product, ...confirmation, ...cart]

describe('buildReport', () => {
  const report = buildReport(all)
  const tp = (name: string) => report.touchpoints.find((t) => t.touchpoint === name)!
  const stage = (name: string) => report.stages.find((s) => s.stage === name)!

  it('counts every answer', () => {
    expect(report.total).toBe(42)
    expect(report.overall.responses).toBe(42)
  })

  it('computes CSAT as the mean and as the share of 4–5 answers', () => {
    expect(tp('checkout').csat).toEqual({ avg: 2.6, n: 5, satisfied: 1, satisfied_pct: 20 })
    expect(tp('product').csat).toEqual({ avg: 4.2, n: 5, satisfied: 4, satisfied_pct: 80 })
  })

  it('computes NPS as % promoters minus % detractors', () => {
    expect(tp('checkout').nps).toEqual({ score: -40, promoters: 1, passives: 1, detractors: 3, n: 5 })
    expect(tp('product').nps).toEqual({ score: 40, promoters: 3, passives: 1, detractors: 1, n: 5 })
    expect(tp('confirmation').nps).toEqual({ score: 50, promoters: 3, passives: 0, detractors: 1, n: 4 })
    // 7 promoters, 2 passives, 5 detractors of 14 → 14.29 → 14
    expect(report.overall.nps).toEqual({ score: 14, promoters: 7, passives: 2, detractors: 5, n: 14 })
  })

  it('counts the emotion mix per face', () => {
    expect(tp('checkout').emotion).toEqual({ frustrated: 2, disappointed: 1, neutral: 1, pleased: 1, delighted: 0, n: 5, avg: 2.2 })
  })

  it('scores each touchpoint on a 0–100 satisfaction index from measures with enough answers', () => {
    expect(tp('checkout').index).toBe(33.3)
    expect(tp('product').index).toBe(76.7)
    expect(tp('cart').index).toBe(50)
    expect(MIN_N).toBe(5)
    expect(tp('confirmation').index).toBeNull()
  })

  it('names the touchpoint with the lowest index as the weakest', () => {
    expect(report.weakest).toMatchObject({ touchpoint: 'checkout', stage: 'decision', index: 33.3, responses: 15 })
  })

  it('adds up stages from their touchpoints, always all five in journey order', () => {
    expect(report.stages.map((s) => s.stage)).toEqual(['awareness', 'consideration', 'decision', 'purchase', 'retention'])
    // decision = cart + checkout: CSAT 28 / 10 = 2.8, 1 of 10 satisfied; index (45 + 30 + 30) / 3 = 35
    expect(stage('decision').csat).toEqual({ avg: 2.8, n: 10, satisfied: 1, satisfied_pct: 10 })
    expect(stage('decision').index).toBe(35)
    expect(stage('awareness')).toMatchObject({ responses: 0, index: null, csat: { avg: null, n: 0 } })
  })

  it('lists only touchpoints that have answers, in journey order', () => {
    expect(report.touchpoints.map((t) => t.touchpoint)).toEqual(['product', 'cart', 'checkout', 'confirmation'])
  })

  it('breaks a tie in favour of the touchpoint with more answers', () => {
    const tied = buildReport([...answers('cart', 'csat', [3, 3, 3, 3, 3]), ...answers('account', 'csat', [3, 3, 3, 3, 3, 3])])
    expect(tied.weakest?.touchpoint).toBe('account')
  })

  it('has no weakest touchpoint while none has enough answers', () => {
    expect(buildReport(answers('checkout', 'csat', [1, 1])).weakest).toBeNull()
    expect(buildReport([]).weakest).toBeNull()
  })

  it('places a touchpoint under the stage most of its answers were given in', () => {
    const moved = buildReport([...answers('cart', 'csat', [4, 4], { stage: 'consideration' }), answer({ touchpoint: 'cart', stage: 'decision' })])
    expect(moved.touchpoints[0]).toMatchObject({ touchpoint: 'cart', stage: 'consideration' })
  })

  it('quotes the weakest touchpoint’s lowest-scored comments and the newest comments overall', () => {
    const withComments = buildReport([
      ...checkout,
      answer({ touchpoint: 'checkout', kind: 'nps', score: 1, comment: 'Shipping fee appeared at the last step', at: '2026-11-01T00:00:00.000Z' }),
      answer({ touchpoint: 'checkout', kind: 'csat', score: 4, comment: 'ok', at: '2026-11-21T00:00:00.000Z' }),
      answer({ touchpoint: 'product', kind: 'csat', score: 5, comment: '  Great photos  ', at: '2026-11-22T00:00:00.000Z' }),
      answer({ touchpoint: 'product', kind: 'csat', score: 5, comment: '   ' }),
    ])
    expect(withComments.weakest!.comments.map((c) => c.comment)).toEqual(['Shipping fee appeared at the last step', 'ok'])
    expect(withComments.comments.map((c) => c.comment)).toEqual(['Great photos', 'ok', 'Shipping fee appeared at the last step'])
  })

  it('reports customer effort without letting it decide the index', () => {
    const r = buildReport([...answers('checkout', 'ces', [7, 6, 5, 4, 3]), ...answers('checkout', 'csat', [4, 4, 4, 4, 4])])
    expect(r.touchpoints[0].ces).toEqual({ avg: 5, n: 5 })
    expect(r.touchpoints[0].index).toBe(75)
  })
})
