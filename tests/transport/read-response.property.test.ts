import fc from 'fast-check'
import { beforeEach, describe, expect, it } from 'vitest'
import { readOutbox } from '../../src/transport/outbox'
import { readResponse } from '../../src/transport/read-response'
import { createStorage } from '../../src/loader/lib/storage'
import { EMOTIONS, KINDS, RANGE, STAGES, TOUCHPOINTS } from '../../src/shared/vocabulary'
import type { SurveyResponse } from '../../src/shared/types'
import { expectWireBatch } from '../shared/wire-schema'

// Property tests of the outbox's decoding of whatever its storage key holds: never a throw,
// never an injected script, never a lost valid answer, and only schema-valid answers out.

/** Any answer the schema accepts, written as the widget writes it (toISOString times). */
const answer: fc.Arbitrary<SurveyResponse> = fc.constantFrom(...KINDS).chain((kind) =>
  fc.record({
    id: fc.uuid({ version: 4 }),
    survey: fc.string({ unit: 'binary', minLength: 1, maxLength: 64 }),
    kind: fc.constant(kind),
    score: fc.integer({ min: RANGE[kind][0], max: RANGE[kind][1] }),
    comment: fc.option(fc.string({ unit: 'binary', maxLength: 1000 }), { nil: null }),
    emotion: kind == 'emotion' ? fc.constantFrom(...EMOTIONS) : fc.constant(null),
    stage: fc.constantFrom(...STAGES),
    touchpoint: fc.constantFrom(...TOUCHPOINTS),
    url: fc.oneof(fc.webUrl(), fc.string({ maxLength: 2048 })),
    locale: fc.string({ minLength: 2, maxLength: 35 }),
    at: fc
      .date({ min: new Date(0), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true })
      .map((d) => d.toISOString()),
  }),
) as fc.Arbitrary<SurveyResponse>

const SCRIPTS = [
  '<script>window.pwned=1</script>',
  '<img src=x onerror="window.pwned=1">',
  'javascript:window.pwned=1',
  '"},{"id":"',
]
/** Anything another script, another version or a broken write could leave: JSON values, near-answers, script text. */
const junk = fc.oneof(
  fc.jsonValue(),
  answer.chain((a) =>
    fc
      .record({ key: fc.constantFrom(...Object.keys(a)), value: fc.oneof(fc.jsonValue(), fc.constantFrom(...SCRIPTS)) })
      .map(({ key, value }) => ({ ...a, [key]: value })),
  ),
  fc.dictionary(
    fc.constantFrom('id', 'kind', 'score', '__proto__', 'constructor', 'toJSON', '_d'),
    fc.oneof(fc.jsonValue(), fc.constantFrom(...SCRIPTS)),
  ),
  // Near misses: another kind's score range or face, a score just outside, a time that is not one.
  answer.chain((a) => fc.constantFrom(...KINDS).map((kind) => ({ ...a, kind }))),
  // JSON has no -0: a stored -0 reads back as 0, so the generator makes none.
  answer.chain((a) =>
    fc.oneof(fc.integer({ min: -3, max: 13 }), fc.double()).map((score) => ({ ...a, score: score === 0 ? 0 : score })),
  ),
  answer.chain((a) =>
    fc
      .constantFrom('2026-02-30T10:00:00Z', '10000-01-01T00:00:00Z', 'yesterday', '2026-11-23')
      .map((at) => ({ ...a, at })),
  ),
)

const storage = () =>
  createStorage(
    window,
    () => true,
    () => {},
  )
const decode = (stored: string) => {
  localStorage.setItem('k', stored)
  const drops: string[] = []
  const before = document.documentElement.outerHTML
  const due = readOutbox(storage(), 'k', (m) => drops.push(m)).due()
  expect((window as { pwned?: number }).pwned).toBeUndefined()
  expect(document.documentElement.outerHTML).toBe(before)
  if (due.length) expectWireBatch({ v: 1, sent_at: new Date().toISOString(), responses: due })
  return { due, drops }
}

beforeEach(() => localStorage.clear())

describe('the outbox reading its storage key (property tests)', () => {
  it('never throws and only ever hands out schema-valid answers, whatever text the key holds', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.array(junk).map((list) => JSON.stringify(list)),
        ),
        (stored) => void decode(stored),
      ),
      { numRuns: 300 },
    )
  })

  it('keeps every valid answer, in order, among any junk, and reports the junk once', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            answer.map((a) => ({ a })),
            junk.map((j) => ({ j })),
          ),
          { maxLength: 20 },
        ),
        (items) => {
          const { due, drops } = decode(JSON.stringify(items.map((item) => ('a' in item ? item.a : item.j))))
          const valid = items.flatMap((item) =>
            'a' in item ? [item.a] : 'j' in item && readResponse(item.j) ? [readResponse(item.j)!] : [],
          )
          expect(due).toEqual(valid)
          expect(drops.length).toBe(valid.length < items.length ? 1 : 0)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('keeps the answers written before the cut of a truncated write', () => {
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 8 }), fc.nat(), (answers, at) => {
        const text = JSON.stringify(answers)
        const cut = text.slice(0, at % text.length)
        const whole = answers.filter((_, i) => JSON.stringify(answers.slice(0, i + 1)).length - 1 <= cut.length)
        expect(decode(cut).due).toEqual(whole)
      }),
      { numRuns: 200 },
    )
  })

  it('rebuilds an answer from its own fields only: a polluted Object.prototype never fills in or adds one', () => {
    const proto = Object.prototype as Record<string, unknown>
    fc.assert(
      fc.property(answer, fc.constantFrom('comment', 'emotion', 'extra', 'each'), (a, key) => {
        const { [key as 'comment']: _, ...rest } = a
        proto[key] = key == 'emotion' || key == 'comment' ? null : 'from the page'
        try {
          const read = readResponse(JSON.parse(JSON.stringify(rest)))
          if (key == 'comment' || key == 'emotion') expect(read).toBeNull()
          else expect(Object.keys(read!)).toEqual(Object.keys(a))
        } finally {
          delete proto[key]
        }
      }),
    )
  })
})
