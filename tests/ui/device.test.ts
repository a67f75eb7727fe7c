import { describe, expect, it } from 'vitest'
import { deviceOf } from '../../src/ui/device'

const page = (innerWidth: number, screenWidth: number) =>
  ({ innerWidth, screen: { width: screenWidth } }) as unknown as Window

describe('deviceOf', () => {
  it.each([
    [390, 390, 'phone'],
    // A phone page without a viewport meta tag lays out 980 px wide: the screen says phone.
    [980, 390, 'phone'],
    [599, 1920, 'phone'],
    [600, 1920, 'tablet'],
    [820, 820, 'tablet'],
    // iOS reports an iPad's portrait width in landscape too.
    [1180, 820, 'tablet'],
    [1023, 1440, 'tablet'],
    [1024, 1440, 'desktop'],
    [1440, 2560, 'desktop'],
  ])('reads a %i px wide window on a %i px screen as a %s', (inner, screen, device) => {
    expect(deviceOf(page(inner, screen))).toBe(device)
  })

  it('does not read a width the browser does not give (0 in a hidden frame) as a phone', () => {
    expect(deviceOf(page(0, 1440))).toBe('desktop')
    expect(deviceOf(page(390, 0))).toBe('phone')
    expect(deviceOf({ innerWidth: 1280 } as unknown as Window)).toBe('desktop')
  })
})
