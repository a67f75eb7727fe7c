import type { Note } from '../shared/contract.js'
import type { Options } from '../shared/options.js'
import { parseOptions } from './config/parse-options.js'
import { createTouchpoint } from './core/create-touchpoint.js'
import type { TouchpointApi } from '../shared/types.js'
import { importChunk } from './chunks/import-chunk.js'

let instance: TouchpointApi | undefined

/**
 * Starts the widget from code (npm). Safe to import during server-side rendering: nothing touches
 * `window` until `init()` runs in a browser. A second call returns the first instance.
 *
 * @example
 * import { init } from 'touchpoint-survey'
 * const touchpoint = init({ endpoint: 'https://collect.example/r', locale: 'vi' })
 * touchpoint?.on('answer', (r) => console.log(r.kind, r.score))
 */
export function init(options: Options): TouchpointApi | undefined {
  if (typeof window == 'undefined') {
    console.warn('touchpoint: init() needs a browser; call it on the client')
    return undefined
  }
  if (instance) {
    console.warn('touchpoint: init() was already called; returning the running instance')
    return instance
  }
  const warnings: Note[] = []
  const config = parseOptions((options || {}) as unknown as Record<string, unknown>, false, (note) =>
    warnings.push(note),
  )
  return (instance = createTouchpoint(config, window, importChunk, warnings))
}
