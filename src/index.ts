export { init } from './loader/npm.js'
export { detectStage } from './loader/npm.js'
export { DEFAULT_STAGE_MAP, STAGES, TOUCHPOINTS } from './shared/vocabulary.js'
export type { Options } from './shared/options.js'
export type { SurveyStrings, SuppliedStrings } from './shared/survey-strings.js'
export type { DetectOptions } from './loader/detection/detect-stage.js'
export type {
  Batch,
  Detection,
  Emotion,
  EventMap,
  EventName,
  Stage,
  SurveyEvent,
  SurveyKind,
  SurveyResponse,
  Touchpoint,
  TouchpointApi,
  TouchpointError,
} from './shared/types.js'
