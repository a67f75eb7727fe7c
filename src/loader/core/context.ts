import type { Config } from '../../shared/options.js'
import type { LoadChunk, Note } from '../../shared/contract.js'
import type { Detection } from '../../shared/types.js'
import type { Emitter } from './emitter.js'
import type { SafeStorage } from '../lib/storage.js'
import type { Consent } from '../privacy/consent.js'

/** What every part of a running widget shares. Built once by createTouchpoint. */
export interface Context {
  win: Window
  config: Config
  emit: Emitter['emit']
  on: Emitter['on']
  /** A debug note: printed (by the diagnostics chunk) only with `debug` on. */
  log(note: Note): void
  /** Always printed (by the diagnostics chunk): bad configuration and lost-capability warnings. */
  warn(note: Note): void
  /** The current page's journey position (follows SPA navigation). */
  detection(): Detection
  /** Resolved survey language, one of the built-in ones (`en`, `vi`). */
  locale(): string
  loadChunk: LoadChunk
  consent: Consent
  /** Storage that respects consent and falls back to memory. */
  storage: SafeStorage
}
