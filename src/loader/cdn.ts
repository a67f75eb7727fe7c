/**
 * The CDN file `dist/touchpoint.js`: runs on every page of the store, so it stays tiny and never
 * imports the Preact UI. It reads its options from its own `data-*` attributes, defines
 * `window.touchpoint` and replays the calls the stub queued before it loaded.
 */
import { chunkRegistry, type Note } from '../shared/contract.js'
import { parseOptions } from './config/parse-options.js'
import { createTouchpoint } from './core/create-touchpoint.js'
import { loadScriptChunk } from './chunks/load-script-chunk.js'

// Only valid while this file's top level runs: capture it now.
const script = document.currentScript as HTMLScriptElement | null

try {
  const w = window as any // eslint-disable-line @typescript-eslint/no-explicit-any
  // Our own global (the chunks register there too): says whether a copy of the loader already runs.
  const registry = chunkRegistry()
  const tag = script || document.querySelector<HTMLScriptElement>('script[src*="touchpoint"][data-endpoint]')
  if (registry.endpoint !== undefined) {
    // Included twice: the first instance stays. With the same endpoint that is harmless.
    let other = tag && tag.dataset.endpoint
    try {
      other = new URL(other!, location.href).href
    } catch {
      // named as written
    }
    if (other && other != registry.endpoint)
      console.warn(
        `touchpoint: two tags, data-endpoint ${registry.endpoint} and ${other}: the second is ignored; remove one`,
      )
  } else {
    const warnings: Note[] = []
    const config = parseOptions({ ...(tag && tag.dataset) }, true, (note) => warnings.push(note))
    registry.endpoint = config.endpoint
    const base = tag ? tag.src.replace(/[^/]*$/, '') : ''
    const api = createTouchpoint(config, window, loadScriptChunk(base, config.nonce), warnings)
    // Ours: nothing yet, or the README's stub, a function that queues into `.q`. Anything else
    // belongs to another script, which would break if we replaced it.
    const stub = w.touchpoint
    const ours = !stub || (typeof stub == 'function' && (stub.q || /\.q\b/.test(stub)))
    if (ours) w.touchpoint = api
    else {
      w.touchpointSurvey = api
      console.warn(
        `touchpoint: window.touchpoint is already defined by another script; left it alone. Use window.touchpointSurvey`,
      )
    }
    for (const args of (ours && stub && stub.q) || []) {
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
