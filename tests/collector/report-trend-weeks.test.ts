// The trend over long ranges reads counts per week, summed by the database (a seventh of the
// rows a daily tally sends, which the collector's event loop would otherwise turn into objects
// in one stretch). It must be the same trend as the daily counts give: on both engines, with
// answers on the edges of weeks (Sunday's last millisecond, Monday's first) and ranges that
// start and end inside a week or a day.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildReportFrom } from '../../src/collector/report'
import { memorySource, type ReportSource } from '../../src/collector/report-source'
import { runToEnd } from '../../src/collector/report-slices'
import { trendOf, trendSteps } from '../../src/collector/report-trend'
import { trendRows } from '../../src/collector/report-trend-rows'
import type { TallyKey, TimeRange } from '../../src/collector/storage'
import type { SurveyResponse } from '../../src/shared/types'
import { ENGINES } from './engines'
import { answer } from './fixtures'
import { useDatabases } from './use-databases'

const databases = useDatabases()

const DAY = 86_400_000
// A Sunday: the first day is the last of its week.
const START = Date.parse('2026-10-04T00:00:00.000Z')
const DAYS = 40
const iso = (offset: number) => new Date(START + offset).toISOString()
// Any time in the 40 days, and more often a day's first or last millisecond.
const time = fc.oneof(
  fc.integer({ min: 0, max: DAYS * DAY - 1 }),
  fc.integer({ min: 0, max: DAYS - 1 }).map((day) => day * DAY),
  fc.integer({ min: 1, max: DAYS }).map((day) => day * DAY - 1),
)
const generatedAnswer = fc
  .record({
    touchpoint: fc.constantFrom('home', 'product', 'checkout'),
    kind: fc.constantFrom('csat', 'nps', 'ces'),
    score: fc.integer({ min: 1, max: 5 }),
    at: time.map(iso),
  })
  .map((fields) => answer(fields as Partial<SurveyResponse>))
const range = fc.record({ from: fc.option(time, { nil: undefined }), to: fc.option(time, { nil: undefined }) })
const DAILY_KEYS: TallyKey[] = ['touchpoint', 'stage', 'kind', 'score', 'day']

describe.each(ENGINES)('the trend from weekly counts on %s', (engine) => {
  it('puts Sunday’s last millisecond in its week and Monday’s first in the next', async () => {
    const { store } = await databases.fresh(engine)
    await store.insert([
      answer({ at: '2026-11-01T23:59:59.999Z' }), // a Sunday
      answer({ at: '2026-11-02T00:00:00.000Z' }), // the Monday after it
      answer({ at: '2026-11-02T00:00:00.000+07:00' }), // still Sunday in UTC
    ])
    expect(await store.tally({}, ['week'])).toEqual([
      { week: '2026-10-26', n: 2 },
      { week: '2026-11-02', n: 1 },
    ])
    // The same from the rows, when a range cuts a day (the edge rows are added to whole days).
    expect(await store.tally({ from: '2026-11-01T12:00:00.000Z' }, ['week'])).toEqual([
      { week: '2026-10-26', n: 2 },
      { week: '2026-11-02', n: 1 },
    ])
  })

  it('equals the trend from daily counts for any answers and range', async () => {
    const { store } = await databases.fresh(engine)
    let weeklyRuns = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(generatedAnswer, { maxLength: 30 }),
        fc.array(range, { minLength: 1, maxLength: 3 }),
        async (answers, ranges) => {
          await store.insert(answers)
          for (const bounds of ranges) {
            const timeRange: TimeRange = {
              from: bounds.from === undefined ? undefined : iso(bounds.from),
              to: bounds.to === undefined ? undefined : iso(bounds.to),
            }
            const rows = await trendRows((by) => store.tally(timeRange, by), timeRange)
            if (rows.by === 'week') weeklyRuns++
            const daily = trendOf(await store.tally(timeRange, DAILY_KEYS), timeRange)
            expect(runToEnd(trendSteps(rows, timeRange)), JSON.stringify(timeRange)).toEqual(daily)
          }
        },
      ),
      { numRuns: 25 },
    )
    // The weekly path was taken, not only the daily one.
    expect(weeklyRuns).toBeGreaterThan(5)
  }, 300_000)
})

describe('the report’s trend', () => {
  // A source that records what it was asked to count.
  function recording(answers: SurveyResponse[]) {
    const asked: TallyKey[][] = []
    const inner = memorySource(answers)
    const source: ReportSource = {
      ...inner,
      tally: (by, filter) => {
        asked.push([...by])
        return inner.tally(by, filter)
      },
    }
    return { source, asked }
  }
  const spread = (days: number) =>
    Array.from({ length: days }, (_, day) => answer({ at: iso(day * DAY + DAY / 2), score: (day % 5) + 1 }))

  it('asks for weeks, never days, over a range longer than 14 days or data spanning more', async () => {
    for (const options of [{ from: iso(0), to: iso(30 * DAY) }, {}, { from: iso(0) }, { to: iso(30 * DAY) }]) {
      const { source, asked } = recording(spread(30))
      const report = await buildReportFrom(source, options)
      expect(report.trend.unit).toBe('week')
      expect(asked.some((by) => by.includes('week'))).toBe(true)
      expect(
        asked.some((by) => by.includes('day')),
        JSON.stringify(options),
      ).toBe(false)
    }
  })

  it('gives a period the same figures as the report gives the same answers', async () => {
    // Mixed scores of every kind at several touchpoints, all in one week of a 30-day range.
    const kinds = ['csat', 'nps', 'ces', 'emotion'] as const
    const mixed = Array.from({ length: 120 }, (_, index) =>
      answer({
        touchpoint: (['home', 'product', 'cart', 'checkout'] as const)[index % 4],
        kind: kinds[index % 4],
        score: kinds[index % 4] === 'nps' ? index % 11 : (index % 5) + 1,
        at: iso(9 * DAY + (index % 5) * DAY + index * 1000),
      }),
    )
    const report = await buildReportFrom(memorySource(mixed), { from: iso(0), to: iso(30 * DAY) })
    const week = report.trend.periods.indexOf('2026-10-12')
    const asPoint = (figures: (typeof report)['overall']) => ({
      index: { value: figures.index, ci: figures.index_ci, n: figures.index_n },
      csat: { value: figures.csat.avg, ci: figures.csat.ci, n: figures.csat.n },
      nps: { value: figures.nps.score, ci: figures.nps.ci, n: figures.nps.n },
      emotion: { value: figures.emotion.avg, ci: figures.emotion.ci, n: figures.emotion.n },
      ces: { value: figures.ces.avg, ci: figures.ces.ci, n: figures.ces.n },
    })
    expect(report.trend.overall[week]).toMatchObject(asPoint(report.overall))
    for (const { key, periods } of report.trend.stages)
      expect(periods[week], key).toMatchObject(asPoint(report.stages.find((s) => s.stage === key)!))
    for (const { key, periods } of report.trend.touchpoints)
      expect(periods[week], key).toMatchObject(asPoint(report.touchpoints.find((t) => t.touchpoint === key)!))
  })

  it('asks for days when the trend may go per day', async () => {
    // Data over 12 days: its weeks alone cannot tell whether it spans 14 days or fewer.
    const { source, asked } = recording(spread(12))
    const report = await buildReportFrom(source)
    expect(report.trend.unit).toBe('day')
    expect(report.trend.periods).toHaveLength(12)
    expect(asked.some((by) => by.includes('day'))).toBe(true)
  })
})
