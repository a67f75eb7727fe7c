// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { resolveLocale } from '../../../src/loader/core/resolve-locale'

describe('resolveLocale', () => {
  it('reduces a configured built-in language by its base, and keeps any other tag the store supplies strings for', () => {
    expect(resolveLocale(window, 'vi-VN')).toBe('vi')
    expect(resolveLocale(window, 'fr-CA')).toBe('fr-CA')
  })

  it("follows the page's language, then the browser's, only where built in; else English", () => {
    document.documentElement.lang = 'vi'
    expect(resolveLocale(window, null)).toBe('vi')
    document.documentElement.lang = 'fr'
    expect(resolveLocale(window, null)).toBe(/^vi\b/.test(navigator.language) ? 'vi' : 'en')
    document.documentElement.lang = ''
  })
})
