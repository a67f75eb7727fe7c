// The surveys chunk: the parser of a store's own survey plan (`data-surveys`, `init({ surveys })`,
// data-config's "surveys") and the triggers only such a plan can name (scroll, click, event,
// track). The loader fetches it only when that option is set; stores on the built-in plan, which
// the loader carries already parsed, never download these bytes.
import { CHUNK_API, type SurveysChunk } from '../shared/contract.js'
import { armTrigger } from './arm-trigger.js'
import { parseSurveys } from './parse-surveys.js'

export const surveys: SurveysChunk = { api: CHUNK_API, parse: parseSurveys, arm: armTrigger }
