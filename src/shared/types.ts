import type { DEVICES, DISPLAY_EVENTS, EMOTIONS, KINDS, STAGES, TOUCHPOINTS, VISITORS } from './vocabulary.js'

/** The kind of page the shopper is on (see TOUCHPOINTS in vocabulary.ts). */
export type Touchpoint = (typeof TOUCHPOINTS)[number]

/** Where a touchpoint sits in the shopper's journey. */
export type Stage = (typeof STAGES)[number]

/** The micro-survey kinds. `ces` (customer effort, 1–7) is an extra for checkout friction. */
export type SurveyKind = (typeof KINDS)[number]

/** The five faces of an `emotion` survey, score 1–5 in this order. */
export type Emotion = (typeof EMOTIONS)[number]

/** What `detect()` returns: the journey position of the current page and what decided it. */
export interface Detection {
  stage: Stage
  touchpoint: Touchpoint
  /** What decided, e.g. `shopify:pageType`, `woocommerce:body-class`, `datalayer:purchase`, `url`. */
  signal: string
}

/** One answer, exactly as it travels on the wire (see schema/response.schema.json). */
export interface SurveyResponse {
  /** uuid v4, created once and kept across retries and beacons. */
  id: string
  /** Survey id from the plan (defaults to the kind). */
  survey: string
  kind: SurveyKind
  score: number
  comment: string | null
  /** Face label for kind `emotion`, `null` otherwise. */
  emotion: Emotion | null
  stage: Stage
  touchpoint: Touchpoint
  url: string
  locale: string
  /** ISO 8601 time the survey was shown: the same in every copy of the answer (draft, final, retries). */
  at: string
  /** The id of the `shown` display this answer answers (optional: older widgets and other senders omit it). */
  display?: string
  /** The shopper's screen class, from the viewport (optional). */
  device?: Device
  /** Whether the widget had seen this browser on an earlier day (optional). */
  visitor?: Visitor
}

/** The shopper's screen class: phone, tablet or desktop, from the layout viewport's width. */
export type Device = (typeof DEVICES)[number]

/** `returning` when the widget first saw this browser on an earlier day (its own storage, no cookie). */
export type Visitor = (typeof VISITORS)[number]

/** What happened to a survey card: it was shown, or the shopper dismissed it. */
export type DisplayEvent = (typeof DISPLAY_EVENTS)[number]

/**
 * One display, as it travels on the wire: a survey card was shown, or dismissed. With the
 * answers that name it (`display`), the collector counts shown, answered and dismissed.
 */
export interface SurveyDisplay {
  /** uuid v4, created once per event and kept across retries and beacons. */
  id: string
  event: DisplayEvent
  survey: string
  kind: SurveyKind
  stage: Stage
  touchpoint: Touchpoint
  url: string
  locale: string
  /** ISO 8601 time of the event. */
  at: string
  device?: Device
  visitor?: Visitor
}

/** A batch POSTed to the endpoint. */
export interface Batch {
  v: 1
  sent_at: string
  responses: SurveyResponse[]
  /** Shown and dismissed surveys (optional; a batch may hold only displays, with `responses: []`). */
  displays?: SurveyDisplay[]
}

/** Payload of `show`, `answer` and `dismiss`: the response object, `score` is `null` until chosen. */
export type SurveyEvent = Omit<SurveyResponse, 'score'> & { score: number | null }

/** Payload of `error`. `code` is stable and machine-readable; `message` is for people. */
export interface TouchpointError {
  code: 'rejected' | 'overflow' | 'storage' | 'outbox' | 'chunk' | 'hidden' | 'config' | 'network'
  message: string
  /** HTTP status, for `rejected`. */
  status?: number
  /** The response ids concerned, when any. */
  ids?: string[]
}

export interface EventMap {
  show: SurveyEvent
  /** The answer exactly as it is sent: `score` is a number. */
  answer: SurveyResponse
  dismiss: SurveyEvent
  sent: { ids: string[] }
  error: TouchpointError
  stage: Detection
}

export type EventName = keyof EventMap

/** The object behind `window.touchpoint` and `init()`. Also callable: `touchpoint('show', 'nps')`. */
export interface TouchpointApi {
  (command: string, ...args: unknown[]): unknown
  readonly version: string
  /** The current page's journey position; follows SPA navigation. */
  detect(): Detection
  /** Show a survey now, skipping triggers and frequency caps (consent still applies). Resolves true when shown. */
  show(kind: SurveyKind, survey?: string): Promise<boolean>
  /** Listen to `show`, `answer`, `dismiss`, `sent`, `error`, `stage`. Returns an unsubscribe function. */
  on<E extends EventName>(event: E, fn: (payload: EventMap[E]) => void): () => void
  /** Hand every waiting answer to the network; resolves when the attempt has settled. */
  flush(): Promise<void>
  /** Force the touchpoint or stage of the current page (`null` returns to detection). */
  setStage(stage: Touchpoint | Stage | null): void
  /** Give or withdraw consent (with `data-consent="required"`). */
  consent(granted: boolean): void
  /** Fire a `track` trigger from code, e.g. `touchpoint('track', 'chat-closed')`. */
  track(name: string): void
}
