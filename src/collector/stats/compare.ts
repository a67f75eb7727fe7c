import { Z95 } from './intervals.js'

/** A difference between two groups and whether it is more than noise. */
export interface Difference {
  /** b − a, in the measure's own unit. */
  change: number
  /** The change over its standard error. */
  z: number
  /** |z| at or above the critical z: unlikely to be chance alone. */
  significant: boolean
}

/** A group as a test needs it: its mean (or share), the variance of one answer, its size. */
export interface Sample {
  mean: number
  variance: number
  n: number
}

/**
 * Compares two means (Welch's z: each group keeps its own variance). Null when either group
 * is too small to have a variance.
 *
 * @example
 * compareMeans({ mean: 3.1, variance: 1.2, n: 80 }, { mean: 3.6, variance: 1.1, n: 90 }).significant // → true
 */
export function compareMeans(a: Sample, b: Sample, z = Z95): Difference | null {
  if (a.n < 2 || b.n < 2 || !Number.isFinite(a.variance) || !Number.isFinite(b.variance)) return null
  const se = Math.sqrt(a.variance / a.n + b.variance / b.n)
  const change = b.mean - a.mean
  if (se === 0) return { change, z: change === 0 ? 0 : Infinity * Math.sign(change), significant: change !== 0 }
  return { change, z: change / se, significant: Math.abs(change / se) >= z }
}

/**
 * Compares two proportions with the pooled two-proportion z-test.
 *
 * @example
 * compareShares(30, 100, 50, 100).significant // → true (30 % → 50 %, z = 2.89)
 */
export function compareShares(
  successesA: number,
  nA: number,
  successesB: number,
  nB: number,
  z = Z95,
): Difference | null {
  if (!nA || !nB) return null
  const pooled = (successesA + successesB) / (nA + nB)
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB))
  const change = successesB / nB - successesA / nA
  if (se === 0) return { change, z: 0, significant: false }
  return { change, z: change / se, significant: Math.abs(change / se) >= z }
}

/** One answer's variance of a proportion p (a 0/1 answer). */
export const shareVariance = (p: number) => p * (1 - p)

/**
 * About how many more answers, in all, two groups need before a difference as large as the one
 * seen now would reach `z`, if answers keep coming in today's proportions: the standard error
 * shrinks with √n, so the sizes must grow by (z·SE / |change|)². Null when there is no
 * difference to confirm (then no number of answers may settle it).
 *
 * @example
 * answersToSettle({ mean: 0.5, variance: 0.09, n: 20 }, { mean: 0.6, variance: 0.09, n: 60 }) // → 105
 */
export function answersToSettle(a: Sample, b: Sample, z = Z95): number | null {
  const change = Math.abs(b.mean - a.mean)
  const se = Math.sqrt(a.variance / a.n + b.variance / b.n)
  if (!(change > 0) || !Number.isFinite(se)) return null
  const growth = ((z * se) / change) ** 2
  return growth <= 1 ? 0 : Math.ceil((a.n + b.n) * (growth - 1))
}
