import type { SurveyDisplay, SurveyResponse } from '../src/shared/types'

export interface SeedOptions {
  seed?: number
  now?: number
  origin?: string
}
/** The demo's answers (each naming the display it answers) and displays. */
export function seedBatch(options?: SeedOptions): {
  responses: (SurveyResponse & { display: string; device: string; visitor: string })[]
  displays: SurveyDisplay[]
}
export function seedAnswers(options?: SeedOptions): SurveyResponse[]
