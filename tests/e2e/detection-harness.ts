/**
 * Stand-in for the CDN loader while `dist/touchpoint.js` is not built: the same contract
 * (`touchpoint.detect()`, `touchpoint.on('stage', fn)`) wired exactly as the loader wires
 * detection — detectStage on every call, watchNavigation and watchDataLayer once.
 */
import { detectStage, watchDataLayer, watchNavigation } from '../../src/detection'
import type { Detection } from '../../src/types'

const script = document.currentScript as HTMLScriptElement | null
const options = { stage: script ? script.getAttribute('data-stage') : null }
const listeners: ((detection: Detection) => void)[] = []
const detect = () => detectStage(window, options)
let last = detect()
const recheck = () => {
  const now = detect()
  if (now.touchpoint != last.touchpoint || now.stage != last.stage) listeners.forEach((fn) => fn(now))
  last = now
}
watchNavigation(window, recheck)
watchDataLayer(window, recheck)
;(window as unknown as { touchpoint: unknown }).touchpoint = {
  detect,
  on(event: string, fn: (detection: Detection) => void) {
    if (event == 'stage') listeners.push(fn)
  },
}
