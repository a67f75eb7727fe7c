/**
 * The report's own JavaScript (the trend over tens of thousands of daily counts, the comment
 * themes over thousands of comments) takes hundreds of milliseconds. Run in one go on the
 * collector's event loop, every POST that arrives meanwhile waits for it. So that work is
 * written as generators that `yield` at points where stopping costs nothing (after a period,
 * a comment, a theme), and the report runs them in slices of a few milliseconds, giving the
 * event loop back between slices so that pending requests are read and answered.
 *
 * The collector now builds reports on a thread of its own (report-thread.ts), so these slices
 * no longer guard its event loop; they still let two builds on that thread share it fairly,
 * and `runToEnd` still offers the same functions synchronously.
 */
export type Steps<T> = Generator<void, T, void>

/** Long enough that the cost of yielding is small, short enough that a POST barely notices. */
export const SLICE_MS = 4

/** Runs steps at once, for callers that want a plain value (the in-memory report, tests). */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

// setImmediate runs after the event loop's poll phase: requests that arrived during a slice
// (new connections, request bodies, finished writes) are handled before the next slice.
const giveWay = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Runs steps in slices of about `sliceMs`, giving way to pending I/O between slices.
 *
 * @example
 * const trend = await runInSlices(trendSteps(rows, range))
 */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  let sliceStart = performance.now()
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    if (performance.now() - sliceStart >= sliceMs) {
      await giveWay()
      sliceStart = performance.now()
    }
  }
}
