/**
 * The CDN file `dist/touchpoint.js`: runs on every page of the store, so it stays tiny and never
 * imports the Preact UI. It reads its options from its own `data-*` attributes, defines
 * `window.touchpoint` and replays the calls the stub queued before it loaded.
 */
import type { Note } from '../contract'
import { parseOptions } from '../config/parse-options'
import { createTouchpoint } from '../core/create-touchpoint'
import { loadScriptChunk } from './load-script-chunk'

// Only valid while this file's top level runs: capture it now.
const script = document.currentScript as HTMLScriptElement | null

try {
  const w = window as any // eslint-disable-line @typescript-eslint/no-explicit-any
  const stub = w.touchpoint
  // Included twice: the first instance stays; its stub queue was already replayed.
  if (!(stub && stub.version)) {
    const tag = script || document.querySelector<HTMLScriptElement>('script[src*="touchpoint"][data-endpoint]')
    const warnings: Note[] = []
    const config = parseOptions({ ...(tag && tag.dataset) }, true, (note) => warnings.push(note))
    const base = tag ? tag.src.replace(/[^/]*$/, '') : ''
    const api = (w.touchpoint = createTouchpoint(config, window, loadScriptChunk(base, config.nonce), warnings))
    for (const args of (stub && stub.q) || []) {
      try {
        api(...(Array.from(args) as [string]))
      } catch (err) {
        console.warn('touchpoint: queued call failed', err)
      }
    }
  }
} catch (err) {
  console.warn('touchpoint: could not start', err)
}
