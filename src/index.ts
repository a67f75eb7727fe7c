export { init } from './esm/init.js'
export { detectStage } from './detection/detect-stage.js'
export { DEFAULT_STAGE_MAP, STAGES, TOUCHPOINTS } from './detection/stage-map.js'
export type { Options } from './config/options.js'
export type { DetectOptions } from './detection/detect-stage.js'
export type {
  Batch, Detection, Emotion, EventMap, EventName, Stage, SurveyEvent, SurveyKind, SurveyResponse, Touchpoint, TouchpointApi, TouchpointError,
} from './types.js'
