import { CHUNK_API, type LoadChunk } from '../../shared/contract.js'
import { URL_WORDS } from '../../shared/url-words.js'

/**
 * The npm build's chunk loader: bundlers split these `import()`s into their own files (the
 * surveys parser too: an app on the built-in plan never loads it). The URL
 * words are bundled, not split: the npm build's detectStage() reads every language at once (npm.ts).
 */
export const importChunk: LoadChunk = (name) =>
  (name == 'ui'
    ? import('../../ui/index.js').then((m) => m.ui)
    : name == 'diagnostics'
      ? import('../../diagnostics/index.js').then((m) => m.diagnostics)
      : name == 'words'
        ? Promise.resolve({ api: CHUNK_API, words: URL_WORDS })
        : name == 'surveys'
          ? import('../../surveys/index.js').then((m) => m.surveys)
          : import('../../transport/transport.js').then((m) => m.transport)) as never
