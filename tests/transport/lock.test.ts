import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { withLease, withLock, type LeaseTiming } from '../../src/transport/lock'

/** Shorter than the shipped lease (50 ms settle, 30 s life), so the tests wait less. */
const FAST: LeaseTiming = { settleMs: 5, ttlMs: 1000 }

beforeEach(() => localStorage.clear())
afterEach(() => vi.unstubAllGlobals())

const slow =
  <T>(value: T, ms = 30) =>
  () =>
    new Promise<T>((resolve) => setTimeout(() => resolve(value), ms))

describe('storage lease (no Web Locks)', () => {
  it('lets one tab at a time send: a claim while another tab holds the lease gets null', async () => {
    const first = withLease('tp:o:x', slow('first'), FAST)
    await new Promise((r) => setTimeout(r, 10))
    expect(await withLease('tp:o:x', slow('second'), FAST)).toBeNull()
    expect(await first).toBe('first')
  })

  it('lets only one of two tabs claiming at the same moment in', async () => {
    const results = await Promise.all([withLease('tp:o:x', slow('a'), FAST), withLease('tp:o:x', slow('b'), FAST)])
    expect(results.filter((r) => r != null)).toHaveLength(1)
  })

  it('frees the lease when done, even when the send failed', async () => {
    await expect(withLease('tp:o:x', () => Promise.reject(new Error('boom')), FAST)).rejects.toThrow('boom')
    expect(await withLease('tp:o:x', slow('next', 0), FAST)).toBe('next')
    expect(localStorage.getItem('tp:o:x:lease')).toBeNull()
  })

  it('takes over the lease of a tab that died mid-send', async () => {
    localStorage.setItem('tp:o:x:lease', 'dead ' + (Date.now() - 1))
    expect(await withLease('tp:o:x', slow('mine', 0), FAST)).toBe('mine')
  })

  it('keeps different endpoints apart', async () => {
    const first = withLease('tp:o:a', slow('a'), FAST)
    expect(await withLease('tp:o:b', slow('b', 0), FAST)).toBe('b')
    await first
  })
})

/**
 * navigator.locks as the Web Locks spec has it (happy-dom has none; the real one in Chromium:
 * tests/e2e/delivery.test.ts): a held name makes an `ifAvailable` request get `null` at once and
 * any other request wait for the release; a lock is held until its callback's promise settles.
 */
function webLocks() {
  const held = new Map<string, Promise<unknown>>()
  const request = async (name: string, options: LockOptions, callback: (lock: Lock | null) => unknown) => {
    while (held.has(name)) {
      if (options.ifAvailable) return callback(null)
      await held.get(name)!.catch(() => {})
    }
    const result = Promise.resolve().then(() => callback({ name, mode: 'exclusive' }))
    held.set(name, result)
    try {
      return await result
    } finally {
      held.delete(name)
    }
  }
  return { held, request }
}

describe('withLock', () => {
  it('uses Web Locks without waiting when the browser has them', async () => {
    const locks = webLocks()
    vi.stubGlobal('navigator', { locks })
    // Free: the send runs inside the Web Lock, and no storage lease is written.
    let heldDuringSend = false
    const sent = withLock('tp:o:x', async () => ((heldDuringSend = locks.held.has('tp:o:x')), 'sent'))
    expect(await sent).toBe('sent')
    expect(heldDuringSend).toBe(true)
    expect(localStorage.getItem('tp:o:x:lease')).toBeNull()

    // Taken by another tab's send: null at once, the send never runs, nothing waits for the other tab.
    let release = () => {}
    const other = locks.request('tp:o:x', {}, () => new Promise<void>((resolve) => (release = resolve)))
    await Promise.resolve()
    const ran = vi.fn(async () => 'mine')
    const answer = await Promise.race([
      withLock('tp:o:x', ran),
      new Promise((resolve) => setTimeout(() => resolve('waited for the other tab'), 100)),
    ])
    expect(answer).toBeNull()
    expect(ran).not.toHaveBeenCalled()
    release()
    await other
    expect(await withLock('tp:o:x', ran)).toBe('mine') // free again once the other tab is done
  })
})
