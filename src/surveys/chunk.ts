// CDN entry of dist/touchpoint-surveys.js: loaded only on stores that set their own survey plan;
// the loader finds the chunk on this global after the script runs.
import { surveys } from './index.js'
import { chunkRegistry } from '../shared/contract.js'

chunkRegistry().surveys = surveys
