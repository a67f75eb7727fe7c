// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { DateRangeError, parseDateRange } from '../../src/collector/date-range'

const parse = (q: string) => parseDateRange(new URLSearchParams(q))

describe('parseDateRange', () => {
  it('is open when no bounds are given', () => expect(parse('')).toEqual({ from: null, to: null }))

  it('covers the whole "to" day for bare dates', () => {
    expect(parse('from=2026-11-01&to=2026-11-30')).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-30T23:59:59.999Z',
    })
  })

  it('takes exact times with offsets', () => {
    expect(parse('from=2026-11-01T07:00:00%2B07:00')).toEqual({ from: '2026-11-01T00:00:00.000Z', to: null })
  })

  it('refuses unreadable or reversed ranges', () => {
    expect(() => parse('from=last-week')).toThrow(DateRangeError)
    expect(() => parse('from=2026-12-01&to=2026-11-01')).toThrow('from must not be after to')
  })
})
