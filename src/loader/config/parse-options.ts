import type { Note, OptionSource } from '../../shared/contract.js'
import { DEFAULTS, type Config } from '../../shared/options.js'
import { STAGES, TOUCHPOINTS } from '../../shared/stage-map.js'
import { resolveExplicit } from '../detection/resolve-explicit.js'
import { builtInLocale } from '../core/resolve-locale.js'

/** Returns the option's value, or undefined for a bad one. */
type Parse = (value: unknown) => unknown

const text = (v: unknown) => (typeof v == 'string' ? v.trim() : undefined)
const nonEmpty = (v: unknown) => text(v) || undefined
const number =
  (min: number, max: number, whole?: boolean): Parse =>
  (v) => {
    const n = typeof v == 'string' && v.trim() ? +v : v
    return typeof n == 'number' && n >= min && n <= max && (!whole || n % 1 == 0) ? n : undefined
  }
const flag: Parse = (v) =>
  v === true || v === '' || v === 'true' || v === '1'
    ? true
    : v === false || v === 'false' || v === '0'
      ? false
      : undefined
const oneOf =
  (...allowed: string[]): Parse =>
  (v) =>
    allowed.indexOf(v as string) >= 0 ? v : undefined
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
  return s && (typeof CSS != 'undefined' && CSS.supports ? CSS.supports('color', s) : /^#[\da-f]{3,8}$/i.test(s))
    ? s
    : undefined
}

const stageMap: Parse = (v) => {
  const entries =
    typeof v == 'string'
      ? v.split(',').map((pair) => pair.split(':').map((s) => s.trim()))
      : v && typeof v == 'object'
        ? Object.entries(v)
        : []
  const map: Record<string, string> = {}
  for (const [touchpoint, stage] of entries) {
    if (TOUCHPOINTS.indexOf(touchpoint as never) < 0 || STAGES.indexOf(stage as never) < 0) return undefined
    map[touchpoint] = stage
  }
  return entries.length ? map : undefined
}

const questions: Parse = (v) =>
  v && typeof v == 'object' && Object.values(v).every((q) => typeof q == 'string' && q.length <= 300) ? v : undefined

// One parser per option, in the order warnings are given. What a good value looks like, in words,
// lives in the diagnostics chunk (src/diagnostics/option-words.ts), not here: it ships on every page.
const PARSERS: Record<keyof Config, Parse> = {
  endpoint,
  stage: (v) => (resolveExplicit(v) ? text(v) : undefined),
  stageMap,
  // Only languages with built-in wording: any other falls back to the page's, which is worth a warning.
  locale: (v) => (/^[a-z]{2,3}(-[a-z\d]{2,8})*$/i.test(text(v) || '') && builtInLocale(text(v)) ? text(v) : undefined),
  // '' is a plan too: no automatic surveys (show() still works).
  surveys: (v) => (Array.isArray(v) ? v : typeof v == 'string' ? v.trim() : undefined),
  position: oneOf('bottom-right', 'bottom-left'),
  mount: nonEmpty,
  accent: colour,
  sample: number(0, 100),
  batchSize: number(1, 100, true),
  flushMs: number(0, 600000, true),
  consent: oneOf('auto', 'required'),
  gpc: honour,
  dnt: honour,
  nonce: nonEmpty,
  debug: flag,
  cooldownDays: number(0, 3650),
  dismissDays: number(0, 3650),
  questions,
}

// Attributes that page-speed and consent tools put on script tags (Cloudflare's data-cfasync and
// data-cf-settings, WP Rocket's data-rocket-*, LiteSpeed's data-no-optimize, Cookiebot's
// data-cookieconsent): not misspellings of ours, and not worth loading the diagnostics chunk on
// every page view of those stores. Kept to the common ones: each byte ships on every page.
const FOREIGN = /^(cf|rocket|no[A-Z]|cookie)/

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())

/**
 * Validates options from `init()` or from the script tag's `data-*` attributes (`fromTag`, as
 * `dataset` keys). A bad value is replaced by its default, and an unknown name is ignored, each
 * with one `warn` note naming where it was written; the diagnostics chunk words it.
 *
 * @example
 * parseOptions({ ...script.dataset }, true, report.warn)
 */
export function parseOptions(input: Record<string, unknown>, fromTag: boolean, warn: (note: Note) => void): Config {
  let raw: Record<string, unknown> = { ...input }
  // Where each option was written (init() unless noted), so that the warning names it that way.
  const source: Record<string, OptionSource> = {}
  if (fromTag) {
    raw = {}
    if (input.config != null) {
      let json: unknown
      try {
        json = JSON.parse(input.config as string)
      } catch {
        /* not JSON: warned below */
      }
      // Valid JSON that is not an object (`null`, `[]`) is as unusable as broken JSON.
      if (json && typeof json == 'object' && !Array.isArray(json)) raw = json as Record<string, unknown>
      else warn({ code: 'bad-json', value: input.config as string })
      for (const key in raw) source[key] = 'config'
    }
    const q: Record<string, string> = { ...(raw.questions as object) }
    for (const key in input) {
      // data-question-nps → questions.nps
      if (/^question./.test(key)) {
        q[kebab(key.slice(8)).slice(1)] = input[key] as string
        source.questions = 'tag'
      } else if (key != 'config') {
        raw[key] = input[key]
        source[key] = 'tag'
      }
    }
    if (Object.keys(q).length) raw.questions = q
  }
  const config = { ...DEFAULTS } as Record<string, unknown>
  for (const key in raw) {
    const parse = PARSERS.hasOwnProperty(key) && PARSERS[key as keyof Config]
    const value = raw[key]
    const parsed = parse ? parse(value) : value
    if (!parse) {
      if (!FOREIGN.test(key)) warn({ code: 'unknown-option', option: key, source: source[key] || 'init' })
    } else if (value === undefined) continue
    else if (parsed === undefined) warn({ code: 'bad-value', option: key, source: source[key] || 'init', value })
    else config[key] = parsed
  }
  if (!config.endpoint && raw.endpoint === undefined) warn({ code: 'no-endpoint', source: fromTag ? 'tag' : 'init' })
  return config as unknown as Config
}
