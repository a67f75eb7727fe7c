// 95% intervals for the report's figures, from counts alone (the database sends counts).
// Normal approximations throughout: the report flags every figure resting on fewer than
// SMALL_N answers, where these intervals are rough, rather than pretending to more precision.

/** A two-sided 95% interval: z = 1.96. */
export const Z95 = 1.959964

/** Below this many answers a figure is flagged as resting on few answers. */
export const SMALL_N = 30

/** A closed interval `[low, high]`. */
export type Interval = [number, number]

/** How many answers gave each score: the only input the figures need. */
export type ScoreTally = ReadonlyMap<number, number> | ReadonlyArray<readonly [score: number, count: number]>

/**
 * Wilson score interval for a proportion `successes / n`: unlike the plain `p ± z·√(p(1−p)/n)`
 * it stays inside 0–1 and is honest for small n and for 0 or n successes.
 *
 * @example
 * wilson(8, 10) // → [0.4902, 0.9433]
 */
export function wilson(successes: number, n: number, z = Z95): Interval | null {
  if (n <= 0) return null
  const p = successes / n
  const z2 = z * z
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n)
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  return [Math.max(0, centre - half), Math.min(1, centre + half)]
}

/** n, mean and the sample variance of scores given as counts per score. */
export function moments(tally: ScoreTally): { n: number; mean: number; variance: number } {
  let n = 0
  let total = 0
  for (const [score, count] of tally) {
    n += count
    total += score * count
  }
  const mean = n ? total / n : NaN
  let squares = 0
  for (const [score, count] of tally) squares += count * (score - mean) ** 2
  return { n, mean, variance: n > 1 ? squares / (n - 1) : NaN }
}

/**
 * Mean ± z·s/√n, clipped to the scale; null without answers, the point itself for one answer
 * (its spread is unknown, which the small-n flag says).
 *
 * @example
 * meanInterval([[1, 1], [2, 1], [3, 1], [4, 1], [5, 1]], [1, 5]) // → [1.614, 4.386]
 */
export function meanInterval(tally: ScoreTally, scale: readonly [number, number], z = Z95): Interval | null {
  const { n, mean, variance } = moments(tally)
  if (!n) return null
  const half = n > 1 ? z * Math.sqrt(variance / n) : 0
  return [Math.max(scale[0], mean - half), Math.min(scale[1], mean + half)]
}

/**
 * NPS (% promoters − % detractors) with its standard error from the three shares:
 * Var = (p + d − (p − d)²) / n on the −1…1 scale, so SE in NPS points is 100·√Var.
 *
 * @example
 * npsInterval(50, 30, 20) // → { score: 30, se: 7.81, ci: [14.69, 45.31] }
 */
export function npsInterval(promoters: number, passives: number, detractors: number, z = Z95) {
  const n = promoters + passives + detractors
  if (!n) return { score: null, se: null, ci: null }
  const p = promoters / n
  const d = detractors / n
  const score = (p - d) * 100
  const se = 100 * Math.sqrt((p + d - (p - d) ** 2) / n)
  const ci: Interval = [Math.max(-100, score - z * se), Math.min(100, score + z * se)]
  return { score, se, ci }
}

/**
 * The z for a two-sided test at `alpha` shared by `comparisons` tests (Bonferroni), from
 * Acklam's rational approximation of the normal quantile (error below 1.2e-9).
 *
 * @example
 * criticalZ(0.05) // → 1.96
 */
export function criticalZ(alpha = 0.05, comparisons = 1): number {
  return normalQuantile(1 - alpha / (2 * Math.max(1, comparisons)))
}

const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
]
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
]
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]

function normalQuantile(p: number): number {
  const tail = (q: number) =>
    (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
    ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1)
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)))
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)))
  const q = p - 0.5
  const r = q * q
  return (
    ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
  )
}
