/**
 * The product's vocabulary, named once: every type, table and check that speaks of touchpoints,
 * stages, survey kinds, score ranges, emotions, devices, visitors or display events derives from
 * this module (types.ts, the detection ranks, the UI strings, the loader's displays, the
 * transport chunk's outbox checks, the collector's validation and report; a test holds
 * schema/response.schema.json to it). Adding a touchpoint means adding it here and placing it in the detection rules
 * (src/loader/detection/page-types.ts), nothing else.
 */

/** The stages of the shopper's journey, in journey order. */
export const STAGES = ['awareness', 'consideration', 'decision', 'purchase', 'retention'] as const

/**
 * Every touchpoint (the kind of page a shopper is on), in the order reports list them, with the
 * stage it belongs to by default (product.md). Stores override the stages with `data-stage-map`.
 */
export const DEFAULT_STAGE_MAP = {
  home: 'awareness',
  listing: 'consideration',
  search: 'consideration',
  product: 'consideration',
  cart: 'decision',
  checkout: 'decision',
  confirmation: 'purchase',
  account: 'retention',
  support: 'retention',
  content: 'awareness',
  other: 'awareness',
} as const satisfies Record<string, (typeof STAGES)[number]>

/** The touchpoints, in the order reports list them: the keys of DEFAULT_STAGE_MAP. */
export const TOUCHPOINTS = Object.keys(DEFAULT_STAGE_MAP) as readonly (keyof typeof DEFAULT_STAGE_MAP)[]

/** Every survey kind, in the order `show()` lists them in its warning. */
export const KINDS = ['csat', 'nps', 'emotion', 'ces'] as const

/** Score range per kind, inclusive. */
export const RANGE = {
  csat: [1, 5],
  nps: [0, 10],
  emotion: [1, 5],
  ces: [1, 7],
} as const satisfies Record<(typeof KINDS)[number], readonly [number, number]>

/** The five faces of an `emotion` survey, for scores 1–5. */
export const EMOTIONS = ['frustrated', 'disappointed', 'neutral', 'pleased', 'delighted'] as const

/** The screen classes an answer and a display carry, narrowest first: deviceOf counts the widths passed. */
export const DEVICES = ['phone', 'tablet', 'desktop'] as const

/** Whether the widget first saw this browser today or on an earlier day; visitorOf counts on this order. */
export const VISITORS = ['new', 'returning'] as const

/** What happened to a survey card: it was shown, or the shopper dismissed it. */
export const DISPLAY_EVENTS = ['shown', 'dismissed'] as const
