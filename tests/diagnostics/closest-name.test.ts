import { describe, expect, it } from 'vitest'
import { closestName, editDistance } from '../../src/diagnostics/closest-name'

describe('closestName', () => {
  it('counts edits, ignoring case', () => {
    expect(editDistance('postion', 'position')).toBe(1)
    expect(editDistance('Batchsize', 'batchSize')).toBe(0)
    expect(editDistance('', 'abc')).toBe(3)
  })

  it('picks the nearest known name, and none when every name is far', () => {
    expect(closestName('acent', ['accent', 'consent', 'nonce'])).toBe('accent')
    expect(closestName('dismis-days', ['cooldown-days', 'dismiss-days'])).toBe('dismiss-days')
    expect(closestName('cfasync', ['accent', 'consent', 'nonce'])).toBeUndefined()
  })
})
