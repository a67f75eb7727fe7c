/** The page as afterFirstFrame sees it. */
export type FrameWindow = Pick<Window, 'requestAnimationFrame' | 'setTimeout'>

/**
 * Resolves in a task after the next frame, once what was rendered before the call is painted; at
 * the latest after 500 ms, as a hidden tab draws no frames.
 *
 * @example
 * render(card); await afterFirstFrame(window); record('shown')
 */
export const afterFirstFrame = (win: FrameWindow): Promise<void> =>
  new Promise((resolve) => {
    win.requestAnimationFrame(() => win.setTimeout(resolve))
    win.setTimeout(resolve, 500)
  })
