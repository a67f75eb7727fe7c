// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { createRateLimiter, parseRateLimit } from '../../src/collector/rate-limit'

describe('createRateLimiter', () => {
  it('allows a burst, then refills at the set rate', () => {
    let now = 0
    const limiter = createRateLimiter({ perMinute: 60, burst: 2 }, () => now)
    expect(limiter.take('a').ok).toBe(true)
    expect(limiter.take('a').ok).toBe(true)
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 })
    now += 1000
    expect(limiter.take('a').ok).toBe(true)
    expect(limiter.take('b').ok).toBe(true)
  })

  it('tells how long to wait for the next token', () => {
    const limiter = createRateLimiter({ perMinute: 2, burst: 1 }, () => 0)
    limiter.take('a')
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 30 })
  })
})

describe('parseRateLimit', () => {
  it.each([
    ['120', { perMinute: 120 }],
    ['120/min', { perMinute: 120 }],
    ['10/s', { perMinute: 600 }],
    ['3000/h', { perMinute: 50 }],
    ['off', null],
    ['0', null],
  ])('reads %s', (text, expected) => expect(parseRateLimit(text)).toEqual(expected))

  it('explains a setting it cannot read', () => {
    expect(() => parseRateLimit('lots')).toThrow(/RATE_LIMIT must look like/)
  })
})
