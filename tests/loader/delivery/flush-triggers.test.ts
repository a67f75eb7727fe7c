import { describe, expect, it, vi } from 'vitest'
import { watchFlushTriggers } from '../../../src/loader/delivery/flush-triggers'

describe('flush triggers', () => {
  it('flushes when the browser comes back online', () => {
    const flush = vi.fn()
    watchFlushTriggers(window, flush, () => {})
    window.dispatchEvent(new Event('online'))
    expect(flush).toHaveBeenCalledTimes(1)
  })

  it('beacons when the page is hidden, and when it is left', () => {
    const leave = vi.fn()
    watchFlushTriggers(window, () => {}, leave)
    const visibility = vi.spyOn(document, 'visibilityState', 'get')
    visibility.mockReturnValue('visible')
    document.dispatchEvent(new Event('visibilitychange'))
    expect(leave).not.toHaveBeenCalled()
    visibility.mockReturnValue('hidden')
    document.dispatchEvent(new Event('visibilitychange'))
    window.dispatchEvent(new Event('pagehide'))
    expect(leave.mock.calls).toEqual([[false], [true]])
    visibility.mockRestore()
  })
})
