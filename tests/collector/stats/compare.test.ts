// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { answersToSettle, compareMeans, compareShares } from '../../../src/collector/stats/compare'

describe('compareShares', () => {
  it('calls 30 % → 50 % of 100 each more than noise (z 2.89), 45 % → 50 % not', () => {
    const clear = compareShares(30, 100, 50, 100)!
    expect(clear.change).toBeCloseTo(0.2, 10)
    expect(clear.z).toBeCloseTo(2.887, 3)
    expect(clear.significant).toBe(true)
    expect(compareShares(45, 100, 50, 100)!.significant).toBe(false)
    expect(compareShares(1, 0, 1, 2)).toBeNull()
  })
})

describe('compareMeans', () => {
  it('uses each group’s own variance (Welch)', () => {
    // SE = √(1.2/80 + 1.1/90) = 0.16499 → z = 0.5 / 0.16499 = 3.03
    const d = compareMeans({ mean: 3.1, variance: 1.2, n: 80 }, { mean: 3.6, variance: 1.1, n: 90 })!
    expect(d.z).toBeCloseTo(3.03, 2)
    expect(d.significant).toBe(true)
    expect(compareMeans({ mean: 3.1, variance: 1.2, n: 8 }, { mean: 3.6, variance: 1.1, n: 9 })!.significant).toBe(
      false,
    )
    expect(compareMeans({ mean: 3, variance: NaN, n: 1 }, { mean: 4, variance: 1, n: 9 })).toBeNull()
  })
})

describe('answersToSettle', () => {
  it('estimates how many more answers, at today’s mix, make today’s gap clear', () => {
    // SE = √(0.09/20 + 0.09/60) = 0.07746; growth = (1.96 · 0.07746 / 0.1)² = 2.305 → 80 · 1.305 = 105
    const a = { mean: 0.5, variance: 0.09, n: 20 }
    const b = { mean: 0.6, variance: 0.09, n: 60 }
    expect(answersToSettle(a, b)).toBe(105)
    // Check the estimate: with 105 more answers in the same 1:3 mix the gap reaches z = 1.96.
    const grown = compareMeans({ ...a, n: 20 * 2.3049 }, { ...b, n: 60 * 2.3049 })!
    expect(grown.z).toBeCloseTo(1.96, 2)
  })

  it('has no number for no gap, and needs none for a gap that is already clear', () => {
    expect(answersToSettle({ mean: 0.5, variance: 0.09, n: 20 }, { mean: 0.5, variance: 0.09, n: 20 })).toBeNull()
    expect(answersToSettle({ mean: 0.2, variance: 0.01, n: 200 }, { mean: 0.8, variance: 0.01, n: 200 })).toBe(0)
  })
})
