// The report's JavaScript runs in slices that give the event loop back: a POST to a real
// collector is answered while a report over a lot of data is still being computed. Ordered by
// events (which finished first), not by timers.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { buildReportFrom } from '../../src/collector/report'
import type { ReportSource } from '../../src/collector/report-source'
import { runInSlices, runToEnd } from '../../src/collector/report-slices'
import { mondayOf } from '../../src/collector/report-trend-days'
import { segmentsOf, segmentSteps } from '../../src/collector/report-segments'
import type { Comment, TallyRow } from '../../src/collector/storage'
import { TOUCHPOINTS, DEFAULT_STAGE_MAP } from '../../src/shared/vocabulary'
import { answer, batch, startCollector, stopCollectors } from './fixtures'

afterEach(stopCollectors)

const KINDS = [
  ['csat', 1, 5],
  ['nps', 0, 10],
  ['emotion', 1, 5],
  ['ces', 1, 7],
] as const
const WORDS = ['shipping fee', 'phí ship', 'slow delivery', 'size chart', 'checkout form', 'coupon code', 'giao hàng']

/**
 * What a busy store's database returns for three years of answers: a daily count for every
 * touchpoint, kind and score (about 100,000 rows; the trend reads them per week) and the 2,000
 * newest comments.
 * The database's part is instant here, so all the time left is the report's own JavaScript.
 */
function bigSource(): ReportSource {
  const daily: TallyRow[] = []
  const start = Date.parse('2024-01-01T00:00:00.000Z')
  for (let day = 0; day < 3 * 365; day++) {
    const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10)
    for (const touchpoint of TOUCHPOINTS.slice(0, 8))
      for (const [kind, low, high] of KINDS)
        for (let score = low; score <= high; score += 2)
          daily.push({ day: date, touchpoint, stage: DEFAULT_STAGE_MAP[touchpoint], kind, score, n: 3 })
  }
  const comments: Comment[] = Array.from({ length: 2000 }, (_, index) => {
    const touchpoint = TOUCHPOINTS[index % 8]
    return {
      id: `c${index}`,
      at: new Date(start + index * 60_000).toISOString(),
      stage: DEFAULT_STAGE_MAP[touchpoint],
      touchpoint,
      kind: 'csat',
      score: (index % 5) + 1,
      emotion: null,
      comment: `${WORDS[index % WORDS.length]} and ${WORDS[(index * 3) % WORDS.length]}, comment number ${index}`,
      locale: index % 2 ? 'vi' : 'en',
    }
  })
  const withoutDay = daily.slice(0, 2000).map(({ day: _day, ...rest }) => rest)
  // The same counts per week, as the database sums them for a trend over weeks.
  const weeks = new Map<string, TallyRow>()
  for (const { day, ...rest } of daily) {
    const week = mondayOf(String(day))
    const key = [week, rest.touchpoint, rest.kind, rest.score].join()
    const known = weeks.get(key)
    if (known) known.n += rest.n
    else weeks.set(key, { ...rest, week })
  }
  const weekly = [...weeks.values()]
  return {
    tally: async (by) => (by.includes('day') ? daily : by.includes('week') ? weekly : withoutDay),
    displays: async () => [],
    comments: async (query) => (query.order === 'newest' ? comments : comments.slice(0, query.limit)),
  }
}

describe('the report in slices', () => {
  it('answers a POST to the collector while a report over three years of daily counts is computed', async () => {
    const { post } = await startCollector()
    const finished: string[] = []
    const building = buildReportFrom(bigSource()).then((report) => {
      finished.push('report')
      return report
    })
    const posting = post(batch([answer()])).then((res) => {
      finished.push(`POST ${res.status}`)
    })
    const [report] = await Promise.all([building, posting])
    expect(finished).toEqual(['POST 200', 'report'])
    // And the report is whole: the trend went over every week of the three years.
    expect(report.trend.unit).toBe('week')
    expect(report.trend.periods.length).toBeGreaterThan(150)
    expect(report.themes.length).toBeGreaterThan(0)
  }, 60_000)

  it('works out the segments one segment a step, with the same figures as in one go', async () => {
    const rows = await bigSource().tally(['stage', 'kind', 'score', 'device', 'visitor', 'language'])
    const withSegments = rows.map((row, index) => ({
      ...row,
      device: ['phone', 'desktop', null][index % 3],
      language: ['en', 'vi'][index % 2],
      visitor: ['new', 'returning'][index % 2],
    }))
    const segments = segmentsOf(withSegments)
    const steps = segmentSteps(withSegments)
    let yields = 0
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) {
        expect(step.value).toEqual(segments)
        break
      }
      yields++
    }
    expect(segments).toHaveLength(7)
    expect(yields).toBeGreaterThanOrEqual(segments.length)
  })

  it('gives way to pending I/O between slices, and returns what the steps return', async () => {
    const server = createServer((_req, res) => res.end('ok')).listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    let answered = false
    const request = fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`).then(() => (answered = true))
    // Steps that go on until the response has arrived (or give up after 10 s of never seeing it).
    const started = performance.now()
    function* untilAnswered() {
      let steps = 0
      while (!answered && performance.now() - started < 10_000) {
        steps++
        yield
      }
      return { answered, steps }
    }
    const result = await runInSlices(untilAnswered())
    await request
    server.close()
    expect(result.answered).toBe(true)
    expect(result.steps).toBeGreaterThan(0)
    // Synchronously, the same steps run to their end at once.
    expect(
      runToEnd(
        (function* () {
          yield
          return 'done'
        })(),
      ),
    ).toBe('done')
  })
})
