// CDN entry of dist/touchpoint-ui.js: the loader finds the chunk on this global after the script runs.
import { ui } from './index.js'

const w = window as unknown as { __touchpoint_chunks?: Record<string, unknown> }
;(w.__touchpoint_chunks = w.__touchpoint_chunks || {}).ui = ui
