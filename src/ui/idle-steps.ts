/**
 * Runs `steps` one per idle callback, so that no step is a long task for the page. A step that
 * returns `false` ends the run; one that throws ends it quietly (a hostile page broke something:
 * the card that is really shown reports its own problems). `done` runs at the end either way.
 * Safari has no requestIdleCallback: nothing runs there, and the first card pays as before.
 * @example whenIdleSteps([parse, render, measure], cleanUp)
 */
export function whenIdleSteps(steps: (() => unknown)[], done: () => void = () => {}): void {
  if (!('requestIdleCallback' in window)) return
  const next = (step: number) =>
    requestIdleCallback(() => {
      try {
        if (steps[step]() !== false && step + 1 < steps.length) return next(step + 1)
      } catch {
        // ended: see above
      }
      done()
    })
  next(0)
}
