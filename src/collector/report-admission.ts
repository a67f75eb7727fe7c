/**
 * How many different reports one collector builds at once. Each build reads the database and
 * then computes in slices on the event loop (report-slices.ts); two at a time keep a second
 * reader from waiting behind a long range while leaving most of a small machine to collection.
 */
export const REPORT_BUILDS_AT_ONCE = 2

export interface ReportAdmission {
  /**
   * The result of `build` for `key`: shared with a build of the same key already running
   * (single-flight), or started once fewer than `buildsAtOnce` builds run, in arrival order.
   */
  run<T>(key: string, build: () => Promise<T>): Promise<T>
  /** Builds running and builds waiting for their turn, for tests and logs. */
  readonly running: number
  readonly waiting: number
}

/**
 * Admits report builds instead of letting them pile up: identical requests that arrive while
 * one is being built share that build (nothing is kept after it settles, so no report is ever
 * older than the request that asked for it), and different ones queue for one of a few slots.
 * Four people refreshing the same page make one build, not four; forty different reports make
 * at most `buildsAtOnce` builds at a time, each finishing sooner than if all ran interleaved.
 *
 * @example
 * const admission = createReportAdmission()
 * const report = await admission.run(JSON.stringify(range), () => reportFromStore(store, range))
 */
export function createReportAdmission(buildsAtOnce = REPORT_BUILDS_AT_ONCE): ReportAdmission {
  const inFlight = new Map<string, Promise<unknown>>()
  const queue: (() => void)[] = []
  let running = 0

  const turn = () =>
    new Promise<void>((resolve) => {
      if (running < buildsAtOnce) {
        running++
        resolve()
      } else queue.push(resolve)
    })
  // The slot passes straight to the next in line, so `running` never dips and lets a newcomer jump the queue.
  const leave = () => {
    const next = queue.shift()
    if (next) next()
    else running--
  }

  return {
    run<T>(key: string, build: () => Promise<T>): Promise<T> {
      const shared = inFlight.get(key)
      if (shared) return shared as Promise<T>
      const result = (async () => {
        await turn()
        try {
          return await build()
        } finally {
          leave()
        }
      })()
      inFlight.set(key, result)
      // Forgotten once settled, success or failure: the next request builds afresh.
      const forget = () => void inFlight.delete(key)
      result.then(forget, forget)
      return result
    },
    get running() {
      return running
    },
    get waiting() {
      return queue.length
    },
  }
}
