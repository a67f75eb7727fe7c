// CDN entry of dist/touchpoint-diagnostics.js: loaded only when there is a warning to word or
// `data-debug` is on; the loader finds the chunk on this global after the script runs.
import { diagnostics } from './index.js'
import { chunkRegistry } from '../shared/contract.js'

chunkRegistry().diagnostics = diagnostics
