import type { Stage, Touchpoint } from './types.js'
import { DEFAULT_STAGE_MAP } from './vocabulary.js'

/** The stage of a touchpoint under the store's mapping overrides. */
export const stageOf = (touchpoint: Touchpoint, overrides?: Partial<Record<Touchpoint, Stage>>): Stage =>
  (overrides && overrides[touchpoint]) || DEFAULT_STAGE_MAP[touchpoint]
