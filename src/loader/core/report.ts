import type { LoadChunk, Note } from '../../shared/contract.js'

/** How the running widget speaks to the store's developer. */
export interface Report {
  /** Always printed (bad configuration, API misuse, lost capabilities). */
  warn(note: Note): void
  /** Printed only with `debug` on. */
  log(note: Note): void
}

/**
 * The loader's half of diagnostics: it only keeps compact codes; the diagnostics chunk, loaded
 * the first time there is something to say, turns each into a readable line. A clean page with
 * `debug` off never loads it. Should the chunk fail to load, each note still reaches the console
 * in its compact form: a warning is never lost, and nothing is thrown.
 *
 * @example
 * const report = createReport(loadChunk, config.debug)
 * report.warn({ code: 'bad-value', option: 'accent', source: 'tag', value: 'blu' })
 */
export function createReport(loadChunk: LoadChunk, debug: boolean): Report {
  // Notes share one pending load, so they print in the order they were made.
  const say = (level: 'warn' | 'info', note: Note) =>
    loadChunk('diagnostics')
      .then((chunk) => console[level](chunk.format(note)))
      .catch(() => console[level]('touchpoint: ' + note.code, note))
  return {
    warn: (note) => void say('warn', note),
    log: (note) => void (debug && say('info', note)),
  }
}
