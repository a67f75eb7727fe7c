/** The kind of page the shopper is on. */
export type Touchpoint =
  | 'home' | 'listing' | 'search' | 'product' | 'cart' | 'checkout'
  | 'confirmation' | 'account' | 'support' | 'content' | 'other'

/** Where a touchpoint sits in the shopper's journey. */
export type Stage = 'awareness' | 'consideration' | 'decision' | 'purchase' | 'retention'

/** The micro-survey kinds. `ces` (customer effort, 1–7) is an extra for checkout friction. */
export type SurveyKind = 'csat' | 'nps' | 'emotion' | 'ces'

/** The five faces of an `emotion` survey, score 1–5 in this order. */
export type Emotion = 'frustrated' | 'disappointed' | 'neutral' | 'pleased' | 'delighted'

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
  /** ISO 8601 time of the answer. */
  at: string
}

/** A batch POSTed to the endpoint. */
export interface Batch {
  v: 1
  sent_at: string
  responses: SurveyResponse[]
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
  answer: SurveyEvent
  dismiss: SurveyEvent
  sent: { ids: string[] }
  error: TouchpointError
  stage: Detection
}

export type EventName = keyof EventMap
