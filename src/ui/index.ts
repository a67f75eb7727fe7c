import { CHUNK_API, type UiChunk } from '../shared/contract.js'
import { open } from './open-survey.js'

/** The lazily loaded survey UI, as the loader expects it (see src/shared/contract.ts). */
export const ui: UiChunk = { api: CHUNK_API, open }
