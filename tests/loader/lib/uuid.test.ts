import { describe, expect, it } from 'vitest'
import { uuid } from '../../../src/loader/lib/uuid'

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
})
