export { init } from './esm/init'
export { detectStage } from './detection/detect-stage'
export { DEFAULT_STAGE_MAP, STAGES, TOUCHPOINTS } from './detection/stage-map'
export type { Options } from './config/options'
export type { DetectOptions } from './detection/detect-stage'
export type {
  Batch, Detection, Emotion, EventMap, EventName, Stage, SurveyEvent, SurveyKind, SurveyResponse, Touchpoint, TouchpointApi, TouchpointError,
} from './types'
