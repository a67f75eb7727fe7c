/**
 * Runs `fn` once the page has loaded and the browser is idle (at the latest 3 s after load): work
 * the store's own page need not wait for. Browsers without `requestIdleCallback` (Safari) run it
 * just after load.
 *
 * @example
 * whenIdle(window, () => flush())
 */
export function whenIdle(win: Window, fn: () => void): void {
  const idle = () => (win.requestIdleCallback ? win.requestIdleCallback(fn, { timeout: 3000 }) : setTimeout(fn, 1))
  win.document.readyState == 'complete' ? idle() : win.addEventListener('load', idle)
}
