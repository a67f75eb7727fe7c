/**
 * The one interface between the loader (`dist/touchpoint.js`, on every page) and the chunks it
 * loads lazily (`touchpoint-ui.js`, `touchpoint-transport.js`). A CDN may serve an old cached
 * loader next to a newer chunk, so every chunk says which version of this interface it speaks;
 * the loader refuses a chunk whose `api` differs from its own and reports an `error` event.
 * Bump CHUNK_API on any incompatible change here.
 *
 * 2: the UI masks e-mail addresses and phone numbers in the comment before `answer()` (the
 *    loader no longer carries the masking code); a version-1 UI would hand over raw comments.
 */
import type { Batch, SurveyKind } from './types'

export const CHUNK_API = 2

// ---- UI chunk -------------------------------------------------------------------------------

/** What the loader asks the UI to show. */
export interface SurveyRequest {
  /** Survey id from the plan (the kind when the survey came from `show(kind)`). */
  survey: string
  kind: SurveyKind
  /** Resolved locale, e.g. `vi` or `en`. */
  locale: string
  /** Store-supplied question wording; rendered as text, never as HTML. */
  question?: string
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
}

export interface Chunks {
  ui: UiChunk
  transport: TransportChunk
}

export type ChunkName = keyof Chunks

/** How a build finds its chunks: a script tag next to the loader (CDN) or `import()` (npm). */
export type LoadChunk = <K extends ChunkName>(name: K) => Promise<Chunks[K]>
