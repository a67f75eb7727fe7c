/**
 * A list that grows as things happen (requests at the server, lines in a page's console), and
 * that a test can wait on: `until` resolves on the push that satisfies it, never by polling.
 *
 * @example
 * const lines = watched<string>()
 * tab.on('console', (m) => lines.push(m.text()))
 * await lines.until((line) => line.includes('page is cart'))
 */
export interface Watched<T> extends ReadonlyArray<T> {
  push(item: T): void
  /**
   * The first item from index `since` on that satisfies `test`, already there or still to come.
   * Rejects after `ms` (a deadline for a failing test, not a wait) naming what did come.
   */
  until(test: (item: T) => boolean, options?: { since?: number; ms?: number; what?: string }): Promise<T>
  /** Empties the list; what waits is left waiting (for the next test's items, if any). */
  clear(): void
}

export function watched<T>(describe: (items: readonly T[]) => string = (items) => JSON.stringify(items)): Watched<T> {
  const items: T[] = []
  const waiters = new Set<(item: T) => void>()
  // Methods that are not enumerable: `expect(posts).toEqual([])` compares the items only.
  const methods = {
    push(item: T) {
      Array.prototype.push.call(items, item)
      for (const waiter of [...waiters]) waiter(item)
      return items.length
    },
    clear() {
      items.length = 0
    },
    until(test: (item: T) => boolean, { since = 0, ms = 15_000, what = 'a match' } = {}) {
      const found = items.slice(since).find(test)
      if (found !== undefined) return Promise.resolve(found)
      return new Promise<T>((resolve, reject) => {
        const deadline = setTimeout(() => {
          waiters.delete(waiter)
          reject(new Error(`waited ${ms} ms for ${what}; got ${describe(items)}`))
        }, ms)
        const waiter = (item: T) => {
          if (!test(item)) return
          clearTimeout(deadline)
          waiters.delete(waiter)
          resolve(item)
        }
        waiters.add(waiter)
      })
    },
  }
  for (const [name, value] of Object.entries(methods)) Object.defineProperty(items, name, { value })
  return items as unknown as Watched<T>
}
