import type { Note, SurveyPlan, SurveyProblem, Trigger } from '../shared/contract.js'
import { KINDS, STAGES, TOUCHPOINTS } from '../shared/vocabulary.js'

const MS: Record<string, number> = { ms: 1, s: 1e3, m: 6e4 }

/**
 * Reads a store's own `surveys` option into a plan (the built-in plan ships in the loader already
 * parsed: loader/targeting/plan.ts). A string is a list of
 * parts separated by `;`, each `where:kind[@trigger][/option…]`:
 * - where: touchpoints or stages, comma-separated (`product,cart`, `decision`)
 * - trigger: `delay=3s` (default), `dwell=45s`, `scroll=50%`, `exit`, `event=add_to_cart`,
 *   `track=name`, `click=.css-selector` (durations take `ms`, `s`, `m`; bare numbers are seconds)
 * - options: `sample=50` (percent of visitors), `recontact=90d`, `id=name`
 *
 * An array (from `init()` or `data-config`) holds `{ id?, kind, on, trigger?, sample?, recontactDays? }`
 * and is checked by the same rules. A bad part gets one `bad-survey` note quoting it and is skipped.
 *
 * @example
 * parseSurveys('confirmation:csat@delay=3s; cart:emotion@event=add_to_cart/sample=50', console.warn)
 */
export function parseSurveys(value: string | unknown[], warn: (note: Note) => void): SurveyPlan[] {
  const plans: SurveyPlan[] = []
  const parts: unknown[] = typeof value == 'string' ? value.split(';').filter((p) => p.trim()) : value
  for (const part of parts) {
    const quoted = typeof part == 'string' ? part.trim() : JSON.stringify(part)
    try {
      plans.push(fromString(typeof part == 'string' ? quoted : fromObject(part)))
    } catch (err) {
      const [problem, detail] = err as Problem
      warn({ code: 'bad-survey', part: quoted, source: typeof value == 'string' ? 'tag' : 'init', problem, detail })
    }
  }
  return plans
}

/** What is wrong with a part, and the piece concerned; the diagnostics chunk words it. */
type Problem = [SurveyProblem, string?]
function fail(problem: SurveyProblem, detail?: string): never {
  throw [problem, detail] as Problem
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
  if (!m) fail('syntax')
  const where = m[1].split(',').map((w) => w.trim())
  for (const w of where) if (!TOUCHPOINTS.includes(w as never) && !STAGES.includes(w as never)) fail('where', w)
  if (!KINDS.includes(m[2] as never)) fail('kind', m[2])
  const plan: SurveyPlan = {
    id: m[2],
    kind: m[2] as SurveyPlan['kind'],
    on: where as SurveyPlan['on'],
    trigger: readTrigger(m[3] || 'delay=3s'),
  }
  for (const opt of m[4].split('/').slice(1)) {
    const [key, v] = opt.split('=').map((s) => s.trim())
    if (key == 'sample' && v) plan.sample = number(v, /%$/, 100, key)
    else if (key == 'recontact' && v) plan.recontactDays = number(v, /d$/, 3650, key)
    else if (key == 'id' && /^[\w-]+$/.test(v)) plan.id = v
    else fail('option', opt.trim())
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
        fail('selector', text)
      }
    return { [key]: text } as Trigger
  }
  if (key == 'scroll' && text) return { scroll: number(text, /%$/, 100, key) }
  const d = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text || '')
  if (/^d[ew]/.test(key) && d) return { [key]: +d[1] * MS[d[2] || 's'] } as Trigger
  return fail('trigger', t.trim())
}

function number(v: string, unit: RegExp, max: number, what: 'sample' | 'recontact' | 'scroll'): number {
  const s = v.replace(unit, '')
  const n = /^\d+(\.\d+)?$/.test(s) ? +s : NaN
  if (!(n <= max)) fail(what, v)
  return n
}
