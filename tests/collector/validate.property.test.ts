// @vitest-environment node
// Property-based tests of the collector's validation: whatever arrives, it never throws, never
// lets a script into the report, and never loses a valid answer.
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { buildReport } from '../../src/collector/report'
import { renderReportHtml } from '../../src/collector/report-html'
import { checkBatch } from '../../src/collector/validate'
import { maskPii } from '../../src/shared/mask'
import type { SurveyResponse } from '../../src/shared/types'
import { asReader, FIXTURE_NOW, startCollector, stopCollectors } from './fixtures'

afterEach(stopCollectors)

const SCORES = { csat: [1, 5], nps: [0, 10], emotion: [1, 5], ces: [1, 7] } as const
const EMOTIONS = ['frustrated', 'disappointed', 'neutral', 'pleased', 'delighted'] as const
const STAGES = {
  home: 'awareness',
  listing: 'consideration',
  product: 'consideration',
  checkout: 'decision',
  confirmation: 'purchase',
  support: 'retention',
} as const
const FIELDS = ['id', 'survey', 'kind', 'score', 'comment', 'emotion', 'stage', 'touchpoint', 'url', 'locale', 'at']
// Optional schema fields: an extra of that name is checked (and dropped when bad), not ignored.
const OPTIONAL = ['display', 'device', 'visitor']
// How each payload would start a live tag or attribute if it were not escaped (the report draws its own <svg> charts).
const LIVE_MARKUP = ['<script', '<img', '<svg onload', '<iframe', '</textarea']
const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</textarea><iframe src=javascript:alert(1)>',
]

/** Text that may carry markup: any string with an attack payload somewhere inside. */
const hostile = (maxLength: number) =>
  fc
    .tuple(
      fc.string({ maxLength: maxLength / 2, unit: 'binary' }),
      fc.constantFrom(...PAYLOADS),
      fc.string({ maxLength: 20 }),
    )
    .map(([a, payload, b]) => `${a}${payload}${b}`)

/** Any answer the schema allows, dated inside the answer window, with or without extra fields. */
const validAnswer: fc.Arbitrary<SurveyResponse & Record<string, unknown>> = fc
  .record({
    id: fc.uuid({ version: 4 }),
    survey: fc.string({ minLength: 1, maxLength: 64, unit: 'binary' }),
    kind: fc.constantFrom('csat', 'nps', 'emotion', 'ces' as const),
    scoreAt: fc.double({ min: 0, max: 0.999, noNaN: true }),
    comment: fc.option(fc.oneof(fc.string({ maxLength: 1000, unit: 'binary' }), hostile(900)), { nil: null }),
    touchpoint: fc.constantFrom(...(Object.keys(STAGES) as (keyof typeof STAGES)[])),
    url: fc.oneof(fc.webUrl(), fc.string({ maxLength: 300 })),
    locale: fc.oneof(
      fc.constantFrom('en', 'vi', 'vi-VN'),
      fc.string({ minLength: 2, maxLength: 35 }),
      fc.constantFrom('"><script>x</script>'),
    ),
    at: fc
      .integer({ min: FIXTURE_NOW - 89 * 86_400_000, max: FIXTURE_NOW + 23 * 3_600_000 })
      .map((t) => new Date(t).toISOString()),
    extra: fc.dictionary(
      fc.string({ maxLength: 10 }).filter((key) => !FIELDS.includes(key) && !OPTIONAL.includes(key)),
      fc.jsonValue({ maxDepth: 3 }),
      { maxKeys: 3 },
    ),
  })
  .map(({ scoreAt, extra, ...r }) => {
    const [min, max] = SCORES[r.kind]
    const score = min + Math.floor(scoreAt * (max - min + 1))
    const emotion = r.kind === 'emotion' ? EMOTIONS[score - 1] : null
    return { ...extra, ...r, score, emotion, stage: STAGES[r.touchpoint] } as SurveyResponse & Record<string, unknown>
  })

/** Anything that is not a valid answer. */
const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  validAnswer.map((a) => ({ ...a, score: 99 })),
  validAnswer.map((a) => ({ ...a, at: '1999-01-01T00:00:00Z' })),
)

/** The wire copy, as the collector parses it. */
const wire = (value: unknown) => JSON.parse(JSON.stringify(value))
// As stored: the comment masked, the url without its query string and fragment.
const storedField = (a: SurveyResponse, f: string) =>
  f === 'comment' && a.comment !== null
    ? maskPii(a.comment)
    : f === 'url'
      ? a.url.split(/[?#]/)[0]
      : a[f as keyof SurveyResponse]
const stored = (a: SurveyResponse) => Object.fromEntries(FIELDS.map((f) => [f, storedField(a, f)]))

describe('checkBatch on any input', () => {
  it('never throws, whatever the body', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.jsonValue(),
          fc.record({
            v: fc.constant(1),
            sent_at: fc.constant('2026-11-20T10:00:00Z'),
            responses: fc.array(fc.anything()),
          }),
        ),
        (body) => {
          const check = checkBatch(body, { now: FIXTURE_NOW })
          expect(Array.isArray(check.reasons)).toBe(true)
          expect(check.reasons.every((reason) => typeof reason === 'string')).toBe(true)
        },
      ),
      { numRuns: 500 },
    )
  }, 30_000)

  it('never loses a valid answer next to invalid ones, and stores only its schema fields, the comment masked', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            validAnswer.map((a) => ({ valid: true as const, a })),
            junk.map((a) => ({ valid: false as const, a })),
          ),
          { minLength: 1, maxLength: 20 },
        ),
        (items) => {
          const check = checkBatch(
            wire({ v: 1, sent_at: '2026-11-20T10:00:00Z', responses: items.map((item) => item.a) }),
            { now: FIXTURE_NOW },
          )
          const expected = items.filter((item) => item.valid).map((item) => stored(wire(item.a)))
          expect(check.ok).toBe(true)
          expect(check.valid).toEqual(expected)
          expect(check.reasons.length > 0).toBe(items.some((item) => !item.valid))
        },
      ),
      { numRuns: 300 },
    )
  }, 30_000)

  it('never lets a script from an answer into the report page', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(validAnswer, { minLength: 1, maxLength: 10 }), async (list) => {
        const check = checkBatch(wire({ v: 1, sent_at: '2026-11-20T10:00:00Z', responses: list }), { now: FIXTURE_NOW })
        const html = renderReportHtml(await buildReport(check.valid.map((a) => ({ ...a, received_at: a.at }))), {
          lang: 'en',
          query: new URLSearchParams(),
        })
        for (const tag of LIVE_MARKUP) expect(html).not.toContain(tag)
      }),
      { numRuns: 200 },
    )
  }, 30_000)
})

describe('POST /collect on any input, over HTTP', () => {
  it('never answers 5xx and stores every valid answer it was sent', async () => {
    const { url, post } = await startCollector({ rateLimit: null, answerLimit: null })
    const sentValid = new Set<string>()
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string().map((text) => ({ text })),
          fc.jsonValue({ maxDepth: 4 }).map((value) => ({ text: JSON.stringify(value) })),
          fc
            .array(
              fc.oneof(
                validAnswer.map((a) => ({ valid: true as const, a })),
                junk.map((a) => ({ valid: false as const, a })),
              ),
              { minLength: 1, maxLength: 8 },
            )
            .map((items) => ({
              text: JSON.stringify({ v: 1, sent_at: '2026-11-20T10:00:00Z', responses: items.map((item) => item.a) }),
              valid: items.flatMap((item) => (item.valid ? [item.a.id] : [])),
            })),
        ),
        async (body: { text: string; valid?: string[] }) => {
          const res = await post(body.text, { 'Content-Type': 'text/plain' })
          expect(res.status).toBeLessThan(500)
          for (const id of body.valid ?? []) sentValid.add(id)
          await res.arrayBuffer()
        },
      ),
      { numRuns: 60 },
    )
    const csv = await (await fetch(`${url}/answers.csv`, { headers: asReader })).text()
    for (const id of sentValid) expect(csv).toContain(id)
    const html = await (await fetch(`${url}/report`, { headers: asReader })).text()
    for (const tag of LIVE_MARKUP) expect(html).not.toContain(tag)
  }, 60_000)
})
