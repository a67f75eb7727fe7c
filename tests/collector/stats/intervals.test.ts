// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { criticalZ, meanInterval, moments, npsInterval, wilson } from '../../../src/collector/stats/intervals'

// Known values from the textbook formulas (Wilson 1927; Newcombe 1998 table I), worked by hand.
describe('wilson', () => {
  it('gives the published interval for 8 of 10', () => {
    const [low, high] = wilson(8, 10)!
    expect(low).toBeCloseTo(0.4902, 4)
    expect(high).toBeCloseTo(0.9433, 4)
  })

  it('stays inside 0–1 for none and for all, where the plain interval collapses to a point', () => {
    expect(wilson(0, 10)![0]).toBeCloseTo(0, 12)
    expect(wilson(0, 10)![1]).toBeCloseTo(0.2775, 4)
    expect(wilson(10, 10)![0]).toBeCloseTo(0.7225, 4)
    expect(wilson(10, 10)![1]).toBeCloseTo(1, 12)
  })

  it('narrows as answers grow, and has nothing to say about no answers', () => {
    const width = (k: number, n: number) => wilson(k, n)![1] - wilson(k, n)![0]
    expect(width(80, 100)).toBeLessThan(width(8, 10))
    expect(wilson(0, 0)).toBeNull()
  })
})

describe('meanInterval', () => {
  it('is the mean ± 1.96 standard errors, from counts per score', () => {
    // 1..5 once each: mean 3, sample variance 2.5, SE √0.5 → ±1.386
    const [low, high] = meanInterval(
      [
        [1, 1],
        [2, 1],
        [3, 1],
        [4, 1],
        [5, 1],
      ],
      [1, 5],
    )!
    expect(low).toBeCloseTo(1.614, 3)
    expect(high).toBeCloseTo(4.386, 3)
    expect(
      moments(
        new Map([
          [2, 3],
          [4, 1],
        ]),
      ),
    ).toEqual({ n: 4, mean: 2.5, variance: 1 })
  })

  it('is clipped to the scale and is the point itself for a single answer', () => {
    expect(
      meanInterval(
        [
          [5, 3],
          [4, 1],
        ],
        [1, 5],
      )![1],
    ).toBe(5)
    expect(meanInterval([[4, 1]], [1, 5])).toEqual([4, 4])
    expect(meanInterval([], [1, 5])).toBeNull()
  })
})

describe('npsInterval', () => {
  it('takes its standard error from the three shares', () => {
    // P 0.5, D 0.2: Var = (0.5 + 0.2 − 0.3²) / 100 = 0.0061 → SE 7.81 points
    const { score, se, ci } = npsInterval(50, 30, 20)
    expect(score).toBeCloseTo(30, 10)
    expect(se).toBeCloseTo(7.81, 2)
    expect(ci![0]).toBeCloseTo(14.69, 2)
    expect(ci![1]).toBeCloseTo(45.31, 2)
  })

  it('stays within −100…100', () => {
    expect(npsInterval(1, 0, 4).ci![0]).toBe(-100)
    expect(npsInterval(0, 0, 0)).toEqual({ score: null, se: null, ci: null })
  })
})

describe('criticalZ', () => {
  it('is 1.96 for one test and grows when the lowest of several is picked (Bonferroni)', () => {
    expect(criticalZ(0.05)).toBeCloseTo(1.95996, 4)
    expect(criticalZ(0.05, 10)).toBeCloseTo(2.807, 3)
    expect(criticalZ(0.01)).toBeCloseTo(2.5758, 4)
  })
})
