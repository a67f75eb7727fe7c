import type { ShowHost } from '../../shared/contract.js'
import type { SurveyDisplay } from '../../shared/types.js'
import type { SafeStorage } from '../lib/storage.js'
import { whenIdle } from '../lib/when-idle.js'
import { visitorOf } from './visitor.js'

/** What the loader keeps of the displays behind response rates: the UI chunk's `present` builds them. */
export type Displays = Pick<ShowHost, 'visitor' | 'display'>

/**
 * The loader's half of the displays behind response rates: the first-seen day, marked on every
 * page view, and where a display goes (`send`: the delivery's outbox, with the answers'
 * guarantees). A shown card's displays, its device and their ids come from the UI chunk
 * (src/ui/present.ts), as only a page view that shows a survey has any.
 *
 * @example
 * const displays = createDisplays(window, ctx.storage, delivery.display)
 */
export function createDisplays(win: Window, storage: SafeStorage, send: (display: SurveyDisplay) => void): Displays {
  // Marks the first-seen day on every page view, not only when a survey shows.
  whenIdle(win, () => visitorOf(storage))
  return { visitor: () => visitorOf(storage), display: send }
}
