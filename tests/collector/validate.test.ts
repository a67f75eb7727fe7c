// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { checkBatch as checkAt } from '../../src/collector/validate'
import { answer, batch, FIXTURE_NOW } from './fixtures'

// A fixed clock, so that the fixtures' dates stay inside the answer window whenever this runs.
const checkBatch = (body: unknown) => checkAt(body, { now: FIXTURE_NOW })

describe('checkBatch', () => {
  it('passes a batch of every survey kind', () => {
    const responses = [
      answer({ kind: 'csat', score: 5 }),
      answer({ kind: 'nps', score: 0 }),
      answer({ kind: 'emotion', score: 1 }),
      answer({ kind: 'ces', score: 7, touchpoint: 'checkout' }),
    ]
    expect(checkBatch(batch(responses))).toEqual({ ok: true, valid: responses, reasons: [] })
  })

  it.each([
    [{ kind: 'csat', score: 6 }, 'responses[0].score must be <= 5'],
    [{ kind: 'ces', score: 0 }, 'responses[0].score must be >= 1'],
    [{ kind: 'nps', score: 7.5 }, 'responses[0].score must be integer'],
    [{ id: 'not-a-uuid' }, 'responses[0].id must be a uuid v4'],
    [{ at: 'yesterday' }, 'responses[0].at must be an ISO 8601 date-time'],
    [{ stage: 'loyalty' }, 'responses[0].stage must be one of "awareness", "consideration", "decision", "purchase", "retention"'],
    [{ kind: 'csat', emotion: 'pleased' }, 'responses[0].emotion must be null'],
    [{ comment: 'x'.repeat(1001) }, 'responses[0].comment must NOT have more than 1000 characters'],
  ])('rejects %j with a reason a person can act on', (overrides, reason) => {
    const check = checkBatch(batch([{ ...answer(), ...overrides }]))
    expect(check.ok).toBe(true)
    expect(check.valid).toEqual([])
    expect(check.reasons).toContain(reason)
  })

  it('names a missing field', () => {
    const { survey: _, ...noSurvey } = answer()
    expect(checkBatch(batch([noSurvey])).reasons).toEqual(['responses[0].survey is required'])
  })

  it('rejects an emotion label that contradicts its score', () => {
    expect(checkBatch(batch([answer({ kind: 'emotion', score: 5, emotion: 'frustrated' })])).reasons).toEqual([
      'responses[0].emotion must be "delighted" for score 5',
    ])
  })

  it('accepts fields it does not know yet, since the wire format may grow, but keeps only the schema fields', () => {
    const plain = answer()
    const check = checkBatch({ ...batch([{ ...plain, page_title: 'Cart', junk: { deep: [[['x'.repeat(10_000)]]] } }]), client: 'touchpoint/1.2' })
    expect(check.reasons).toEqual([])
    expect(check.valid).toEqual([plain])
  })

  it('masks e-mail addresses and phone numbers in comments with the survey UI rules', () => {
    const check = checkBatch(batch([answer({ comment: 'call 0912 345 678 or lan@shop.vn' })]))
    expect(check.valid[0].comment).toBe('call [phone] or [email]')
  })

  it.each([
    ['2026-12-02T12:00:01.000Z', 'responses[0].at is more than 24 hours ahead of the collector\'s clock'],
    ['2036-01-01T00:00:00.000Z', 'responses[0].at is more than 24 hours ahead of the collector\'s clock'],
    ['2026-09-01T11:59:59.000Z', 'responses[0].at is more than 90 days old'],
    ['1970-01-01T00:00:00.000Z', 'responses[0].at is more than 90 days old'],
  ])('rejects an answer dated %s with a reason', (at, reason) => {
    expect(checkBatch(batch([answer({ at })]))).toEqual({ ok: true, valid: [], reasons: [reason] })
  })

  it('accepts an answer from an outbox weeks old, and one from a clock a few hours fast', () => {
    const late = [answer({ at: '2026-09-02T12:00:01.000Z' }), answer({ at: '2026-12-02T11:00:00.000+00:00' })]
    expect(checkBatch(batch(late)).valid).toHaveLength(2)
  })

  it('marks an unusable envelope as not ok so that nothing is stored', () => {
    expect(checkBatch(null)).toMatchObject({ ok: false, valid: [], reasons: ['body must be object'] })
    expect(checkBatch({ ...batch([answer()]), sent_at: 'now' })).toMatchObject({ ok: false, reasons: ['sent_at must be an ISO 8601 date-time'] })
    expect(checkBatch({ v: 1, sent_at: '2026-11-20T10:00:00Z', responses: new Array(501).fill(answer()) }).reasons).toContain(
      'responses must NOT have more than 500 items',
    )
  })
})
