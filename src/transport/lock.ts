/** Timing of the storage lease, the fallback where Web Locks are missing. */
export interface LeaseTiming {
  /** A lease not renewed for this long is free again (its tab died mid-send). */
  ttlMs: number
  /** Wait after writing a claim, so a tab that claimed at the same moment has written too; the last writer wins. */
  settleMs: number
}

/** The shipped lease timing; unit tests pass shorter ones to withLease. */
export const LEASE_TIMING: LeaseTiming = { ttlMs: 30000, settleMs: 50 }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `fn` while no other tab of this store runs it under the same `name`; resolves null
 * without running it when another tab holds the lock (that tab is sending the shared outbox).
 * Web Locks where available, else a lease in localStorage; without usable storage there is
 * nothing shared to guard, so `fn` just runs.
 *
 * @example
 * await withLock('tp:o:https://collect.example/r', () => send(outbox.due())) // null: another tab is sending
 */
export function withLock<T>(name: string, fn: () => Promise<T>): Promise<T | null> {
  const locks = typeof navigator != 'undefined' && navigator.locks
  if (locks) return locks.request(name, { ifAvailable: true }, (lock) => (lock ? fn() : null)) as Promise<T | null>
  return withLease(name, fn)
}

/** The storage-lease half of withLock, exported for tests (which shorten `timing`). */
export async function withLease<T>(
  name: string,
  fn: () => Promise<T>,
  timing: LeaseTiming = LEASE_TIMING,
): Promise<T | null> {
  const key = name + ':lease'
  const me = Math.random().toString(36).slice(2)
  let store: Storage
  const holder = () => {
    const [owner, until] = (store.getItem(key) || '').split(' ')
    return +until > Date.now() ? owner : null
  }
  const claim = () => store.setItem(key, me + ' ' + (Date.now() + timing.ttlMs))
  try {
    store = localStorage
    if (holder()) return null
    claim()
    await sleep(timing.settleMs)
    if (holder() != me) return null
  } catch {
    return fn() // blocked or full storage: answers live in this tab's memory only
  }
  const renew = setInterval(() => {
    try {
      claim()
    } catch {
      // the lease just expires
    }
  }, timing.ttlMs / 3)
  try {
    return await fn()
  } finally {
    clearInterval(renew)
    try {
      if (holder() == me) store.removeItem(key)
    } catch {
      // expires on its own
    }
  }
}
