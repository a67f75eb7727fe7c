// CDN entry of dist/touchpoint-words.js: loaded only on pages in a language whose URL words the
// loader does not carry; the loader finds the chunk on this global after the script runs.
import { words } from './index.js'
import { chunkRegistry } from '../shared/contract.js'

chunkRegistry().words = words
