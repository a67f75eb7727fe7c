import { STAGES, TOUCHPOINTS } from '../detection/stage-map'
import { DEFAULT_SURVEYS, KINDS, type SurveyPlan, type Trigger } from './plan'

const MS: Record<string, number> = { ms: 1, s: 1e3, m: 6e4 }

/**
 * Reads the `surveys` option into a plan. `null` gives the plan of DEFAULT_SURVEYS. A string is a list of
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
  if (value == null) value = DEFAULT_SURVEYS
  const plans: SurveyPlan[] = []
  const parts: unknown[] = typeof value == 'string' ? value.split(';').filter((p) => p.trim()) : value
  for (const part of parts) {
    const quoted = typeof part == 'string' ? part.trim() : JSON.stringify(part)
    try {
      plans.push(fromString(typeof part == 'string' ? quoted : fromObject(part)))
    } catch (err) {
      warn(`touchpoint: ${typeof value == 'string' ? 'data-surveys part' : 'surveys entry'} ${JSON.stringify(quoted)}: ${(err as Error).message}`)
    }
  }
  return plans
}

function fromObject(entry: unknown): string {
  // An entry becomes the string form, so both are held to exactly the same rules.
  const e = (entry || {}) as Record<string, unknown>
  const t = e.trigger as Record<string, unknown> | string | undefined
  const [key, v] = t && typeof t == 'object' ? Object.entries(t)[0] || [] : []
  const trigger = key ? (key == 'exit' ? key : `${key}=${v}${/^d[ew]/.test(key) ? 'ms' : ''}`) : t || ''
  return `${e.on}:${e.kind}@${trigger}${e.sample != null ? '/sample=' + e.sample : ''}${e.recontactDays != null ? '/recontact=' + e.recontactDays : ''}${e.id != null ? '/id=' + e.id : ''}`
}

function fromString(part: string): SurveyPlan {
  const m = /^([\w,\s]+):\s*(\w+)\s*(?:@([^/]*))?(.*)$/.exec(part)
  if (!m) throw Error('expected where:kind[@trigger][/option…]')
  const where = m[1].split(',').map((w) => w.trim())
  for (const w of where) if (!TOUCHPOINTS.includes(w as never) && !STAGES.includes(w as never)) throw Error(`unknown touchpoint "${w}"`)
  if (!KINDS.includes(m[2] as never)) throw Error(`unknown survey kind "${m[2]}"`)
  const plan: SurveyPlan = { id: m[2], kind: m[2] as SurveyPlan['kind'], on: where as SurveyPlan['on'], trigger: readTrigger(m[3] || 'delay=3s') }
  for (const opt of m[4].split('/').slice(1)) {
    const [key, v] = opt.split('=').map((s) => s.trim())
    if (key == 'sample' && v) plan.sample = number(v, /%$/, 100, key)
    else if (key == 'recontact' && v) plan.recontactDays = number(v, /d$/, 3650, key)
    else if (key == 'id' && /^[\w-]+$/.test(v)) plan.id = v
    else throw Error(`bad option "${opt.trim()}"`)
  }
  return plan
}

function readTrigger(t: string): Trigger {
  const [, key, v] = /^\s*(\w+)\s*(?:=(.+))?$/.exec(t) || []
  const text = v && v.trim()
  if (key == 'exit' && !v) return { exit: true }
  if (/^(event|track|click)$/.test(key) && text) {
    if (key == 'click')
      try {
        document.createDocumentFragment().querySelector(text)
      } catch {
        throw Error(`bad CSS selector "${text}"`)
      }
    return { [key]: text } as Trigger
  }
  if (key == 'scroll' && text) return { scroll: number(text, /%$/, 100, key) }
  const d = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text || '')
  if (/^d[ew]/.test(key) && d) return { [key]: +d[1] * MS[d[2] || 's'] } as Trigger
  throw Error(`unknown trigger "${t.trim()}"`)
}

function number(v: string, unit: RegExp, max: number, what: string): number {
  const s = v.replace(unit, '')
  const n = /^\d+(\.\d+)?$/.test(s) ? +s : NaN
  if (!(n <= max)) throw Error(`${what} must be 0–${max}, got "${v}"`)
  return n
}
