// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { buildReport } from '../../src/collector/report'
import { answers } from './fixtures'

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T10:00:00.000Z`

describe('trend', () => {
  it('goes per day up to 14 days, from the range, with empty days kept', async () => {
    const report = await buildReport(answers('cart', 'csat', [4, 4], { at: day(3) }), {
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-07T23:59:59.999Z',
    })
    expect(report.trend.unit).toBe('day')
    expect(report.trend.periods).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
      '2026-11-06',
      '2026-11-07',
    ])
    expect(report.trend.overall[2].csat).toMatchObject({ value: 4, n: 2 })
    expect(report.trend.overall[0].csat).toEqual({ value: null, ci: null, n: 0 })
  })

  it('goes per week (Monday first) over longer ranges', async () => {
    // 2026-10-01 is a Thursday: its week starts on Monday 2026-09-28.
    const report = await buildReport([], { from: '2026-10-01T00:00:00.000Z', to: '2026-11-30T23:59:59.999Z' })
    expect(
      (await buildReport([], { from: '2026-11-01T00:00:00.000Z', to: '2026-11-15T23:59:59.999Z' })).trend.unit,
    ).toBe('week')
    expect(report.trend.unit).toBe('week')
    expect(report.trend.periods[0]).toBe('2026-09-28')
    expect(report.trend.periods.at(-1)).toBe('2026-11-30')
  })

  it('calls a fall from CSAT 4.5 to 2.5 over 20 answers each more than noise, and 4.5 to 4.3 not', async () => {
    const before = answers('checkout', 'csat', [...Array(10).fill(5), ...Array(10).fill(4)], { at: day(2) })
    const worse = answers('checkout', 'csat', [...Array(10).fill(3), ...Array(10).fill(2)], { at: day(3) })
    const same = answers('checkout', 'csat', [...Array(8).fill(5), ...Array(10).fill(4), 3, 4], { at: day(3) })
    const fell = (await buildReport([...before, ...worse])).trend
    const checkout = fell.touchpoints.find((s) => s.key === 'checkout')!
    expect(checkout.periods[1].change.csat).toMatchObject({ change: -2, significant: true })
    const steady = (await buildReport([...before, ...same])).trend.stages.find((s) => s.key === 'decision')!
    expect(steady.periods[1].change.csat!.significant).toBe(false)
    expect(steady.periods[0].change.csat).toBeNull()
  })
})

describe('segments and NPS groups', () => {
  it('gives each device, language and visitor kind its own journey, with unknown for older widgets', async () => {
    const report = await buildReport([
      ...answers('checkout', 'csat', [1, 2, 1], { device: 'phone', visitor: 'new', locale: 'vi-VN' } as object),
      ...answers('checkout', 'csat', [5, 4], { device: 'desktop', locale: 'en-US' } as object),
    ])
    const phone = report.segments.find((s) => s.key === 'device' && s.value === 'phone')!
    expect(phone.overall.csat).toMatchObject({ n: 3, avg: 1.33 })
    expect(phone.stages.find((s) => s.stage === 'decision')!.csat.n).toBe(3)
    expect(report.segments.filter((s) => s.key === 'visitor').map((s) => s.value)).toEqual(['new', 'unknown'])
    expect(report.segments.filter((s) => s.key === 'language').map((s) => s.value)).toEqual(['en', 'vi'])
  })

  it('lays the promoters’ journey next to the detractors’, stage by stage', async () => {
    const report = await buildReport([
      ...answers('confirmation', 'nps', [10, 9, 9, 2]),
      ...answers('checkout', 'nps', [1, 2, 9]),
    ])
    const promoters = report.nps_journeys.find((j) => j.group === 'promoter')!
    const detractors = report.nps_journeys.find((j) => j.group === 'detractor')!
    expect(promoters.stages.find((s) => s.stage === 'purchase')).toMatchObject({ n: 3, share: 0.75 })
    expect(detractors.stages.find((s) => s.stage === 'decision')).toMatchObject({ n: 2, share: 0.6667 })
    expect(detractors.n).toBe(3)
  })
})
