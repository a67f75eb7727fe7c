import { DEFAULTS, type Config } from './options'
import { STAGES, TOUCHPOINTS } from '../detection/stage-map'

type Parse = (value: unknown) => unknown
/** [option, what a good value looks like, parser returning undefined for a bad value] */
type Spec = [keyof Config, string, Parse]

const text = (v: unknown) => (typeof v == 'string' ? v.trim() : undefined)
const nonEmpty = (v: unknown) => text(v) || undefined
const number = (min: number, max: number, whole?: boolean): Parse => (v) => {
  const n = typeof v == 'string' && v.trim() ? +v : v
  return typeof n == 'number' && n >= min && n <= max && (!whole || n % 1 == 0) ? n : undefined
}
const flag: Parse = (v) =>
  v === true || v === '' || v === 'true' || v === '1' ? true : v === false || v === 'false' || v === '0' ? false : undefined
const oneOf = (...allowed: string[]): Parse => (v) => (allowed.indexOf(v as string) >= 0 ? v : undefined)
const honour = (v: unknown) => (v === 'ignore' ? false : v === 'honor' || v === 'honour' ? true : flag(v))

const endpoint: Parse = (v) => {
  try {
    const url = new URL(text(v) as string, location.href)
    return /^https?:$/.test(url.protocol) ? url.href : undefined
  } catch {
    return undefined
  }
}

const colour: Parse = (v) => {
  const s = nonEmpty(v) as string | undefined
  return s && (typeof CSS != 'undefined' && CSS.supports ? CSS.supports('color', s) : /^#[\da-f]{3,8}$/i.test(s)) ? s : undefined
}

const stageMap: Parse = (v) => {
  const entries =
    typeof v == 'string' ? v.split(',').map((pair) => pair.split(':').map((s) => s.trim())) : v && typeof v == 'object' ? Object.entries(v) : []
  const map: Record<string, string> = {}
  for (const [touchpoint, stage] of entries) {
    if (TOUCHPOINTS.indexOf(touchpoint as never) < 0 || STAGES.indexOf(stage as never) < 0) return undefined
    map[touchpoint] = stage
  }
  return entries.length ? map : undefined
}

const questions: Parse = (v) =>
  v && typeof v == 'object' && Object.values(v).every((q) => typeof q == 'string' && q.length <= 300) ? v : undefined

const SPECS: Spec[] = [
  ['endpoint', 'an http(s) URL', endpoint],
  ['stage', 'a touchpoint or stage name', nonEmpty],
  ['stageMap', '"touchpoint:stage" pairs separated by commas', stageMap],
  ['locale', 'a language tag such as "vi" or "en-US"', (v) => (/^[a-z]{2,3}(-[a-z\d]{2,8})*$/i.test(text(v) || '') ? text(v) : undefined)],
  // '' is a plan too: no automatic surveys (show() still works).
  ['surveys', 'a survey plan', (v) => (Array.isArray(v) ? v : typeof v == 'string' ? v.trim() : undefined)],
  ['position', '"bottom-right" or "bottom-left"', oneOf('bottom-right', 'bottom-left')],
  ['mount', 'a CSS selector', nonEmpty],
  ['accent', 'a CSS colour', colour],
  ['sample', 'a percentage from 0 to 100', number(0, 100)],
  ['batchSize', 'a whole number from 1 to 100', number(1, 100, true)],
  ['flushMs', 'a whole number of milliseconds from 0 to 600000', number(0, 600000, true)],
  ['consent', '"auto" or "required"', oneOf('auto', 'required')],
  ['gpc', '"honor" or "ignore"', honour],
  ['dnt', '"honor" or "ignore"', honour],
  ['nonce', 'a CSP nonce', nonEmpty],
  ['debug', '"true" or "false"', flag],
  ['cooldownDays', 'a number of days from 0 to 3650', number(0, 3650)],
  ['dismissDays', 'a number of days from 0 to 3650', number(0, 3650)],
  ['questions', 'question texts of at most 300 characters', questions],
]

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())

/**
 * Validates options from `init()` or from the script tag's `data-*` attributes. A bad value is
 * replaced by its default with one console warning that names the attribute and the value used.
 */
export function parseOptions(input: Record<string, unknown>, fromTag: boolean, warn: (message: string) => void): Config {
  const name = (key: string) => (fromTag ? 'data-' + kebab(key) : key)
  let raw: Record<string, unknown> = { ...input }
  if (fromTag) {
    raw = {}
    if (input.config != null) {
      let parsed: unknown
      try {
        parsed = JSON.parse(input.config as string)
      } catch {
        // not JSON: warned just below, like JSON that is not an object (`false`, `"x"`, `[]`)
      }
      if (parsed && typeof parsed == 'object' && !Array.isArray(parsed)) raw = parsed as Record<string, unknown>
      else warn(`touchpoint: data-config is not a JSON object; ignored`)
    }
    const q: Record<string, string> = { ...(raw.questions as object) }
    for (const key in input) {
      // data-question-nps → questions.nps
      if (/^question./.test(key)) q[kebab(key.slice(8)).slice(1)] = input[key] as string
      else if (key != 'config') raw[key] = input[key]
    }
    if (Object.keys(q).length) raw.questions = q
  }
  const config = { ...DEFAULTS } as Record<string, unknown>
  for (const [key, expected, parse] of SPECS) {
    const value = raw[key]
    if (value === undefined) continue
    const parsed = parse(value)
    if (parsed === undefined) {
      warn(`touchpoint: ${name(key)}=${JSON.stringify(value)} is not ${expected}; using ${JSON.stringify(DEFAULTS[key])}`)
    } else config[key] = parsed
  }
  if (!config.endpoint && raw.endpoint === undefined) warn(`touchpoint: ${name('endpoint')} is required; surveys stay off until it is set`)
  return config as unknown as Config
}
