import type { DisplayEvent, SurveyDisplay, SurveyEvent } from '../../shared/types.js'
import type { SafeStorage } from '../lib/storage.js'
import { uuid } from '../lib/uuid.js'
import { whenIdle } from '../lib/when-idle.js'
import { deviceOf } from './device.js'
import { visitorOf } from './visitor.js'

export interface Displays {
  /** The screen class and visitor kind of this page view: every answer and display of a survey carries them. */
  traits(): Pick<SurveyDisplay, 'device' | 'visitor'>
  /** Queues a display of the survey that `base` describes, timed now; returns its id. */
  record(event: DisplayEvent, base: SurveyEvent): string
}

/**
 * The bookkeeping behind response rates: a display each time a survey card is shown (when the
 * `show` event fires) and each time it is dismissed, handed to `send` (the delivery's outbox,
 * with the answers' guarantees). The answer to a shown card names that display's id.
 *
 * @example
 * const displays = createDisplays(window, ctx.storage, delivery.display)
 * base.display = displays.record('shown', base)
 */
export function createDisplays(win: Window, storage: SafeStorage, send: (display: SurveyDisplay) => void): Displays {
  // Marks the first-seen day on every page view, not only when a survey shows.
  whenIdle(win, () => visitorOf(storage))
  return {
    traits: () => ({ device: deviceOf(win), visitor: visitorOf(storage) }),
    record(event, { survey, kind, stage, touchpoint, url, locale, device, visitor }) {
      const id = uuid()
      send({ id, event, survey, kind, stage, touchpoint, url, locale, at: new Date().toISOString(), device, visitor })
      return id
    },
  }
}
