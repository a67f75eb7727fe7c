import type { Emotion, SurveyKind } from '../shared/types.js'

// The report's view of the product vocabulary (product.md "Words"). When issue 11's shared
// vocabulary module lands, these derive from it.

/** The five faces, score 1–5 in this order. */
export const EMOTION_LABELS: readonly Emotion[] = ['frustrated', 'disappointed', 'neutral', 'pleased', 'delighted']

/** The lowest and highest score of each kind. */
export const SCORE_SCALES: Record<SurveyKind, [number, number]> = {
  csat: [1, 5],
  nps: [0, 10],
  emotion: [1, 5],
  ces: [1, 7],
}

/**
 * A low score: an NPS detractor (0–6), CSAT 1–2, a frustrated or disappointed face, or CES 1–2
 * (very or quite difficult). Alerts fire on these; themes count their share.
 *
 * @example
 * isLowScore('nps', 6) // → true
 */
export const isLowScore = (kind: SurveyKind, score: number): boolean =>
  kind === 'nps' ? score <= 6 : kind === 'ces' ? score <= 2 : score <= 2

/** NPS groups: detractor 0–6, passive 7–8, promoter 9–10. */
export type NpsGroup = 'promoter' | 'passive' | 'detractor'
export const npsGroup = (score: number): NpsGroup => (score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor')
