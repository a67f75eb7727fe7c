// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { toCsv } from '../../src/collector/csv'
import { answer } from './fixtures'

describe('toCsv', () => {
  it('starts with a byte order mark and a header row, and ends rows with CRLF', () => {
    const csv = toCsv([answer({ id: '3b0c5c1e-8a1d-4f6e-9b2a-1c2d3e4f5a6b', comment: null })])
    expect(csv.startsWith('\uFEFFid,at,stage,touchpoint,survey,kind,score,emotion,comment,locale,url\r\n')).toBe(true)
    expect(csv).toContain(
      '\r\n3b0c5c1e-8a1d-4f6e-9b2a-1c2d3e4f5a6b,2026-11-20T10:00:00.000Z,consideration,product,csat,csat,4,,,en,',
    )
    expect(csv.endsWith('\r\n')).toBe(true)
  })

  it('quotes commas, quotes and line breaks in comments', () => {
    expect(toCsv([answer({ comment: 'Fast, "nice"\nthanks' })])).toContain('"Fast, ""nice""\nthanks"')
  })

  it('defuses comments that a spreadsheet would run as formulas', () => {
    const csv = toCsv([
      answer({ comment: '=HYPERLINK("http://evil","x")' }),
      answer({ comment: '@SUM(1)' }),
      answer({ comment: '-1+2' }),
    ])
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`)
    expect(csv).toContain("'@SUM(1)")
    expect(csv).toContain("'-1+2")
  })
})
