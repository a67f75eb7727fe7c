import { describe, expect, it, vi } from 'vitest'
import { atom } from '../../src/ui/state'

describe('atom', () => {
  it('tells listeners about real changes only, until they stop listening', () => {
    const phase = atom('choose')
    const fn = vi.fn()
    const stop = phase.listen(fn)
    phase.set('choose')
    phase.set('follow')
    expect(fn.mock.calls).toEqual([['follow']])
    expect(phase.get()).toBe('follow')
    stop()
    phase.set('thanks')
    expect(fn).toHaveBeenCalledTimes(1)
    expect(phase.get()).toBe('thanks')
  })
})
