/**
 * The one interface between the loader (`dist/touchpoint.js`, on every page) and the chunks it
 * loads lazily (`touchpoint-ui.js`, `touchpoint-transport.js`, `touchpoint-diagnostics.js`,
 * `touchpoint-words.js`, `touchpoint-surveys.js`). A CDN may serve an old cached
 * loader next to a newer chunk, so every chunk says which version of this interface it speaks;
 * the loader refuses a chunk whose `api` differs from its own and reports an `error` event.
 * Bump CHUNK_API on any incompatible change here.
 *
 * 2: the UI masks e-mail addresses and phone numbers in the comment before `answer()` (the
 *    loader no longer carries the masking code); a version-1 UI would hand over raw comments.
 *    Later in version 2, without a bump: the diagnostics chunk (adding a chunk changes nothing
 *    for the others, and an older loader never asks for it). New `Note` codes need no bump
 *    either: a diagnostics chunk prints a code it does not know in the compact form.
 *    Later still, without a bump: `SurveyRequest.strings` and `UiHost.warn`, both optional (an
 *    older loader sends no strings, and the UI checks for `warn` before calling it).
 *    Later still, without a bump: the words chunk (another new chunk, asked for only by newer loaders).
 *    Later still, without a bump: the surveys chunk (the same), and `failed` notes about it.
 *    Later still, without a bump: `UiChunk.prepare`, optional (an older UI lacks it and the loader
 *    checks for it; an older loader never calls it, and open() renders as before). Later still:
 *    `prepare(null)`, sent at a new page view; an older UI throws on it, and the loader catches that.
 *    Later still, without a bump: `TransportChunk.deliver`, the send orchestration that left the
 *    loader (docs/delivery.md). A newer chunk keeps `send` and `withLock`, so an older loader
 *    still sends with it; a newer loader finds no `deliver` on an older chunk and treats it as a
 *    chunk that did not load (one `error` event, answers kept, retried with backoff).
 *    Later still, without a bump: `SurveysChunk.arm`, optional, which arms the triggers only a
 *    store's own plan can use (scroll, click, event, track; the loader no longer carries them). An
 *    older surveys chunk lacks it: the loader still arms delay, dwell and exit and warns once per
 *    such trigger (a `failed` note about `surveys` whose `error` is the `Trigger`); an older
 *    loader never calls it and arms those triggers itself. Debug notes carry the plan's `Trigger`
 *    (`{ delay: 3000 }`) where older loaders sent a string (`delay=3000`): the diagnostics chunk
 *    words either.
 *    Later still, without a bump: `UiChunk.present`, optional, the bookkeeping of a shown card (its
 *    answer's id, the drafts' and answer's wire form, the displays, counting it as shown after its
 *    first frame) that left the loader, as only a page view that shows a survey needs it. A newer
 *    UI keeps `open`, so an older loader still shows and keeps answers with its own bookkeeping; a
 *    newer loader finds no `present` on an older UI and shows nothing (a `failed` debug note about
 *    `ui` and an `error` event, code `chunk`, as for a UI that did not load) until the cache
 *    serves the newer UI. Nothing was shown, so no answer can be lost.
 */
import type {
  Batch,
  Detection,
  EventMap,
  SurveyDisplay,
  SurveyEvent,
  SurveyKind,
  SurveyResponse,
  Touchpoint,
  Visitor,
} from './types.js'
import type { Config } from './options.js'
import type { SurveyPlan, Trigger, TriggerKit } from './survey-plan.js'

// The survey plan's types live in survey-plan.ts; the contract carries them (notes, the surveys chunk).
export type { SurveyPlan, Trigger, TriggerKit }

export const CHUNK_API = 2

// ---- UI chunk -------------------------------------------------------------------------------

/** What the loader asks the UI to show. */
export interface SurveyRequest {
  /** Survey id from the plan (the kind when the survey came from `show(kind)`). */
  survey: string
  kind: SurveyKind
  /** Resolved locale, e.g. `vi`, `en`, or a tag the store supplies `strings` for (`fr`). */
  locale: string
  /** The store's `strings` option, passed on unchecked (older loaders omit it): the UI merges and checks it. */
  strings?: object | null
  /** Store-supplied question wording; rendered as text, never as HTML. */
  question?: string
  /** Where the shopper is, so the UI can word its question for the page (optional: older loaders omit it). */
  touchpoint?: Touchpoint
  position: 'bottom-right' | 'bottom-left'
  /** Inline mode: render inside this element instead of floating. */
  mount: Element | null
  /** Accent colour (any CSS colour), already validated. */
  accent?: string
  /** CSP nonce for the `<style>` fallback when constructable stylesheets are unavailable. */
  nonce?: string
  /** True when a trigger opened it: the UI must not move focus. */
  auto: boolean
}

/** What the UI reports back. The loader owns ids, storage and sending. */
export interface UiHost {
  /** The shopper picked a score: the loader persists it at once, so closing later loses nothing. */
  choose(score: number): void
  /** The shopper sent (or closed after choosing): the final answer with the optional comment, already masked with `maskPii`. */
  answer(score: number, comment: string | null): void
  /** Closed without choosing a score. */
  dismiss(): void
  /** The survey has left the page (after its thank-you, or closed): another may open now. */
  closed(): void
  /** A warning for the store's developer, worded by the diagnostics chunk (absent from older loaders). */
  warn?(note: Note): void
}

export interface UiHandle {
  /** Remove the survey from the page without reporting anything. */
  close(): void
  /**
   * false when the page keeps the card from being seen (a hidden `mount` element or ancestor):
   * the loader closes it and does not count it as shown. Absent from older UI chunks: visible.
   */
  visible?: boolean
}

export interface UiChunk {
  api: number
  open(request: SurveyRequest, host: UiHost): UiHandle
  /**
   * Renders the card for `request` ahead of time, at idle, invisible, out of the tab order and the
   * accessibility tree, so that an open() with the same request only reveals it (a different one
   * renders as ever); `null` takes a prepared card away (a UI without that throws, which the
   * loader catches). Never throws otherwise.
   */
  prepare?(request: SurveyRequest | null, host: Pick<UiHost, 'warn'>): void
  /**
   * Opens the card for `request` and keeps its books: its answer's id and wire form, its displays,
   * counting it as shown after its first frame. Every step is handed to `host` in the same task,
   * so the loader writes it to the outbox at once. null when the page hides the card (closed,
   * warned, an `error` event `hidden`, not counted as shown). Absent from older UI chunks: a
   * loader that needs it shows nothing with them. Never throws.
   */
  present?(request: SurveyRequest, host: ShowHost): ShownCard | null
}

/** What the loader lends a shown card's bookkeeping (`UiChunk.present`). */
export interface ShowHost {
  /** The store's window. (The names of this host are not the loader's internal ones, which its build shortens.) */
  page: Window
  /** Where the shopper is as the card shows: its answer and displays carry it. */
  detection: Detection
  /** This browser's visitor kind: the loader keeps the first-seen day on every page view. */
  visitor(): Visitor
  /** Stores an answer at once: a draft (a chosen score, `final` false) or the final answer. */
  store(response: SurveyResponse, final: boolean): void
  /** Stores a display (shown, dismissed) at once. */
  display(display: SurveyDisplay): void
  /** The card was counted as shown, or answered, or dismissed: frequency caps, the slot, the public event. */
  tell(what: 'show' | 'answer' | 'dismiss', payload: SurveyEvent): void
  emit<E extends 'error'>(event: E, payload: EventMap[E]): void
  closed(): void
  warn?(note: Note): void
}

/** The `error` of the `failed` note (and the `chunk` error event's message) about a UI chunk without `present`. */
export const OLD_UI = 'touchpoint-ui.js too old'

/** A card `present` put on screen. */
export interface ShownCard extends UiHandle {
  /** Counts the card as shown now, if that has not happened yet (the page is being left). */
  count(): void
  /** Settles once the card is counted as shown: after its first frame, when the browser is idle. */
  counted: Promise<void>
}

// ---- transport chunk ------------------------------------------------------------------------

export interface SendResult {
  /** true only after a 2xx. */
  ok: boolean
  /** HTTP status when the server answered. */
  status?: number
  /** false for poison answers (4xx other than 408/429): never send that batch again. */
  retry: boolean
  /** Server-asked wait (Retry-After), in ms. */
  retryAfterMs?: number
}

export interface TransportChunk {
  api: number
  /**
   * POST one batch with timeout and in-request retries; never throws. `onRequest` is called as
   * each request goes out (a chunk older than this parameter never calls it; the loader then
   * waits for the result instead).
   */
  send(endpoint: string, batch: Batch, signal?: AbortSignal, onRequest?: () => void): Promise<SendResult>
  /** Run `fn` while holding a cross-tab lock (Web Locks, else a storage lease); null if another tab holds it. */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T | null>
  /**
   * The sending half of delivery for one loader (absent from older chunks: a loader that needs it
   * treats such a chunk as not loaded). The loader keeps the outbox writes and the triggers.
   */
  deliver?(host: DeliveryHost): Courier
}

/** Storage that never throws (the loader's SafeStorage: localStorage, else memory). */
export interface KeyValue {
  get(key: string): string | null
  set(key: string, value: string): boolean
  remove(key: string): void
}

/** What the loader lends the transport chunk's delivery. */
export interface DeliveryHost {
  /** The outboxes' storage: the same object the loader writes them with. */
  storage: KeyValue
  config: Pick<Config, 'endpoint' | 'flushMs' | 'batchSize'>
  emit<E extends 'sent' | 'error'>(event: E, payload: EventMap[E]): void
  log(note: Note): void
  /** Warns once about entries dropped from an outbox (unreadable, or not what the wire holds). */
  onDrop(message: string): void
  /** true while the browser says it is offline: nothing is tried then. */
  offline(): boolean
}

/** The transport chunk's delivery: sends what the loader stored in the outboxes. */
export interface Courier {
  /**
   * The loader stored something (`answer`: a final answer; else a display): sends it
   * `data-flush-ms` later, or at once when `data-batch-size` answers are due.
   */
  queued(answer: boolean): void
  /** Sends every due answer and display; resolves once the attempt settles. `handed` hears the request go out. */
  flush(handed?: () => void): Promise<void>
  /** The page is being hidden or left: beacons what is due and not yet beaconed on this page view. */
  leave(): void
}

// ---- diagnostics chunk ----------------------------------------------------------------------

/** Where an option was written; the chunk names it that way (`data-batch-size`, `batchSize`, data-config's `"batchSize"`). */
export type OptionSource = 'tag' | 'config' | 'init'

/** What is wrong with a part of the survey plan: its syntax, a name, or a number out of range. */
export type SurveyProblem =
  'syntax' | 'where' | 'kind' | 'option' | 'selector' | 'trigger' | 'sample' | 'recontact' | 'scroll'

/** A public method the store's code called wrongly. */
export type ApiCall = 'show' | 'on' | 'consent' | 'setStage' | 'command'

/** What the loader knows about a survey on the current page, for the `page` debug note. */
export interface PageSurvey {
  id: string
  /** The plan's trigger, e.g. `{ delay: 3000 }`: the diagnostics chunk words it (`delay=3000`). */
  trigger: Trigger
  eligible: boolean
  reason: string
}

/**
 * What the loader has to say, as compact codes and the values concerned; no prose, which lives in
 * the diagnostics chunk. Warnings (configuration and API mistakes) are always printed; the debug
 * notes only with `debug` on.
 */
export type Note =
  // -- warnings
  | { code: 'bad-value'; option: string; source: OptionSource; value: unknown }
  | { code: 'unknown-option'; option: string; source: OptionSource }
  | { code: 'bad-json'; value: string }
  | { code: 'no-endpoint'; source: OptionSource }
  | { code: 'bad-survey'; part: string; source: OptionSource; problem: SurveyProblem; detail?: string }
  | { code: 'bad-call'; call: ApiCall; value: unknown }
  | { code: 'no-storage' }
  /** A locale without built-in wording and no `strings` for it: the survey speaks English. */
  | { code: 'no-strings'; locale: string; source: OptionSource }
  /** The store's `strings` leave these keys out (dotted paths); English stands in for them. */
  | { code: 'missing-strings'; locale: string; keys: string[] }
  /** A second script tag with another `data-endpoint`: the first one's instance runs alone. */
  | { code: 'two-tags'; endpoint: string | null; other: string }
  /** `window.touchpoint` belongs to another script: ours is `window.touchpointSurvey`. */
  | { code: 'global-taken' }
  // -- debug
  /** Where this page view is and what its surveys wait for; sent at start and on every SPA navigation. */
  | { code: 'page'; detection: Detection; endpoint: boolean; consent: string | null; surveys: PageSurvey[] }
  | { code: 'decision'; survey: string; trigger: Trigger; eligible: boolean; reason: string }
  | { code: 'not-showing'; survey: string; reason: 'no-endpoint' | 'open' | string }
  | { code: 'showing'; survey: string; trigger: Trigger }
  | { code: 'failed'; what: 'listener' | 'ui' | 'delivery' | 'surveys'; error: unknown }
  | { code: 'delivery'; message: string }
  /** A flush that sends nothing: offline (the `online` event flushes), or nothing is due (a draft waits for Send or the page's end). */
  | { code: 'not-sending'; offline: boolean }

export type NoteCode = Note['code']

export interface DiagnosticsChunk {
  api: number
  /**
   * One readable English line for a note, starting with `touchpoint: `. Never throws; a code
   * this chunk does not know gives a compact line with the code and its values.
   */
  format(note: Note): string
}

// ---- words chunk ----------------------------------------------------------------------------

/**
 * URL words per touchpoint, each a pattern over the page's route as the loader's URL words read it
 * (lower case, `/` at both ends, `_` as `-`): `{ cart: /\/(warenkorb|panier)\// }`.
 */
export type UrlWords = Partial<Record<Touchpoint, RegExp>>

/** URL words in languages the loader does not carry (src/shared/url-words.ts), for stores in those languages. */
export interface WordsChunk {
  api: number
  words: UrlWords
}

// ---- surveys chunk --------------------------------------------------------------------------

/**
 * The parser of a store's own survey plan (`data-surveys`, `init({ surveys })`): only stores that
 * set one load it; the built-in plan ships in the loader already parsed. It also arms the triggers
 * the built-in plan never uses (scroll, click, event, track): only a store's own plan can name
 * them, so they arrive with its parser instead of on every store's pages.
 */
export interface SurveysChunk {
  api: number
  /** The plan the option describes; each bad part becomes one `bad-survey` note and is skipped. */
  parse(value: string | unknown[], warn: (note: Note) => void): SurveyPlan[]
  /**
   * Arms a scroll, click, event or track trigger on `win`; `go()` when it fires (targeting runs it
   * at most once). Absent from older surveys chunks: the loader warns instead of arming.
   */
  arm?(win: Window, trigger: Trigger, go: () => void, kit: TriggerKit): void
}

export interface Chunks {
  ui: UiChunk
  transport: TransportChunk
  diagnostics: DiagnosticsChunk
  words: WordsChunk
  surveys: SurveysChunk
}

export type ChunkName = keyof Chunks

/**
 * The CDN build's one global, `window.__touchpoint_chunks`: each chunk script registers itself
 * under its name, and the first loader marks its endpoint there (a second copy of the tag then
 * stays out). A chunk found there may come from another release: check its `api`.
 */
export interface ChunkRegistry extends Partial<Chunks> {
  /** The running loader's endpoint (null without one); absent while no loader runs. */
  endpoint?: string | null
}

/**
 * The chunk registry of this page, created on first use.
 *
 * @example
 * chunkRegistry().ui = ui // in a chunk's CDN entry
 */
export const chunkRegistry = (): ChunkRegistry =>
  ((window as { __touchpoint_chunks?: ChunkRegistry }).__touchpoint_chunks ||= {})

/** How a build finds its chunks: a script tag next to the loader (CDN) or `import()` (npm). */
export type LoadChunk = <K extends ChunkName>(name: K) => Promise<Chunks[K]>
