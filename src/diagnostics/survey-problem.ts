import type { SurveyProblem } from '../shared/contract.js'
import { STAGES, TOUCHPOINTS } from '../shared/stage-map.js'
import { KINDS } from '../shared/vocabulary.js'
import { closestName } from './closest-name.js'

const didYouMean = (name: string | undefined) => (name ? `; did you mean ${name}?` : '')
const range = (max: number) => (value?: string) => `must be 0–${max}, got "${value}"`

/** What is wrong with a part of the survey plan, in words; `detail` is the piece concerned. */
export const SURVEY_PROBLEMS: Record<SurveyProblem, (detail?: string) => string> = {
  syntax: () => 'expected where:kind[@trigger][/option…]',
  where: (name = '') => `unknown touchpoint "${name}"` + didYouMean(closestName(name, [...TOUCHPOINTS, ...STAGES])),
  kind: (kind = '') => `unknown survey kind "${kind}"` + didYouMean(closestName(kind, KINDS)),
  option: (option) => `bad option "${option}" (sample=, recontact= or id=)`,
  selector: (selector) => `bad CSS selector "${selector}"`,
  trigger: (trigger) => `unknown trigger "${trigger}" (delay, dwell, scroll, exit, event, track or click)`,
  sample: (value) => 'sample ' + range(100)(value),
  recontact: (value) => 'recontact ' + range(3650)(value),
  scroll: (value) => 'scroll ' + range(100)(value),
}
