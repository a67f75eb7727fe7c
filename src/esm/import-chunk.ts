import type { LoadChunk } from '../contract'

/** The npm build's chunk loader: bundlers split these `import()`s into their own files. */
export const importChunk: LoadChunk = (name) =>
  (name == 'ui'
    ? import('../ui/index').then((m) => m.ui)
    : name == 'diagnostics'
      ? import('../diagnostics/index').then((m) => m.diagnostics)
      : import('../delivery/transport').then((m) => m.transport)) as never
