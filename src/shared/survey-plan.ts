import type { Stage, SurveyKind, Touchpoint } from './types.js'

// A survey plan and its triggers: the loader carries the built-in plan parsed, the surveys chunk
// parses a store's own and arms the triggers only such a plan names; debug notes carry a trigger.
// Part of the chunk contract (contract.ts re-exports them): change them as carefully.

/**
 * What makes a survey due, one key per trigger: `{ delay: 3000 }` (ms after the page view),
 * `{ dwell: 45000 }` (ms the page has been visible), `{ scroll: 50 }` (percent of the page),
 * `{ exit: true }` (exit intent), `{ event: 'add_to_cart' }` (a dataLayer event),
 * `{ track: 'chat_closed' }` (`touchpoint('track', name)`), `{ click: '.size-guide' }`.
 */
export type Trigger =
  | { delay: number }
  | { dwell: number }
  | { scroll: number }
  | { exit: true }
  | { event: string }
  | { track: string }
  | { click: string }

/** One line of the plan: which survey, where, and when. */
export interface SurveyPlan {
  /** Survey id sent with each answer; defaults to the kind. Frequency caps count per id. */
  id: string
  kind: SurveyKind
  /** Touchpoints or stages it may show on. */
  on: (Touchpoint | Stage)[]
  trigger: Trigger
  /** Percent of visitors (0–100), stable per visitor, on top of `config.sample`. */
  sample?: number
  /** Days before the same survey may show again. Default 90 for NPS, 30 otherwise. */
  recontactDays?: number
}

/**
 * What the loader lends the surveys chunk to arm one page view's triggers: everything armed
 * through it goes when the page view's triggers stop (an SPA navigation, a consent change).
 */
export interface TriggerKit {
  /** Adds a listener until the triggers stop. */
  listen(target: EventTarget, type: string, listener: (event: Event) => void, options?: AddEventListenerOptions): void
  /** Calls `check` at most once per 100 ms while the page scrolls (a passive listener). */
  onScroll(check: () => void): void
  /** Hands `hear` every `touchpoint('track', name)` and dataLayer event (`event`) until the triggers stop. */
  onNamed(hear: (type: 'track' | 'event', name: string) => void): void
}
