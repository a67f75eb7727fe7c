import type { SurveyDisplay, SurveyResponse } from '../shared/types.js'
import { DEVICES, DISPLAY_EVENTS, EMOTIONS, KINDS, RANGE, STAGES, TOUCHPOINTS, VISITORS } from '../shared/vocabulary.js'

/* eslint-disable @typescript-eslint/no-explicit-any -- checks take whatever storage held */

type Check = (value: any, entry: any) => unknown

// Lengths as the schema counts them: in characters, a surrogate pair being one.
const text =
  (min: number, max: number): Check =>
  (value) =>
    typeof value == 'string' && (value = [...value].length) >= min && value <= max
const among =
  (list: readonly unknown[]): Check =>
  (value) =>
    list.indexOf(value) >= 0
// toISOString's range: a year from 0 to 9999 (a date-time has four digits of year).
const YEAR_0 = -62167219200000
const YEAR_10000 = 253402300800000

const isUuid: Check = (value) =>
  typeof value == 'string' && /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/.test(value)

type Optional = 'display' | 'device' | 'visitor'

/**
 * What each wire field must hold (schema/response.schema.json), in wire order; `kind` comes
 * before the fields checked against it. A field missing here never reaches the wire from storage.
 */
const FIELDS: Record<Exclude<keyof SurveyResponse, Optional>, Check> = {
  id: isUuid,
  survey: text(1, 64),
  kind: among(KINDS),
  score: (value, entry) =>
    typeof value == 'number' &&
    value % 1 == 0 &&
    value >= RANGE[entry.kind as 'nps'][0] &&
    value <= RANGE[entry.kind as 'nps'][1],
  comment: (value) => value === null || text(0, 1000)(value, 0),
  emotion: (value, entry) => (entry.kind == 'emotion' ? EMOTIONS.indexOf(value) >= 0 : value === null),
  stage: among(STAGES),
  touchpoint: among(TOUCHPOINTS),
  url: text(0, 2048),
  locale: text(2, 35),
  at: (value) => {
    const time = typeof value == 'string' && /^\d{4}-\d\d-\d\dT/.test(value) ? Date.parse(value) : NaN
    return time >= YEAR_0 && time < YEAR_10000
  },
}

// A display is checked as an answer is: an answer's fields without the score, plus its event.
const CHECKS: Record<string, Check> = {
  ...FIELDS,
  event: among(DISPLAY_EVENTS),
  display: isUuid,
  device: among(DEVICES),
  visitor: among(VISITORS),
}
const RESPONSE_KEYS = Object.keys(FIELDS)
const DISPLAY_KEYS = 'id event survey kind stage touchpoint url locale at'.split(' ')
// Optional fields: kept when valid, left out when not (never a reason to drop the answer).
const OPTIONAL: Optional[] = ['display', 'device', 'visitor']

/** An entry rebuilt from its own known fields, or null when a required one is wrong. */
function read(value: unknown, keys: string[]): Record<string, unknown> | null {
  if (!value || typeof value != 'object' || Array.isArray(value)) return null
  // Own fields only: a missing field must not be filled in from a polluted Object.prototype.
  const own = Object.assign(Object.create(null), value)
  const entry: Record<string, unknown> = {}
  for (const key of keys) {
    if (!CHECKS[key](own[key], own)) return null
    entry[key] = own[key]
  }
  for (const key of OPTIONAL) if (CHECKS[key](own[key], own)) entry[key] = own[key]
  entry.at = new Date(own.at).toISOString()
  return entry
}

/**
 * An answer read back from storage, rebuilt from its own known fields, or null when it is not
 * one (another script's data, another version's shape, a page's `Object.prototype` additions):
 * what comes back always passes the wire schema, so one bad entry can never get a whole batch
 * refused. `at` is rewritten as `toISOString()` writes it (same instant). An optional field
 * (`display`, `device`, `visitor`) with a value the schema does not allow is left out.
 *
 * @example
 * readResponse(JSON.parse(stored)[0]) // → a SurveyResponse, or null
 */
export const readResponse = (value: unknown) => read(value, RESPONSE_KEYS) as SurveyResponse | null

/** A display read back from storage, as `readResponse` reads an answer. */
export const readDisplay = (value: unknown) => read(value, DISPLAY_KEYS) as SurveyDisplay | null
