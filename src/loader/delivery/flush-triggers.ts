/** The page as the flush triggers see it. */
export interface LeaveWindow {
  document: Pick<Document, 'visibilityState'> & Pick<EventTarget, 'addEventListener'>
  addEventListener: EventTarget['addEventListener']
}

/**
 * Calls `flush` when the browser comes back online, and `leave` when the page is hidden
 * (`visibilitychange`; the last event a mobile browser promises) or left (`pagehide`). Never
 * `unload`/`beforeunload`: unreliable on mobile, and they keep pages out of the back/forward cache.
 *
 * @example
 * watchFlushTriggers(window, flush, (left) => courier && courier.leave())
 */
export function watchFlushTriggers(win: LeaveWindow, flush: () => void, leave: (left: boolean) => void): void {
  win.addEventListener('online', flush)
  win.addEventListener('pagehide', () => leave(true))
  win.document.addEventListener('visibilitychange', () => win.document.visibilityState == 'hidden' && leave(false))
}
