import { afterEach, describe, expect, it, vi } from 'vitest'
import { uuid } from '../../src/ui/uuid'

afterEach(() => vi.restoreAllMocks())

describe('uuid', () => {
  it('gives v4 uuids: version 4, variant 8–b, all different', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 2000; i++) {
      const id = uuid()
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      seen.add(id)
    }
    expect(seen.size).toBe(2000)
  })

  it('asks the random source once per id, each digit from its own random byte', () => {
    const source = vi.spyOn(crypto, 'getRandomValues')
    const ids = [uuid(), uuid(), uuid()]
    expect(source).toHaveBeenCalledTimes(3)
    expect(new Set(ids).size).toBe(3)
    // Each digit has a byte of its own: two digits drawn from one byte would always agree, and
    // independent ones agree about once in 16.
    const many = Array.from({ length: 800 }, () => uuid())
    for (const [a, b] of [
      [0, 1],
      [0, 35],
      [9, 10],
      [15, 20],
      [24, 35],
    ])
      expect(many.filter((id) => id[a] == id[b]).length, `digits ${a} and ${b}`).toBeLessThan(120)
  })
})
