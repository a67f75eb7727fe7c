import type { LoadChunk } from '../../shared/contract.js'

/** The npm build's chunk loader: bundlers split these `import()`s into their own files. */
export const importChunk: LoadChunk = (name) =>
  (name == 'ui'
    ? import('../../ui/index.js').then((m) => m.ui)
    : name == 'diagnostics'
      ? import('../../diagnostics/index.js').then((m) => m.diagnostics)
      : import('../../transport/transport.js').then((m) => m.transport)) as never
