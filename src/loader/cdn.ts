/**
 * The CDN file `dist/touchpoint.js`: runs on every page of the store, so it stays tiny and never
 * imports the Preact UI. It reads its options from its own `data-*` attributes, defines
 * `window.touchpoint` and replays the calls the stub queued before it loaded.
 */
import { chunkRegistry, type Note } from '../shared/contract.js'
import { parseOptions } from './config/parse-options.js'
import { createTouchpoint } from './core/create-touchpoint.js'
import { loadScriptChunk } from './chunks/load-script-chunk.js'
import { createReport } from './core/report.js'

// Only valid while this file's top level runs: capture it now.
const script = document.currentScript as HTMLScriptElement | null

try {
  const w = window as any // eslint-disable-line @typescript-eslint/no-explicit-any
  // Our own global (the chunks register there too): says whether a copy of the loader already runs.
  const registry = chunkRegistry()
  const tag = script || document.querySelector<HTMLScriptElement>('script[src*="touchpoint"][data-endpoint]')
  // Chunks sit next to the loader (touchpoint-ui.js …).
  const base = tag ? tag.src.replace(/[^/]*$/, '') : ''
  if (registry.endpoint !== undefined) {
    // Included twice: the first instance stays. With the same endpoint that is harmless.
    let other = tag && tag.dataset.endpoint
    try {
      other = new URL(other!, location.href).href
    } catch {
      // named as written
    }
    if (other && other != registry.endpoint)
      createReport(loadScriptChunk(base, (tag && tag.dataset.nonce) || null), false).warn({
        code: 'two-tags',
        endpoint: registry.endpoint,
        other,
      })
  } else {
    const warnings: Note[] = []
    const config = parseOptions({ ...(tag && tag.dataset) }, true, (note) => warnings.push(note))
    registry.endpoint = config.endpoint
    // Ours: nothing yet, or the README's stub, a function that queues into `.q`. Anything else
    // belongs to another script, which would break if we replaced it.
    const stub = w.touchpoint
    const ours = !stub || (typeof stub == 'function' && (stub.q || /\.q\b/.test(stub)))
    if (!ours) warnings.push({ code: 'global-taken' })
    const api = createTouchpoint(config, window, loadScriptChunk(base, config.nonce), warnings)
    if (ours) w.touchpoint = api
    else w.touchpointSurvey = api
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
