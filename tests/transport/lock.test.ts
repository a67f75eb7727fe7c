import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { leaseSettings, withLease, withLock } from '../../src/transport/lock'

const defaults = { ...leaseSettings }
beforeEach(() => {
  localStorage.clear()
  Object.assign(leaseSettings, { settleMs: 5, ttlMs: 1000 })
})
afterEach(() => {
  Object.assign(leaseSettings, defaults)
  vi.unstubAllGlobals()
})

const slow =
  <T>(value: T, ms = 30) =>
  () =>
    new Promise<T>((resolve) => setTimeout(() => resolve(value), ms))

describe('storage lease (no Web Locks)', () => {
  it('lets one tab at a time send: a claim while another tab holds the lease gets null', async () => {
    const first = withLease('tp:o:x', slow('first'))
    await new Promise((r) => setTimeout(r, 10))
    expect(await withLease('tp:o:x', slow('second'))).toBeNull()
    expect(await first).toBe('first')
  })

  it('lets only one of two tabs claiming at the same moment in', async () => {
    const results = await Promise.all([withLease('tp:o:x', slow('a')), withLease('tp:o:x', slow('b'))])
    expect(results.filter((r) => r != null)).toHaveLength(1)
  })

  it('frees the lease when done, even when the send failed', async () => {
    await expect(withLease('tp:o:x', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await withLease('tp:o:x', slow('next', 0))).toBe('next')
    expect(localStorage.getItem('tp:o:x:lease')).toBeNull()
  })

  it('takes over the lease of a tab that died mid-send', async () => {
    localStorage.setItem('tp:o:x:lease', 'dead ' + (Date.now() - 1))
    expect(await withLease('tp:o:x', slow('mine', 0))).toBe('mine')
  })

  it('keeps different endpoints apart', async () => {
    const first = withLease('tp:o:a', slow('a'))
    expect(await withLease('tp:o:b', slow('b', 0))).toBe('b')
    await first
  })
})

describe('withLock', () => {
  it('uses Web Locks without waiting when the browser has them', async () => {
    const request = vi.fn(async (_name: string, _options: LockOptions, fn: (lock: Lock | null) => unknown) => fn(null))
    vi.stubGlobal('navigator', { locks: { request } })
    expect(await withLock('tp:o:x', slow('never', 0))).toBeNull()
    expect(request).toHaveBeenCalledWith('tp:o:x', { ifAvailable: true }, expect.any(Function))
  })
})
