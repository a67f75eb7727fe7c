// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { checkBatch as checkAt } from '../../src/collector/validate'
import { answer, batch, display, FIXTURE_NOW } from './fixtures'

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
    expect(checkBatch(batch(responses))).toEqual({
      ok: true,
      valid: responses,
      displays: [],
      reasons: [],
      warnings: [],
    })
  })

  it.each([
    [{ kind: 'csat', score: 6 }, 'responses[0].score must be <= 5'],
    [{ kind: 'ces', score: 0 }, 'responses[0].score must be >= 1'],
    [{ kind: 'nps', score: 7.5 }, 'responses[0].score must be integer'],
    [{ id: 'not-a-uuid' }, 'responses[0].id must be a uuid v4'],
    [{ at: 'yesterday' }, 'responses[0].at must be an ISO 8601 date-time'],
    [
      { stage: 'loyalty' },
      'responses[0].stage must be one of "awareness", "consideration", "decision", "purchase", "retention"',
    ],
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
    const check = checkBatch({
      ...batch([{ ...plain, page_title: 'Cart', junk: { deep: [[['x'.repeat(10_000)]]] } }]),
      client: 'touchpoint/1.2',
    })
    expect(check.reasons).toEqual([])
    expect(check.valid).toEqual([plain])
  })

  it('masks e-mail addresses and phone numbers in comments with the survey UI rules', () => {
    const check = checkBatch(batch([answer({ comment: 'call 0912 345 678 or lan@shop.vn' })]))
    expect(check.valid[0].comment).toBe('call [phone] or [email]')
  })

  it.each([
    ['2026-12-02T12:00:01.000Z', "responses[0].at is more than 24 hours ahead of the collector's clock"],
    ['2036-01-01T00:00:00.000Z', "responses[0].at is more than 24 hours ahead of the collector's clock"],
    ['2026-09-01T11:59:59.000Z', 'responses[0].at is more than 90 days old'],
    ['1970-01-01T00:00:00.000Z', 'responses[0].at is more than 90 days old'],
  ])('rejects an answer dated %s with a reason', (at, reason) => {
    expect(checkBatch(batch([answer({ at })]))).toEqual({
      ok: true,
      valid: [],
      displays: [],
      reasons: [reason],
      warnings: [],
    })
  })

  it('accepts an answer from an outbox weeks old, and one from a clock a few hours fast', () => {
    const late = [answer({ at: '2026-09-02T12:00:01.000Z' }), answer({ at: '2026-12-02T11:00:00.000+00:00' })]
    expect(checkBatch(batch(late)).valid).toHaveLength(2)
  })

  it('marks an unusable envelope as not ok so that nothing is stored', () => {
    expect(checkBatch(null)).toMatchObject({ ok: false, valid: [], reasons: ['body must be object'] })
    expect(checkBatch({ ...batch([answer()]), sent_at: 'now' })).toMatchObject({
      ok: false,
      reasons: ['sent_at must be an ISO 8601 date-time'],
    })
    expect(
      checkBatch({ v: 1, sent_at: '2026-11-20T10:00:00Z', responses: new Array(501).fill(answer()) }).reasons,
    ).toContain('responses must NOT have more than 500 items')
  })
})

describe('checkBatch with displays and the optional answer fields', () => {
  const withDisplays = (responses: unknown[], displays: unknown[]) => ({ ...batch(responses), displays })

  it('still passes an old batch, with neither displays nor the new answer fields', () => {
    const old = answer()
    expect(checkBatch(batch([old]))).toEqual({ ok: true, valid: [old], displays: [], reasons: [], warnings: [] })
  })

  it('passes a batch of displays only, and answers that name their display, device and visitor', () => {
    const shown = display({ device: 'phone', visitor: 'new' })
    const dismissed = display({ event: 'dismissed', device: 'desktop', visitor: 'returning' })
    expect(checkBatch(withDisplays([], [shown, dismissed]))).toEqual({
      ok: true,
      valid: [],
      displays: [shown, dismissed],
      reasons: [],
      warnings: [],
    })
    const reply = answer({ display: shown.id, device: 'tablet', visitor: 'returning' })
    expect(checkBatch(withDisplays([reply], [shown]))).toMatchObject({
      ok: true,
      valid: [reply],
      displays: [shown],
      reasons: [],
    })
  })

  it('refuses a batch with neither an answer nor a display, storing nothing', () => {
    for (const body of [batch([]), withDisplays([], [])]) {
      expect(checkBatch(body)).toEqual({
        ok: false,
        valid: [],
        displays: [],
        reasons: ['body must carry at least one response or display'],
        warnings: [],
      })
    }
  })

  it.each([
    ['device', 'watch', 'device must be one of "phone", "tablet", "desktop"'],
    ['visitor', 'loyal', 'visitor must be one of "new", "returning"'],
    ['display', 'not-a-uuid', 'display must be a uuid v4'],
    ['device', null, 'device must be one of "phone", "tablet", "desktop"'],
  ])('keeps an answer whose %s is %j, dropping only that field, with a warning', (field, value, warning) => {
    const plain = answer()
    const check = checkBatch(batch([{ ...plain, [field]: value }]))
    expect(check).toEqual({
      ok: true,
      valid: [plain],
      displays: [],
      reasons: [],
      warnings: [`responses[0].${warning}; dropped, the rest is stored`],
    })
  })

  it('keeps a display whose device or visitor is wrong, dropping only those fields', () => {
    const shown = display()
    const check = checkBatch(withDisplays([], [{ ...shown, device: 'TV', visitor: 3 }]))
    expect(check.displays).toEqual([shown])
    expect(check.warnings).toEqual([
      'displays[0].device must be one of "phone", "tablet", "desktop"; dropped, the rest is stored',
      'displays[0].visitor must be one of "new", "returning"; dropped, the rest is stored',
    ])
  })

  it.each([
    [{ event: 'clicked' }, 'displays[0].event must be one of "shown", "dismissed"'],
    [{ id: 'x' }, 'displays[0].id must be a uuid v4'],
    [{ kind: 'stars' }, 'displays[0].kind must be one of "csat", "nps", "emotion", "ces"'],
    [
      { touchpoint: 'blog' },
      'displays[0].touchpoint must be one of "home", "listing", "search", "product", "cart", "checkout", "confirmation", "account", "support", "content", "other"',
    ],
    [{ survey: '' }, 'displays[0].survey must NOT have fewer than 1 characters'],
    [{ url: 'https://shop.example/' + 'x'.repeat(2048) }, 'displays[0].url must NOT have more than 2048 characters'],
    [{ locale: 'x' }, 'displays[0].locale must NOT have fewer than 2 characters'],
    [{ at: '2020-01-01T00:00:00.000Z' }, 'displays[0].at is more than 90 days old'],
    [{ at: '2027-01-01T00:00:00.000Z' }, "displays[0].at is more than 24 hours ahead of the collector's clock"],
  ])('refuses a display with %j, keeping the answers and displays next to it', (overrides, reason) => {
    const good = display()
    const reply = answer()
    const check = checkBatch(withDisplays([reply], [{ ...display(), ...overrides }, good]))
    expect(check).toMatchObject({ ok: true, valid: [reply], displays: [good] })
    expect(check.reasons).toEqual([reason])
  })

  it('names a display missing a field', () => {
    const { stage: _, ...noStage } = display()
    expect(checkBatch(withDisplays([], [noStage])).reasons).toEqual(['displays[0].stage is required'])
  })

  it('refuses more than 500 displays in one batch, as it does answers', () => {
    const check = checkBatch(withDisplays([answer()], new Array(501).fill(display())))
    expect(check).toMatchObject({ ok: false, valid: [], displays: [] })
    expect(check.reasons).toContain('displays must NOT have more than 500 items')
  })

  it('stores the url without its query string or fragment, for answers and displays alike, and only schema fields', () => {
    const url = 'https://shop.example/checkout/order-received/123/?key=wc_order_abc&email=lan@shop.vn#top'
    const check = checkBatch(
      withDisplays([answer({ url })], [{ ...display({ url }), display: display().id, score: 5 }]),
    )
    expect(check.valid[0].url).toBe('https://shop.example/checkout/order-received/123/')
    expect(check.displays[0]).toEqual({
      ...display(),
      id: check.displays[0].id,
      url: 'https://shop.example/checkout/order-received/123/',
    })
  })
})
