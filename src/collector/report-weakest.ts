import { indexTally, MIN_N, round, type Tally } from './report-figures.js'
import { answersToSettle, compareMeans, type Sample } from './stats/compare.js'
import { criticalZ, moments } from './stats/intervals.js'
import type { Stage, Touchpoint } from '../shared/types.js'

/** A touchpoint's answers as the verdict weighs them. */
export interface Contender {
  touchpoint: Touchpoint
  stage: Stage
  tallies: readonly Tally[]
}

/**
 * Whether one touchpoint is worse than the rest, and how sure the report is.
 * - `clear`: the lowest touchpoint's index is below the index of all other answers pooled, by
 *   more than chance explains (Welch z-test on the 0–1 scale, Bonferroni-corrected for having
 *   picked the lowest of `compared` touchpoints).
 * - `unclear`: it is lowest, but the gap could be noise; `more_answers` estimates how many more
 *   answers would settle it.
 * - `too-few`: fewer than two touchpoints have `MIN_N` answers: nothing to compare yet.
 */
export interface Verdict {
  status: 'clear' | 'unclear' | 'too-few'
  /** The touchpoint with the lowest index (among those with `MIN_N` answers). */
  lowest: { touchpoint: Touchpoint; stage: Stage; index: number; n: number } | null
  /** All other answers pooled. */
  rest: { index: number; n: number } | null
  /** rest − lowest, in index points (0–100). */
  gap: number | null
  z: number | null
  /** The z the gap must reach: 1.96 corrected for the number of touchpoints compared. */
  z_needed: number
  compared: number
  /** About how many more answers (at today's mix) would make the gap clear; null when clear, or when there is no gap to confirm. */
  more_answers: number | null
}

/**
 * Weighs the touchpoints against each other.
 *
 * @example
 * judgeWeakest(contenders).status // → 'unclear'
 */
export function judgeWeakest(contenders: readonly Contender[]): Verdict {
  const samples = contenders.map((c) => ({ ...c, sample: sampleOf(c.tallies) })).filter((c) => c.sample.n >= MIN_N)
  const zNeeded = criticalZ(0.05, samples.length)
  const empty: Verdict = {
    status: 'too-few',
    lowest: null,
    rest: null,
    gap: null,
    z: null,
    z_needed: round(zNeeded, 2),
    compared: samples.length,
    more_answers: null,
  }
  if (samples.length < 2) return empty
  // Lowest mean; on a tie the touchpoint with more answers, then the earlier in the list.
  const lowest = samples.reduce((a, b) =>
    b.sample.mean < a.sample.mean || (b.sample.mean === a.sample.mean && b.sample.n > a.sample.n) ? b : a,
  )
  const rest = sampleOf(contenders.filter((c) => c.touchpoint !== lowest.touchpoint).flatMap((c) => c.tallies))
  const difference = compareMeans(lowest.sample, rest, zNeeded)
  const clear = !!difference && difference.change > 0 && Math.abs(difference.z) >= zNeeded
  return {
    ...empty,
    status: clear ? 'clear' : 'unclear',
    lowest: {
      touchpoint: lowest.touchpoint,
      stage: lowest.stage,
      index: round(lowest.sample.mean * 100, 1),
      n: lowest.sample.n,
    },
    rest: { index: round(rest.mean * 100, 1), n: rest.n },
    gap: round((rest.mean - lowest.sample.mean) * 100, 1),
    z: difference && Number.isFinite(difference.z) ? round(difference.z, 2) : null,
    more_answers: clear ? null : answersToSettle(lowest.sample, rest, zNeeded),
  }
}

function sampleOf(tallies: readonly Tally[]): Sample {
  const { n, mean, variance } = moments(indexTally(tallies))
  return { n, mean, variance }
}
