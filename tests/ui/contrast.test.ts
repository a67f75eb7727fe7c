import { describe, expect, it } from 'vitest'
import { contrast, parseColor, textOn } from '../../src/ui/contrast'

describe('contrast', () => {
  it('puts white text on dark accents and black text on light ones', () => {
    expect(textOn([15, 94, 110])).toBe('#fff')
    expect(textOn([0, 0, 128])).toBe('#fff')
    expect(textOn([255, 215, 0])).toBe('#000')
    expect(textOn([111, 211, 224])).toBe('#000')
    expect(textOn([255, 255, 255])).toBe('#000')
  })

  it('always reaches 4.5:1 with the colour it picks', () => {
    for (let v = 0; v < 256; v += 5)
      for (const rgb of [
        [v, v, v],
        [v, 0, 0],
        [0, v, 0],
        [0, 0, v],
        [255, v, 0],
      ] as [number, number, number][]) {
        const text = textOn(rgb) == '#000' ? [0, 0, 0] : [255, 255, 255]
        expect(contrast(rgb, text as [number, number, number])).toBeGreaterThanOrEqual(4.5)
      }
  })

  it('reads the colour forms a computed style returns', () => {
    expect(parseColor('#0f5e6e')).toEqual([15, 94, 110])
    expect(parseColor('#fff')).toEqual([255, 255, 255])
    expect(parseColor('rgb(1, 2, 3)')).toEqual([1, 2, 3])
    expect(parseColor('rgba(1, 2, 3, 0.5)')).toEqual([1, 2, 3])
    expect(parseColor('color(srgb 1 0 0.5)')).toEqual([255, 0, 128])
    expect(parseColor('oklch(0.5 0.1 200)')).toBeNull()
  })
})
