import { beforeEach, describe, expect, it } from 'vitest'
import { createStorage } from '../../../src/loader/lib/storage'
import { FIRST_SEEN_KEY, visitorOf } from '../../../src/loader/displays/visitor'

const storage = () =>
  createStorage(
    window,
    () => true,
    () => {},
  )
// Local times: the day boundary is the shopper's own midnight.
const at = (local: string) => new Date(local)

beforeEach(() => localStorage.clear())

describe('visitorOf', () => {
  it('is new on the first day, all day, and returning from the next calendar day', () => {
    const kept = storage()
    expect(visitorOf(kept, at('2026-11-20T08:00:00'))).toBe('new')
    expect(visitorOf(kept, at('2026-11-20T23:59:00'))).toBe('new')
    expect(visitorOf(kept, at('2026-11-21T00:01:00'))).toBe('returning')
    expect(visitorOf(kept, at('2027-03-01T12:00:00'))).toBe('returning')
  })

  it('keeps the first-seen day in its own localStorage key, and sets no cookie', () => {
    visitorOf(storage(), at('2026-11-20T08:00:00'))
    expect(localStorage.getItem(FIRST_SEEN_KEY)).toMatch(/^\d+$/)
    expect(document.cookie).toBe('')
    // Another page view (a fresh storage object) the next day reads it back.
    expect(visitorOf(storage(), at('2026-11-21T09:00:00'))).toBe('returning')
  })

  it.each([['garbage'], [''], ['-1e999'], ['99999999']])('starts again from today when the key holds %j', (value) => {
    localStorage.setItem(FIRST_SEEN_KEY, value)
    expect(visitorOf(storage(), at('2026-11-20T08:00:00'))).toBe('new')
    expect(visitorOf(storage(), at('2026-11-21T08:00:00'))).toBe('returning')
  })

  it('counts every page view as new when storage is refused (no consent yet, or blocked)', () => {
    const refused = createStorage(
      window,
      () => false,
      () => {},
    )
    expect(visitorOf(refused, at('2026-11-20T08:00:00'))).toBe('new')
    expect(localStorage.getItem(FIRST_SEEN_KEY)).toBeNull()
  })
})
