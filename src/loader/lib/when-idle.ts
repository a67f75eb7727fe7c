/** The page as whenIdle sees it. */
export interface IdleWindow {
  document: Pick<Document, 'readyState'>
  addEventListener: EventTarget['addEventListener']
  requestIdleCallback?(fn: () => void, options: { timeout: number }): unknown
}

/**
 * Runs `fn` once the page has loaded and the browser is idle (at the latest 3 s after load): work
 * the store's own page need not wait for. Browsers without `requestIdleCallback` (Safari) run it
 * just after load.
 *
 * @example
 * whenIdle(window, () => flush())
 */
export function whenIdle(win: IdleWindow, fn: () => void): void {
  const idle = () => {
    if (win.requestIdleCallback) win.requestIdleCallback(fn, { timeout: 3000 })
    else setTimeout(fn, 1)
  }
  if (win.document.readyState == 'complete') idle()
  else win.addEventListener('load', idle)
}
