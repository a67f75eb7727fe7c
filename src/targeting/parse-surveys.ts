import { STAGES, TOUCHPOINTS } from '../detection/stage-map'
import { DEFAULT_PLAN, type SurveyPlan, type Trigger } from './plan'

const KINDS = ['csat', 'nps', 'emotion', 'ces']
const MS: Record<string, number> = { ms: 1, s: 1e3, m: 6e4 }

/**
 * Reads the `surveys` option into a plan. `null` gives DEFAULT_PLAN. A string is a list of
 * parts separated by `;`, each `where:kind[@trigger][/option…]`:
 * - where: touchpoints or stages, comma-separated (`product,cart`, `decision`)
 * - trigger: `delay=3s` (default), `dwell=45s`, `scroll=50%`, `exit`, `event=add_to_cart`,
 *   `track=name`, `click=.css-selector` (durations take `ms`, `s`, `m`; bare numbers are seconds)
 * - options: `sample=50` (percent of visitors), `recontact=90d`, `id=name`
 *
 * An array (from `init()` or `data-config`) holds `{ id?, kind, on, trigger?, sample?, recontactDays? }`
 * and is checked by the same rules. A bad part gets one warning quoting it and is skipped.
 *
 * @example
 * parseSurveys('confirmation:csat@delay=3s; cart:emotion@event=add_to_cart/sample=50', console.warn)
 */
export function parseSurveys(value: string | unknown[] | null, warn: (message: string) => void): SurveyPlan[] {
  if (value == null) return DEFAULT_PLAN
  const plans: SurveyPlan[] = []
  const parts: unknown[] = typeof value == 'string' ? value.split(';').filter((p) => p.trim()) : value
  for (const part of parts) {
    const quoted = typeof part == 'string' ? part.trim() : JSON.stringify(part)
    try {
      plans.push(typeof part == 'string' ? fromString(quoted) : fromObject(part))
    } catch (err) {
      warn(`touchpoint: ${typeof value == 'string' ? 'data-surveys part' : 'surveys entry'} ${JSON.stringify(quoted)}: ${(err as Error).message}`)
    }
  }
  return plans
}

function fromString(part: string): SurveyPlan {
  const m = /^([\w,\s]+):\s*(\w+)\s*(?:@([^/]*))?(.*)$/.exec(part)
  if (!m) throw Error('expected where:kind[@trigger][/option…]')
  const options: Record<string, string> = {}
  for (const opt of m[4].split('/').slice(1)) {
    const [key, v] = opt.split('=').map((s) => s.trim())
    if (!/^(sample|recontact|id)$/.test(key) || !v) throw Error(`unknown option "${opt.trim()}"`)
    options[key] = v
  }
  return check(m[1].split(','), m[2], m[3] || 'delay=3s', options.sample, options.recontact, options.id)
}

function fromObject(entry: unknown): SurveyPlan {
  const e = (entry || {}) as Record<string, unknown>
  let trigger = e.trigger
  if (trigger && typeof trigger == 'object') {
    const [key, v] = Object.entries(trigger)[0] || []
    trigger = key == 'exit' ? key : `${key}=${v}${key == 'delay' || key == 'dwell' ? 'ms' : ''}`
  }
  const on = typeof e.on == 'string' ? e.on.split(',') : e.on
  return check(Array.isArray(on) ? on : [], e.kind, trigger || 'delay=3s', e.sample, e.recontactDays, e.id)
}

function check(on: unknown[], kind: unknown, trigger: unknown, sample: unknown, recontact: unknown, id: unknown): SurveyPlan {
  const where = on.map((w) => String(w).trim())
  if (!where.length) throw Error('no touchpoint or stage')
  for (const w of where) if (!TOUCHPOINTS.includes(w as never) && !STAGES.includes(w as never)) throw Error(`unknown touchpoint "${w}"`)
  if (!KINDS.includes(kind as string)) throw Error(`unknown survey kind "${kind}"`)
  const plan: SurveyPlan = { id: String(id ?? kind), kind: kind as SurveyPlan['kind'], on: where as SurveyPlan['on'], trigger: readTrigger(String(trigger)) }
  if (!/^[\w-]+$/.test(plan.id)) throw Error(`bad id "${id}"`)
  if (sample != null) plan.sample = number(sample, /%$/, 100, 'sample')
  if (recontact != null) plan.recontactDays = number(recontact, /d$/, 3650, 'recontact')
  return plan
}

function readTrigger(t: string): Trigger {
  const [, key, v] = /^\s*(\w+)\s*(?:=(.+))?$/.exec(t) || []
  const text = v && v.trim()
  if (key == 'exit' && !v) return { exit: true }
  if ((key == 'event' || key == 'track' || key == 'click') && text) {
    if (key == 'click')
      try {
        document.createDocumentFragment().querySelector(text)
      } catch {
        throw Error(`bad CSS selector "${text}"`)
      }
    return { [key]: text } as Trigger
  }
  if (key == 'scroll' && text) return { scroll: number(text, /%$/, 100, 'scroll') }
  const d = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text || '')
  if ((key == 'delay' || key == 'dwell') && d) return { [key]: +d[1] * MS[d[2] || 's'] } as Trigger
  throw Error(`unknown trigger "${t.trim()}"`)
}

function number(v: unknown, unit: RegExp, max: number, what: string): number {
  const n = typeof v == 'number' ? v : /^\d+(\.\d+)?$/.test(String(v).trim().replace(unit, '')) ? +String(v).trim().replace(unit, '') : NaN
  if (!(n >= 0 && n <= max)) throw Error(`${what} must be 0–${max}, got "${v}"`)
  return n
}
