// @vitest-environment happy-dom
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maskPii } from '../../src/shared/mask'

describe('maskPii', () => {
  it('masks e-mail addresses', () => {
    expect(maskPii('write to lan.nguyen+shop@gmail.com please')).toBe('write to [email] please')
  })

  it('masks Vietnamese mobile and landline formats', () => {
    expect(maskPii('gọi 0912 345 678 nhé')).toBe('gọi [phone] nhé')
    expect(maskPii('sdt: 0912345678')).toBe('sdt: [phone]')
    expect(maskPii('+84 912345678')).toBe('[phone]')
    expect(maskPii('+84 91 234 56 78.')).toBe('[phone].')
    expect(maskPii('(028) 3822 1234')).toBe('[phone]')
    expect(maskPii('0912.345.678')).toBe('[phone]')
  })

  it('masks international numbers grouped 3-3-4', () => {
    expect(maskPii('call 555-123-4567')).toBe('call [phone]')
    expect(maskPii('(555) 123-4567')).toBe('[phone]')
  })

  it('keeps order numbers, prices and dates', () => {
    const text = 'Order #1234 and #100012345, paid 1.250.000đ (125.000.000 VND), $49.99 on 2026-11-23, 3 items'
    expect(maskPii(text)).toBe(text)
  })

  it('masks several in one comment', () => {
    expect(maskPii('a@b.vn, 0987654321; x@y.com')).toBe('[email], [phone]; [email]')
  })
})

describe('maskPii on any text', () => {
  it('never throws, and masking twice gives the same text as masking once (the UI and the collector both mask)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 1000 }), (text) => {
        const once = maskPii(text)
        expect(maskPii(once)).toBe(once)
      }),
      { numRuns: 500 },
    )
  })
})
