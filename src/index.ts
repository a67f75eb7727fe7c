export { init } from './esm/init'
export { detectStage, resolveExplicit } from './detection/index'
export { DEFAULT_STAGE_MAP, STAGES, TOUCHPOINTS } from './detection/stage-map'
export { CHUNK_API } from './contract'
export type { TouchpointApi } from './core/create-touchpoint'
export type { Options } from './config/options'
export type { DetectOptions } from './detection/detect-stage'
export type {
  Batch, Detection, Emotion, EventMap, EventName, Stage, SurveyEvent, SurveyKind, SurveyResponse, Touchpoint, TouchpointError,
} from './types'
