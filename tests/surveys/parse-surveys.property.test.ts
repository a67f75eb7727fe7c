import { formatNote } from '../../src/diagnostics/format-note'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseSurveys } from '../../src/surveys/parse-surveys'
import { KINDS, STAGES, TOUCHPOINTS } from '../../src/shared/vocabulary'
import { triggerOf, type SurveyPlan } from '../../src/loader/targeting/plan'

// Property tests of the data-surveys parser: any text (or any JSON array from data-config)
// gives well-formed plans and one warning per bad part, never a throw; good parts are read
// exactly as written.

const TRIGGERS = ['delay', 'dwell', 'scroll', 'exit', 'event', 'track', 'click']
const WHERE = [...TOUCHPOINTS, ...STAGES] as string[]

/** A plan as the loader relies on it. */
function expectWellFormed(plan: SurveyPlan) {
  expect(KINDS).toContain(plan.kind)
  expect(plan.id).toMatch(/^[\w-]+$/)
  expect(plan.on.length).toBeGreaterThan(0)
  for (const where of plan.on) expect(WHERE).toContain(where)
  const [type, value] = triggerOf(plan.trigger)
  expect(TRIGGERS).toContain(type)
  if (type == 'exit') expect(value).toBe(true)
  else if (/^(event|track|click)$/.test(type)) expect(typeof value == 'string' && value.trim()).toBeTruthy()
  else expect(Number.isFinite(value) && (value as number) >= 0).toBe(true)
  if (plan.sample != null) expect(plan.sample >= 0 && plan.sample <= 100).toBe(true)
  if (plan.recontactDays != null) expect(plan.recontactDays >= 0 && plan.recontactDays <= 3650).toBe(true)
}

const parse = (value: string | unknown[]) => {
  const warnings: string[] = []
  return { plans: parseSurveys(value, (note) => warnings.push(formatNote(note))), warnings }
}

// Text made of the syntax's own pieces, so that near-misses are common.
const piece = fc.constantFrom(
  ...WHERE,
  ...KINDS,
  ':',
  '@',
  '/',
  '=',
  ',',
  ';',
  ' ',
  'delay',
  'dwell',
  'scroll',
  'exit',
  'event',
  'track',
  'click',
  'sample',
  'recontact',
  'id',
  '3s',
  '45',
  '50%',
  '90d',
  '.a',
  '#b',
  '[x',
  '<script>',
  'ms',
  'm',
  '1.5',
  '-1',
  '999999',
  'add_to_cart',
)
const syntaxLike = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''))

/** A good part and the plan it means. */
const goodPart = fc
  .record({
    where: fc.uniqueArray(fc.constantFrom(...WHERE), { minLength: 1, maxLength: 3 }),
    kind: fc.constantFrom(...KINDS),
    trigger: fc.oneof(
      fc.integer({ min: 0, max: 600 }).map((s) => [`delay=${s}s`, { delay: s * 1000 }] as const),
      fc.integer({ min: 0, max: 600000 }).map((ms) => [`dwell=${ms}ms`, { dwell: ms }] as const),
      fc.integer({ min: 0, max: 100 }).map((p) => [`scroll=${p}%`, { scroll: p }] as const),
      fc.constant(['exit', { exit: true }] as const),
      fc.stringMatching(/^[a-z_]{1,20}$/).map((e) => [`event=${e}`, { event: e }] as const),
      fc.stringMatching(/^[a-z-]{1,20}$/).map((t) => [`track=${t}`, { track: t }] as const),
      fc.stringMatching(/^[a-z][a-z-]{0,15}$/).map((c) => [`click=.${c}`, { click: '.' + c }] as const),
    ),
    sample: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    id: fc.option(fc.stringMatching(/^[\w-]{1,20}$/), { nil: undefined }),
  })
  .map(({ where, kind, trigger, sample, id }) => {
    const text = `${where.join(',')}:${kind}@${trigger[0]}${sample != null ? '/sample=' + sample : ''}${id ? '/id=' + id : ''}`
    const plan: SurveyPlan = {
      id: id || kind,
      kind,
      on: where as SurveyPlan['on'],
      trigger: trigger[1] as SurveyPlan['trigger'],
    }
    if (sample != null) plan.sample = sample
    return { text, plan }
  })

describe('parseSurveys (property tests)', () => {
  it('never throws on any text; every plan is well formed and each other part gets one warning', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), syntaxLike), (text) => {
        const { plans, warnings } = parse(text)
        plans.forEach(expectWellFormed)
        expect(plans.length + warnings.length).toBe(text.split(';').filter((p) => p.trim()).length)
        for (const warning of warnings) expect(warning).toMatch(/^touchpoint: data-surveys part /)
      }),
      { numRuns: 1000 },
    )
  })

  it('never throws on any JSON array (data-config, init()), with one warning per bad entry', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 8 }), (entries) => {
        const { plans, warnings } = parse(entries)
        plans.forEach(expectWellFormed)
        expect(plans.length + warnings.length).toBe(entries.length)
      }),
      { numRuns: 500 },
    )
  })

  it('reads good parts exactly, whatever bad parts follow them', () => {
    fc.assert(
      fc.property(
        fc.array(goodPart, { minLength: 1, maxLength: 5 }),
        fc.array(
          syntaxLike.filter((t) => !t.includes(';')),
          { maxLength: 3 },
        ),
        (good, bad) => {
          const { plans } = parse([...good.map((g) => g.text), ...bad].join(';'))
          expect(plans.slice(0, good.length)).toEqual(good.map((g) => g.plan))
        },
      ),
      { numRuns: 500 },
    )
  })
})
