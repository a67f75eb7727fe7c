import type { Device } from '../shared/types.js'
import { DEVICES } from '../shared/vocabulary.js'

/** Widths (CSS px) from which a screen is a tablet, then a desktop. */
const TABLET_FROM = 600
const DESKTOP_FROM = 1024

/**
 * The shopper's screen class from the layout viewport: the narrower of `innerWidth` and
 * `screen.width`, under 600 CSS px a phone, under 1024 a tablet, else a desktop. `screen.width`
 * catches a phone page without a viewport meta tag (its layout viewport is 980 px wide) and an
 * iPad in landscape (iOS reports the portrait width); `innerWidth` catches a narrow window.
 * A width the browser does not give (0 in a hidden frame) is left out.
 *
 * @example
 * deviceOf(window) // → 'phone' on a 390 px wide iPhone
 */
export function deviceOf(win: Window): Device {
  const width = Math.min(win.innerWidth || 1e4, (win.screen && win.screen.width) || 1e4)
  return DEVICES[+(width >= TABLET_FROM) + +(width >= DESKTOP_FROM)]
}
