// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { buildReport, buildReportFrom, MIN_N } from '../../src/collector/report'
import { memorySource, type DisplayCount } from '../../src/collector/report-source'
import { answer, answers } from './fixtures'

// Hand-computed figures (see the comments); the index is the mean of every CSAT, NPS and
// emotion answer on one 0–1 scale: CSAT and emotion (score − 1) / 4, NPS score / 10.
const checkout = [
  ...answers('checkout', 'csat', [1, 2, 2, 3, 5]), // avg 2.6 · 1 of 5 satisfied · scaled sum 2.0
  ...answers('checkout', 'nps', [0, 3, 6, 7, 9]), // P1 Pa1 D3 → −40 · scaled sum 2.5
  ...answers('checkout', 'emotion', [1, 1, 2, 3, 4]), // avg 2.2 · scaled sum 1.5 → index 6 / 15 = 40
]
const product = [
  ...answers('product', 'csat', [4, 5, 5, 4, 3]), // avg 4.2 · 80 % · sum 4.0
  ...answers('product', 'nps', [10, 9, 9, 8, 6]), // P3 Pa1 D1 → 40 · sum 4.2
  ...answers('product', 'emotion', [5, 4, 4, 5, 3]), // sum 4.0 → index 12.2 / 15 = 81.3
]
const confirmation = [
  ...answers('confirmation', 'csat', [5, 5, 5]),
  ...answers('confirmation', 'nps', [10, 10, 9, 2]), // (3 − 1) / 4 = 50 · index 6.1 / 7 = 87.1
]
const cart = answers('cart', 'csat', [3, 3, 3, 3, 3]) // avg 3 → index 50
const all = [...checkout, ...product, ...confirmation, ...cart]

describe('buildReport', async () => {
  const report = await buildReport(all)
  const tp = (name: string) => report.touchpoints.find((t) => t.touchpoint === name)!
  const stage = (name: string) => report.stages.find((s) => s.stage === name)!

  it('counts every answer', () => {
    expect(report.total).toBe(42)
    expect(report.overall.responses).toBe(42)
  })

  it('gives CSAT as a mean with its interval and as the share of 4–5 answers with a Wilson interval', () => {
    // checkout: 1 2 2 3 5, SD 1.517 → ±1.96 · 1.517 / √5 = ±1.33
    expect(tp('checkout').csat).toEqual({
      avg: 2.6,
      n: 5,
      ci: [1.27, 3.93],
      satisfied: 1,
      satisfied_pct: 20,
      satisfied_ci: [3.6, 62.4],
    })
    expect(tp('product').csat).toMatchObject({ avg: 4.2, satisfied: 4, satisfied_pct: 80, satisfied_ci: [37.6, 96.4] })
  })

  it('gives NPS with its standard error from the three shares', () => {
    // P .2, D .6: Var = (.8 − .16) / 5 = .128 → SE 35.78 → −40 ± 70.1
    expect(tp('checkout').nps).toEqual({
      score: -40,
      se: 35.78,
      ci: [-100, 30.1],
      promoters: 1,
      passives: 1,
      detractors: 3,
      n: 5,
    })
    expect(tp('product').nps).toMatchObject({ score: 40, promoters: 3, passives: 1, detractors: 1, n: 5 })
    // 7 promoters, 2 passives, 5 detractors of 14 → 14.29 → 14
    expect(report.overall.nps).toMatchObject({ score: 14, promoters: 7, passives: 2, detractors: 5, n: 14 })
  })

  it('counts the emotion mix per face, with the mean and its interval', () => {
    expect(tp('checkout').emotion).toMatchObject({
      frustrated: 2,
      disappointed: 1,
      neutral: 1,
      pleased: 1,
      delighted: 0,
      n: 5,
      avg: 2.2,
    })
    expect(tp('checkout').emotion.ci![0]).toBeLessThan(2.2)
  })

  it('scores each touchpoint on a 0–100 index from its answers on one scale, with its interval', () => {
    expect(tp('checkout').index).toBe(40)
    expect(tp('product').index).toBe(81.3)
    expect(tp('cart').index).toBe(50)
    expect(tp('confirmation').index).toBe(87.1)
    expect(tp('checkout').index_ci![0]).toBeLessThan(40)
    expect(tp('checkout').index_ci![1]).toBeGreaterThan(40)
    expect(MIN_N).toBe(5)
    expect(tp('checkout').few).toBe(true)
  })

  it('names checkout the weakest: its index is below the rest by more than chance explains', () => {
    // rest: 27 answers, sum 20.8 → 77.0; gap 37, z ≈ 3.6 > 2.50 (Bonferroni for 4 touchpoints)
    expect(report.verdict).toMatchObject({
      status: 'clear',
      lowest: { touchpoint: 'checkout', index: 40, n: 15 },
      rest: { index: 77, n: 27 },
      compared: 4,
    })
    expect(report.verdict.z_needed).toBeCloseTo(2.5, 1)
    expect(report.verdict.z!).toBeGreaterThan(2.5)
    expect(report.weakest).toMatchObject({ touchpoint: 'checkout', stage: 'decision', index: 40, responses: 15 })
  })

  it('will not name a weakest touchpoint from a gap chance could explain, and says how many more answers would settle it', async () => {
    const close = await buildReport([
      ...answers('cart', 'csat', [3, 4, 2, 4, 3, 5]),
      ...answers('product', 'csat', [4, 3, 5, 4, 3, 5]),
    ])
    expect(close.verdict.status).toBe('unclear')
    expect(close.verdict.lowest!.touchpoint).toBe('cart')
    expect(close.weakest).toBeNull()
    expect(close.verdict.more_answers).toBeGreaterThan(12)
  })

  it('adds up stages from their touchpoints, always all five in journey order', () => {
    expect(report.stages.map((s) => s.stage)).toEqual([
      'awareness',
      'consideration',
      'decision',
      'purchase',
      'retention',
    ])
    expect(stage('decision').csat).toMatchObject({ avg: 2.8, n: 10, satisfied: 1, satisfied_pct: 10 })
    expect(stage('awareness')).toMatchObject({ responses: 0, index: null, csat: { avg: null, n: 0, ci: null } })
  })

  it('lists only touchpoints that have answers, in journey order, and each survey at each', () => {
    expect(report.touchpoints.map((t) => t.touchpoint)).toEqual(['product', 'cart', 'checkout', 'confirmation'])
    expect(report.surveys.map((s) => `${s.touchpoint}/${s.survey}`)).toContain('checkout/nps')
  })

  it('on a tie points at the touchpoint with more answers, but cannot call it weakest', async () => {
    const tied = await buildReport([
      ...answers('cart', 'csat', [3, 3, 3, 3, 3]),
      ...answers('account', 'csat', [3, 3, 3, 3, 3, 3]),
    ])
    expect(tied.verdict).toMatchObject({ status: 'unclear', lowest: { touchpoint: 'account' }, more_answers: null })
  })

  it('has nothing to compare while fewer than two touchpoints have enough answers', async () => {
    expect((await buildReport(answers('checkout', 'csat', [1, 1, 1, 1, 1]))).verdict.status).toBe('too-few')
    expect((await buildReport([])).verdict).toMatchObject({ status: 'too-few', lowest: null })
  })

  it('places a touchpoint under the stage most of its answers were given in', async () => {
    const moved = await buildReport([
      ...answers('cart', 'csat', [4, 4], { stage: 'consideration' }),
      answer({ touchpoint: 'cart', stage: 'decision' }),
    ])
    expect(moved.touchpoints[0]).toMatchObject({ touchpoint: 'cart', stage: 'consideration' })
  })

  it('quotes the weakest touchpoint’s lowest-scored comments and the newest comments overall', async () => {
    const withComments = await buildReport([
      ...all,
      answer({
        touchpoint: 'checkout',
        kind: 'nps',
        score: 1,
        comment: 'Shipping fee appeared at the last step',
        at: '2026-11-01T00:00:00.000Z',
      }),
      answer({ touchpoint: 'checkout', kind: 'csat', score: 4, comment: 'ok', at: '2026-11-21T00:00:00.000Z' }),
      answer({
        touchpoint: 'product',
        kind: 'csat',
        score: 5,
        comment: '  Great photos  ',
        at: '2026-11-22T00:00:00.000Z',
      }),
      answer({ touchpoint: 'product', kind: 'csat', score: 5, comment: '   ' }),
    ])
    expect(withComments.weakest!.comments.map((c) => c.comment)).toEqual([
      'Shipping fee appeared at the last step',
      'ok',
    ])
    expect(withComments.comments.map((c) => c.comment)).toEqual([
      'Great photos',
      'ok',
      'Shipping fee appeared at the last step',
    ])
  })

  it('reports customer effort with its interval without letting it into the index', async () => {
    const r = await buildReport([
      ...answers('checkout', 'ces', [7, 6, 5, 4, 3]),
      ...answers('checkout', 'csat', [4, 4, 4, 4, 4]),
    ])
    expect(r.touchpoints[0].ces).toMatchObject({ avg: 5, n: 5 })
    expect(r.touchpoints[0].ces.ci![1]).toBeGreaterThan(5)
    expect(r.touchpoints[0].index).toBe(75)
  })
})

describe('response rates', () => {
  it('counts shown, dismissed and answered per survey, with a Wilson interval and a caution below 10 %', async () => {
    const shown = (touchpoint: 'checkout' | 'product', n: number, event: 'shown' | 'dismissed' = 'shown') =>
      ({
        stage: touchpoint === 'checkout' ? 'decision' : 'consideration',
        touchpoint,
        survey: 'csat',
        kind: 'csat',
        event,
        n,
      }) as DisplayCount
    const displayed = [...answers('checkout', 'csat', [1, 2, 3, 4, 5, 2, 2, 1], { display: 'd' } as object)]
    const report = await buildReportFrom(
      memorySource(
        [...displayed, answer({ touchpoint: 'product' })],
        [shown('checkout', 10), shown('checkout', 2, 'dismissed'), shown('product', 100)],
      ),
    )
    const checkout = report.rates.touchpoints.find((r) => r.touchpoint === 'checkout')!
    expect(checkout).toMatchObject({
      shown: 10,
      dismissed: 2,
      answered: 8,
      rate: 0.8,
      ci: [0.4902, 0.9433],
      cautions: ['few-answers'],
    })
    // The product answer names no display (an older widget): it does not count as answered.
    const product = report.rates.touchpoints.find((r) => r.touchpoint === 'product')!
    expect(product).toMatchObject({ shown: 100, answered: 0, rate: 0, cautions: ['few-answers', 'low-response-rate'] })
    expect(report.rates.stages.find((s) => s.stage === 'decision')!.shown).toBe(10)
    expect(report.rates.overall).toMatchObject({ shown: 110, answered: 8 })
  })
})
