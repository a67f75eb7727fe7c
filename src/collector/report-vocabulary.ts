import type { SurveyKind } from '../shared/types.js'

// The report's readings of the vocabulary (src/shared/vocabulary.ts holds the lists themselves).

/**
 * A low score: an NPS detractor (0–6), CSAT 1–2, a frustrated or disappointed face, or CES 1–2
 * (very or quite difficult). Alerts fire on these; themes count their share.
 *
 * @example
 * isLowScore('nps', 6) // → true
 */
export const isLowScore = (kind: SurveyKind, score: number): boolean => (kind === 'nps' ? score <= 6 : score <= 2)

/** NPS groups: detractor 0–6, passive 7–8, promoter 9–10. */
export type NpsGroup = 'promoter' | 'passive' | 'detractor'
export const npsGroup = (score: number): NpsGroup => (score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor')
