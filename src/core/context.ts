import type { Config } from '../config/options'
import type { LoadChunk } from '../contract'
import type { Detection } from '../types'
import type { Emitter } from './emitter'
import type { SafeStorage } from '../lib/storage'
import type { Consent } from '../targeting/consent'

/** What every part of a running widget shares. Built once by createTouchpoint. */
export interface Context {
  win: Window
  config: Config
  emit: Emitter['emit']
  on: Emitter['on']
  /** Console output only with `debug` on. */
  log(...args: unknown[]): void
  /** Always printed: bad configuration and lost-capability warnings. */
  warn(message: string): void
  /** The current page's journey position (follows SPA navigation). */
  detection(): Detection
  /** Resolved survey language, one of the built-in ones (`en`, `vi`). */
  locale(): string
  loadChunk: LoadChunk
  consent: Consent
  /** Storage that respects consent and falls back to memory. */
  storage: SafeStorage
}
