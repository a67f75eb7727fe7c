import type { Emotion, SurveyKind } from './types.js'

/** Every survey kind, in the order `show()` lists them in its warning. */
export const KINDS: SurveyKind[] = ['csat', 'nps', 'emotion', 'ces']

/** Score range per kind, inclusive (the UI chunk still has its own copy in ui/strings.ts; a test keeps them equal). */
export const RANGE: Record<SurveyKind, [number, number]> = { csat: [1, 5], nps: [0, 10], emotion: [1, 5], ces: [1, 7] }

/** The five faces of an `emotion` survey, for scores 1–5. */
export const EMOTIONS: Emotion[] = ['frustrated', 'disappointed', 'neutral', 'pleased', 'delighted']
