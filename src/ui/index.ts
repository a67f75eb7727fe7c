import { CHUNK_API, type UiChunk } from '../shared/contract.js'
import { open, prepare } from './open-survey.js'
import { presentWith } from './present.js'
import { warmUpWhenIdle } from './warm-up.js'

/** The lazily loaded survey UI, as the loader expects it (see src/shared/contract.ts). */
export const ui: UiChunk = { api: CHUNK_API, open, prepare, present: presentWith(open) }

// Fetched ahead of a survey (the loader's idle prefetch): run the card's code once while idle.
warmUpWhenIdle()
