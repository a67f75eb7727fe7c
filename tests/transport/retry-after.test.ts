import { describe, expect, it } from 'vitest'
import { retryAfterMs } from '../../src/transport/retry-after'

describe('retryAfterMs', () => {
  it('reads delta-seconds', () => expect(retryAfterMs('120')).toBe(120000))
  it('reads an HTTP date', () =>
    expect(retryAfterMs('Tue, 24 Nov 2026 10:00:30 GMT', Date.parse('2026-11-24T10:00:00Z'))).toBe(30000))
  it('never asks for a negative wait', () =>
    expect(retryAfterMs('Tue, 24 Nov 2026 09:00:00 GMT', Date.parse('2026-11-24T10:00:00Z'))).toBe(0))
  it('ignores a missing or unreadable header', () => {
    expect(retryAfterMs(null)).toBeUndefined()
    expect(retryAfterMs('')).toBeUndefined()
    expect(retryAfterMs('soon')).toBeUndefined()
  })
})
