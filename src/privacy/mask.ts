// The masking rules live in src/shared/mask.ts, shared by the survey UI and the collector.
export { maskPii } from '../shared/mask.js'
