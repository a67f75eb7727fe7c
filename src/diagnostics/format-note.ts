import type { Note } from '../shared/contract.js'
import { formatDebug } from './format-debug.js'
import { formatWarning } from './format-warning.js'
import { quote } from './quote.js'

/**
 * One readable English line for a note from the loader, starting with `touchpoint: `. Never
 * throws: a code this chunk does not know (a newer loader) or a value it cannot word gives the
 * compact form, the code and its values.
 *
 * @example
 * formatNote({ code: 'unknown-option', option: 'postion', source: 'tag' })
 * // → 'touchpoint: unknown attribute data-postion ignored; did you mean data-position?'
 */
export function formatNote(note: Note): string {
  try {
    const text = formatWarning(note as never) || formatDebug(note as never)
    if (text) return 'touchpoint: ' + text
  } catch {
    /* fall through to the compact form */
  }
  return `touchpoint: ${quote(note && note.code)} ${quote(note)}`
}
