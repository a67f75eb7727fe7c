// The diagnostics chunk: words the loader's compact notes (src/shared/contract.ts `Note`). Loaded only
// when there is a warning or `debug` is on, so none of this text ships on a clean page view.
import { CHUNK_API, type DiagnosticsChunk } from '../shared/contract.js'
import { formatNote } from './format-note.js'

export const diagnostics: DiagnosticsChunk = { api: CHUNK_API, format: formatNote }
