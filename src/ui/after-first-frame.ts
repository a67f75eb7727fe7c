/** The page as afterFirstFrame sees it. */
export type FrameWindow = Pick<Window, 'requestAnimationFrame' | 'setTimeout'> & {
  requestIdleCallback?(fn: () => void): unknown
}

/**
 * Resolves once what was rendered before the call is painted, when the browser is next idle: in
 * an idle callback asked for in the task after the next frame (in that task where there are none,
 * Safari); at the latest after 500 ms, as a hidden tab draws no frames and a busy page may have
 * no idle time. What waits for it runs neither before the card's first frame nor in the way of
 * the frames of its entrance.
 *
 * @example
 * render(card); await afterFirstFrame(window); record('shown')
 */
export const afterFirstFrame = (win: FrameWindow): Promise<void> =>
  new Promise((resolve) => {
    const done = () => resolve()
    win.requestAnimationFrame(() =>
      win.setTimeout(() => (win.requestIdleCallback ? win.requestIdleCallback(done) : done())),
    )
    win.setTimeout(done, 500)
  })
