// CDN entry of dist/touchpoint-ui.js: the loader finds the chunk on this global after the script runs.
import { ui } from './index.js'
import { chunkRegistry } from '../shared/contract.js'

chunkRegistry().ui = ui
