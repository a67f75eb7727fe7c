// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { buildReportFrom } from '../../src/collector/report'
import { reportCsv } from '../../src/collector/report-csv'
import { memorySource } from '../../src/collector/report-source'
import { answers } from './fixtures'

describe('reportCsv', () => {
  it('gives every scope its response-rate lines: shown, dismissed, answered, then the rate', async () => {
    const shown = { stage: 'decision', touchpoint: 'checkout', survey: 'csat', kind: 'csat', n: 8 } as const
    const source = memorySource(answers('checkout', 'csat', [1, 2, 5]), [
      { ...shown, event: 'shown' },
      { ...shown, event: 'dismissed', n: 3 },
    ])
    const lines = reportCsv(await buildReportFrom(source)).split('\r\n')
    const overall = lines.filter((line) => /^overall,,,,(shown|dismissed|answered),/.test(line))
    expect(overall).toEqual(['overall,,,,shown,8,8,,', 'overall,,,,dismissed,8,3,,', 'overall,,,,answered,8,0,,'])
    expect(lines).toContain('survey,decision,checkout,csat,dismissed,8,3,,')
  })
})
