import type { ResponseStore } from './storage/index.js'

const DAY_MS = 86_400_000

/**
 * Keeps only the last `days` days of answers and displays: deletes older ones now and then every `everyMs`
 * (an hour by default) while the collector runs. It deletes through the store, so SQLite and
 * PostgreSQL alike; with several collectors on one PostgreSQL database each sweeps, which is
 * harmless (a delete of what is already gone deletes nothing). Returns the function that stops it.
 *
 * @example
 * const stop = keepDays(store, 365, console.warn)
 */
export function keepDays(
  store: Pick<ResponseStore, 'purgeBefore' | 'purgeDisplaysBefore'>,
  days: number,
  log: (message: string) => void,
  everyMs = 3_600_000,
  now = Date.now,
): () => void {
  let stopped = false
  const sweep = async () => {
    try {
      const before = new Date(now() - days * DAY_MS)
      const deleted = await store.purgeBefore(before)
      if (deleted) log(`retention: deleted ${deleted} answers older than ${days} days`)
      // Displays (surveys shown and dismissed) are kept no longer than the answers they count.
      const displays = await store.purgeDisplaysBefore(before)
      if (displays) log(`retention: deleted ${displays} displays older than ${days} days`)
    } catch (err) {
      // A sweep cut short by close() is not worth a warning; the next start sweeps again.
      if (!stopped) log(`retention: could not delete old answers: ${(err as Error).message}`)
    }
  }
  void sweep()
  const timer = setInterval(() => void sweep(), everyMs)
  timer.unref()
  return () => {
    stopped = true
    clearInterval(timer)
  }
}
